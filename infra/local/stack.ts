// The whole product on one machine: the emulators (dynalite, s3rver, the SES emulator, local
// Step Functions, the Telnyx, AssemblyAI, OpenAI and Resources Centre stand-ins, cognito-local with
// AUTH_MODE=cognito), the database (PGlite on disk or a Postgres server), the Lambda handlers
// behind the local gateway, the schedules timer and the SPA. Used by `npm start`, `npm run dev`,
// the integration tests and the browser suite.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rm, writeFile, access } from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { S3Event } from 'aws-lambda';
import { ConfigError, parseConfig, setConfig, type Config } from '../../functions/src/config/config';
import { databaseSourceFromConfig, openDatabase, type DatabaseHandle } from '../../functions/src/db/connection';
import { migrateDatabase } from '../../functions/src/db/migrate';
import { buildDeps, setDeps } from '../../functions/src/deps';
import type { Deps } from '../../functions/src/core/deps';
import { runBootstrap } from '../../functions/src/bootstrap';
import { scheduledJobs } from '../../functions/src/schedules';
import { AUTOANALYZE_EVERY_SECONDS, analyzeChangedTables } from './autoanalyze';
import { s3Notifications } from '../../functions/src/events';
import { apiModules } from '../../functions/src/modules/index';
import { workflows } from '../../functions/src/workflows/index';
import { validateRouteTable, type HttpHandler } from '../../functions/src/http/create-http-handler';
import { createGateway } from './gateway';
import { createStaticHandler, SECURITY_HEADERS } from './static-files';
import { ensureMainTable, startDynamo } from './emulators/dynamo';
import { startS3 } from './emulators/s3';
import { startSes } from './emulators/ses';
import { startSesStandin, type SesStandin } from './emulators/ses-standin';
import { loadOrCreateTelephonySecretKey, loadOrCreateTrackingSecret } from './tracking-secret';
import { startTelnyxStandin, type StandinDelays, type TelnyxStandin } from './emulators/telnyx-standin';
import { startAssemblyAiStandin, type AssemblyAiStandin } from './emulators/assemblyai-standin';
import { startOpenAiStandin, type OpenAiStandin } from './emulators/openai-standin';
import { startStepFunctions, type StepFunctionsEmulator } from './emulators/stepfunctions';
import { startFakeClientEndpoint, type FakeClientEndpoint } from './emulators/fake-client-endpoint';
import { startSocialStandin, type SocialStandin } from './emulators/social-standin';
import { startResourcesCentreStandin, type ResourcesCentreStandin } from './emulators/resources-centre-standin';
import { currentResourcesCentreSecret } from '../../functions/src/modules/content';
import { RC_INBOUND_PATH } from '../../shared/contracts/content-resources';
import type { CognitoEmulator } from './emulators/cognito';
import { redactError } from '../../functions/src/http/redact-error';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the app's own port serves the fake client endpoint (lead delivery on the laptop). */
const FAKE_CLIENT_PATH = '/__fake-client';
/** Where the app's own port serves the Resources Centre stand-in (the link `npm start` configures). */
const RESOURCES_CENTRE_PATH = '/__resources-centre';

/** A problem with the settings or the machine, told to the user in one line. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface LocalStackOptions {
  port: number;
  host: string;
  dataDir: string;
  /** The environment to parse the application configuration from. */
  env: Record<string, string | undefined>;
  /** 'build': vite build then serve dist/; 'dev': Vite middleware with hot reload; 'prebuilt': serve dist/ as is. */
  spa: 'build' | 'dev' | 'prebuilt' | 'none';
  /** Keep the emulators' data in memory only (tests). */
  ephemeral?: boolean;
  fastRetries?: boolean;
  /** Append every message the SES stand-in accepts to this file (it survives the process; see ses-standin.ts). */
  sesSentLog?: string;
  /** The Telnyx stand-in's timing (tests shorten the rings); its defaults are a real call's. */
  telnyxDelays?: Partial<StandinDelays>;
}

export interface LocalStack {
  url: string;
  port: number;
  config: Config;
  deps: Deps;
  mailViewerUrl: string;
  sesEndpoint: string;
  /** In front of the SES emulator: identities, configuration sets, pools, throttling knobs, injected events. */
  sesStandin: SesStandin;
  stepFunctions: StepFunctionsEmulator;
  /** The Telnyx stand-in (outcomes per number, calls, webhooks sent); null when TELNYX_BASE_URL points elsewhere. */
  telnyx: TelnyxStandin | null;
  /** The AssemblyAI stand-in (transcripts, webhooks, faults); null when ASSEMBLYAI_BASE_URL points elsewhere. */
  assemblyai: AssemblyAiStandin | null;
  /** The OpenAI stand-in (structured answers, faults); null when OPENAI_BASE_URL points elsewhere. */
  openai: OpenAiStandin | null;
  /** LinkedIn, X and Facebook in one stand-in (posts received, faults, demo tokens); null when every SOCIAL_*_BASE_URL points elsewhere. */
  social: SocialStandin | null;
  /** cognito-local with its staff and portal pools (AUTH_MODE=cognito without pools of one's own); null otherwise. */
  cognito: CognitoEmulator | null;
  /** A client receiving delivered leads (`hookUrl()` to configure; `/__client/*` to inject faults and list posts). */
  fakeClient: FakeClientEndpoint;
  /** The fake client on the app's own port, stable across restarts (for configurations kept in DATA_DIR). */
  fakeClientHookUrl: string;
  /** The Resources Centre stand-in: pushes, reference pages, signed inbound requests (`/__standin/*`). */
  resourcesCentre: ResourcesCentreStandin;
  /** The stand-in on the app's own port, stable across restarts: the endpoint `npm start` links to. */
  resourcesCentreEndpoint: string;
  databaseLabel: string;
  stop(): Promise<void>;
}

async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, fsConstants.W_OK);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new StartupError(`DATA_DIR "${dir}" is not writable (${code}): set DATA_DIR to a folder you can write to.`);
  }
}

async function acquireLock(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, 'stack.pid');
  const existing = await readFile(lockFile, 'utf8').catch(() => null);
  if (existing) {
    const pid = Number(existing.trim());
    let alive = false;
    if (pid && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {
        alive = false;
      }
    }
    if (alive) {
      throw new StartupError(
        `DATA_DIR "${dataDir}" is in use by another running Pivotal CRM (pid ${pid}): stop it or set DATA_DIR to another folder.`,
      );
    }
  }
  const handle = await open(lockFile, 'w');
  await handle.writeFile(String(process.pid));
  await handle.close();
  return () => rm(lockFile, { force: true });
}

async function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new StartupError(`Port ${port} is already in use: stop the program using it or set PORT to a free port.`));
      } else if (error.code === 'EACCES') {
        reject(new StartupError(`Port ${port} needs privileges this user lacks: set PORT to a number above 1023.`));
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new StartupError(`HOST "${host}" is not an address of this machine: set HOST to 127.0.0.1 or 0.0.0.0.`));
      } else {
        reject(error);
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function describeDatabase(config: Config, dataDir: string): string {
  if (config.DATABASE_URL) {
    const u = new URL(config.DATABASE_URL);
    return `Postgres at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  return config.PGLITE_DIR ? `PGlite in ${path.relative(process.cwd(), path.join(dataDir, 'pg')) || dataDir}` : 'PGlite in memory';
}

async function openAndMigrate(config: Config): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase(databaseSourceFromConfig(config));
    await migrateDatabase(handle);
    return handle;
  } catch (error) {
    const err = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
    const code = err.code ?? err.cause?.code;
    if (config.DATABASE_URL) {
      const u = new URL(config.DATABASE_URL);
      const where = `${u.hostname}:${u.port || 5432}${u.pathname}`;
      if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EAI_AGAIN') {
        throw new StartupError(`Cannot reach the database in DATABASE_URL (${where}, ${code}): start the server or fix the URL.`);
      }
      if (code === '3D000') throw new StartupError(`The database in DATABASE_URL (${where}) does not exist: create it or fix the URL.`);
      if (code === '28P01' || code === '28000') {
        throw new StartupError(`The database in DATABASE_URL (${where}) refused the credentials: fix the user or password.`);
      }
      throw new StartupError(`The database in DATABASE_URL (${where}) failed to open: ${err.message}`);
    }
    throw new StartupError(`The embedded database in DATA_DIR could not be opened (${err.message}): move the folder aside or set DATA_DIR to a new one.`);
  }
}

/**
 * `/config.json` from the stack's settings: the issuer, and with Cognito the pools, their app
 * clients and the emulator's endpoint when it is one.
 */
export function runtimeConfigOf(config: Config, publicUrl: string): Record<string, string> {
  const base = { authMode: config.AUTH_MODE, apiUrl: `${publicUrl}/api` };
  if (config.AUTH_MODE !== 'cognito') return base;
  return {
    ...base,
    region: config.AWS_REGION,
    staffUserPoolId: config.COGNITO_STAFF_POOL_ID!,
    staffClientId: config.COGNITO_STAFF_CLIENT_ID!,
    portalUserPoolId: config.COGNITO_PORTAL_POOL_ID!,
    portalClientId: config.COGNITO_PORTAL_CLIENT_ID!,
    ...(config.COGNITO_ENDPOINT ? { userPoolEndpoint: config.COGNITO_ENDPOINT } : {}),
  };
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const stoppers: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
    stoppers.length = 0;
  };

  try {
    // AUTH_MODE=cognito without pools of one's own: cognito-local's, known once it has started.
    const emulateCognito = options.env.AUTH_MODE === 'cognito' && !options.env.COGNITO_STAFF_POOL_ID;
    // Settings first: a malformed variable stops start-up before anything is started.
    try {
      parseConfig(emulateCognito ? { ...options.env, AUTH_MODE: 'local' } : options.env);
    } catch (error) {
      if (error instanceof ConfigError) throw new StartupError(error.message);
      throw error;
    }

    const dataDir = path.resolve(options.dataDir);
    await ensureWritableDir(dataDir);

    const server = http.createServer();
    server.keepAliveTimeout = 5_000;
    const port = await listen(server, options.port, options.host);
    let handleRequest: http.RequestListener = (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '2' });
      res.end('Pivotal CRM is starting…');
    };
    server.on('request', (req, res) => handleRequest(req, res));
    stoppers.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );

    if (!options.ephemeral) stoppers.push(await acquireLock(dataDir));

    const publicUrl = `http://localhost:${port}`;
    const preliminary = parseConfig(emulateCognito ? { ...options.env, AUTH_MODE: 'local' } : options.env);

    let dispatchS3Event: (event: S3Event) => void = () => undefined;
    const [dynamo, s3, ses, sfn] = await Promise.all([
      startDynamo(options.ephemeral ? {} : { path: path.join(dataDir, 'dynamo') }),
      startS3({
        directory: path.join(dataDir, options.ephemeral ? `s3-${process.pid}-${Date.now()}` : 's3'),
        buckets: [preliminary.BUCKET_NAME, preliminary.CONTENT_BUCKET_NAME],
        onObjectCreated: (event) => dispatchS3Event(event),
      }),
      startSes(),
      startStepFunctions({ workflows, repoRoot: REPO_ROOT, fastRetries: options.fastRetries ?? false }),
    ]);
    stoppers.push(dynamo.stop, s3.stop, ses.stop, sfn.stop);
    // The application talks to SES through the stand-in, which answers the APIs the emulator lacks.
    const sesStandin = await startSesStandin({ upstream: ses.endpoint, autoVerify: true, ...(options.sesSentLog ? { sentLog: options.sesSentLog } : {}) });
    stoppers.push(sesStandin.stop);
    // Telephony talks to the Telnyx stand-in unless the user points TELNYX_BASE_URL at Telnyx (or a
    // stand-in of their own); its call events come back to this stack's webhook route.
    const keysDir = path.join(dataDir, 'keys');
    const telnyxWebhookUrl = options.env.TELNYX_WEBHOOK_URL ?? `http://127.0.0.1:${port}/api/telephony/webhooks/telnyx`;
    const telnyx = options.env.TELNYX_BASE_URL
      ? null
      : await startTelnyxStandin({
          apiKey: 'KEY_local_telnyx_standin',
          dataDir: keysDir,
          webhookUrl: telnyxWebhookUrl,
          ...(options.telnyxDelays ? { delays: options.telnyxDelays } : {}),
        });
    if (telnyx) stoppers.push(telnyx.stop);
    // Lead QA's AI vendors: their stand-ins unless a base URL points at the real service (or another stand-in).
    const [assemblyai, openai] = await Promise.all([
      options.env.ASSEMBLYAI_BASE_URL ? null : startAssemblyAiStandin(),
      options.env.OPENAI_BASE_URL ? null : startOpenAiStandin(),
    ]);
    if (assemblyai) stoppers.push(assemblyai.stop);
    if (openai) stoppers.push(openai.stop);
    const fakeClient = await startFakeClientEndpoint();
    stoppers.push(fakeClient.stop);
    // Social publishing talks to the social stand-in for each platform no base URL points elsewhere.
    const social = options.env.SOCIAL_LINKEDIN_BASE_URL && options.env.SOCIAL_X_BASE_URL && options.env.SOCIAL_FACEBOOK_BASE_URL ? null : await startSocialStandin();
    if (social) stoppers.push(social.stop);
    // The Resources Centre stand-in shares the link's secret with the stack (reads the current one)
    // and sends its signed inbound requests to this stack.
    const linked: { deps?: Deps } = {};
    const resourcesCentre = await startResourcesCentreStandin({
      inboundUrl: `http://127.0.0.1:${port}${RC_INBOUND_PATH}`,
      secret: async () => (linked.deps ? currentResourcesCentreSecret(linked.deps) : null),
      publicUrl: () => `${publicUrl}${RESOURCES_CENTRE_PATH}`,
    });
    stoppers.push(resourcesCentre.stop);
    let cognito: CognitoEmulator | null = null;
    if (emulateCognito) {
      const { startCognitoEmulator } = await import('./emulators/cognito');
      cognito = await startCognitoEmulator({ dataDir: path.join(dataDir, options.ephemeral ? `cognito-${process.pid}-${Date.now()}` : 'cognito') });
      stoppers.push(cognito.stop);
    }
    if (options.ephemeral) {
      stoppers.push(() => rm(path.join(dataDir), { recursive: true, force: true }));
    }

    const config = parseConfig({
      ...options.env,
      ...(options.env.DATABASE_URL ? {} : { PGLITE_DIR: options.ephemeral ? undefined : path.join(dataDir, 'pg') }),
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      S3_ENDPOINT: s3.endpoint,
      SES_ENDPOINT: sesStandin.endpoint,
      SFN_ENDPOINT: sfn.endpoint,
      AUTH_MODE: options.env.AUTH_MODE === 'cognito' ? 'cognito' : 'local',
      ...(cognito
        ? {
            COGNITO_ENDPOINT: cognito.endpoint,
            COGNITO_STAFF_POOL_ID: cognito.staffPoolId,
            COGNITO_STAFF_CLIENT_ID: cognito.staffClientId,
            COGNITO_PORTAL_POOL_ID: cognito.portalPoolId,
            COGNITO_PORTAL_CLIENT_ID: cognito.portalClientId,
          }
        : {}),
      AUTH_ISSUER: options.env.AUTH_ISSUER ?? publicUrl,
      AUTH_KEYS_DIR: options.env.AUTH_KEYS_DIR ?? path.join(dataDir, 'keys'),
      TRACKING_SECRET: options.env.TRACKING_SECRET ?? (await loadOrCreateTrackingSecret(keysDir)),
      // Trunk passwords are sealed with a key of the data folder unless Secrets Manager is configured.
      TELEPHONY_SECRET_KEY: options.env.TELEPHONY_SECRET_KEY ?? (options.env.TELEPHONY_SECRET_PREFIX ? undefined : await loadOrCreateTelephonySecretKey(keysDir)),
      ...(telnyx
        ? {
            TELNYX_API_KEY: telnyx.apiKey,
            TELNYX_BASE_URL: telnyx.apiBaseUrl,
            TELNYX_PUBLIC_KEY: telnyx.publicKey,
            TELNYX_WEBRTC_HOST: telnyx.webrtcHost,
            TELNYX_WEBHOOK_URL: telnyxWebhookUrl,
          }
        : {}),
      ...(assemblyai
        ? {
            ASSEMBLYAI_API_KEY: assemblyai.apiKey,
            ASSEMBLYAI_BASE_URL: assemblyai.url,
            ASSEMBLYAI_WEBHOOK_SECRET: options.env.ASSEMBLYAI_WEBHOOK_SECRET ?? randomBytes(24).toString('hex'),
            ASSEMBLYAI_WEBHOOK_URL: options.env.ASSEMBLYAI_WEBHOOK_URL ?? `http://127.0.0.1:${port}/api/leads/webhooks/assemblyai`,
          }
        : {}),
      ...(openai ? { OPENAI_API_KEY: openai.apiKey, OPENAI_BASE_URL: openai.baseUrl } : {}),
      ...(social
        ? {
            SOCIAL_LINKEDIN_BASE_URL: options.env.SOCIAL_LINKEDIN_BASE_URL ?? social.url,
            SOCIAL_X_BASE_URL: options.env.SOCIAL_X_BASE_URL ?? social.url,
            SOCIAL_FACEBOOK_BASE_URL: options.env.SOCIAL_FACEBOOK_BASE_URL ?? social.url,
          }
        : {}),
      PUBLIC_BASE_URL: options.env.PUBLIC_BASE_URL ?? publicUrl,
      // Leads are delivered to the fake client on 127.0.0.1: loopback targets are admitted here only.
      DELIVERY_ALLOW_PRIVATE_TARGETS: options.env.DELIVERY_ALLOW_PRIVATE_TARGETS ?? 'true',
      // The SES emulator emits no feedback: the local stack takes injected events instead.
      EMAIL_FEEDBACK_INJECTION: options.env.EMAIL_FEEDBACK_INJECTION ?? 'true',
    });
    setConfig(config);

    await ensureMainTable(dynamo.endpoint, config.TABLE_NAME, config.AWS_REGION);
    const dbHandle = await openAndMigrate(config);
    stoppers.push(() => dbHandle.close());

    const deps = await buildDeps(config, { dbHandle });
    setDeps(deps);
    linked.deps = deps;
    stoppers.push(async () => setDeps(undefined));
    await runBootstrap(deps);

    // The same Lambda entry files API Gateway invokes on AWS.
    validateRouteTable(apiModules);
    const handlers = await Promise.all(
      apiModules.map(async (module) => {
        const entry = path.join(REPO_ROOT, 'functions/src/handlers', `${module.name}.ts`);
        const loaded = (await import(pathToFileURL(entry).href)) as { handler: HttpHandler };
        return { module, handler: loaded.handler };
      }),
    );
    const gateway = createGateway(handlers);

    dispatchS3Event = (event) => {
      for (const record of event.Records) {
        const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
        for (const n of s3Notifications) {
          if (!key.startsWith(n.prefix) || (n.suffix && !key.endsWith(n.suffix))) continue;
          void import(pathToFileURL(path.join(REPO_ROOT, n.entry)).href)
            .then((mod: { handler: (e: S3Event, c: unknown) => Promise<unknown> }) =>
              mod.handler({ Records: [record] }, { awsRequestId: `s3-${Date.now()}` }),
            )
            .catch((error: unknown) => deps.logger.error('S3 notification handler failed', { key, error: redactError(error) }));
        }
      }
    };

    // Schedules: a timer per job, never overlapping itself; some also run once now (the job
    // sweeper resumes the work a killed stack left behind).
    const timers = scheduledJobs.map((job) => {
      let busy = false;
      const tick = () => {
        if (busy) return;
        busy = true;
        job
          .run(deps)
          .catch((error: unknown) => deps.logger.error('scheduled job failed', { job: job.name, error: redactError(error) }))
          .finally(() => {
            busy = false;
          });
      };
      if (job.runAtStartup) setImmediate(tick);
      return setInterval(tick, (job.everySecondsFrom?.(deps.config) ?? job.everySeconds) * 1000).unref();
    });
    stoppers.push(async () => timers.forEach(clearInterval));

    // PGlite has no autovacuum: the stack keeps its tables' statistics fresh itself (autoanalyze.ts).
    if (dbHandle.driver === 'pglite') {
      let analyzing = false;
      const analyze = () => {
        if (analyzing) return;
        analyzing = true;
        analyzeChangedTables(deps.db)
          .then((tables) => tables.length && deps.logger.debug('tables analyzed', { tables }))
          .catch((error: unknown) => deps.logger.error('analyzing tables failed', { error: redactError(error) }))
          .finally(() => {
            analyzing = false;
          });
      };
      setImmediate(analyze);
      const analyzer = setInterval(analyze, AUTOANALYZE_EVERY_SECONDS * 1000).unref();
      stoppers.push(async () => clearInterval(analyzer));
    }

    // The SPA.
    let serveSpa: http.RequestListener = (_req, res) => {
      res.writeHead(404, SECURITY_HEADERS);
      res.end();
    };
    if (options.spa === 'dev') {
      const { createServer } = await import('vite');
      const vite = await createServer({
        configFile: path.join(REPO_ROOT, 'vite.config.ts'),
        server: { middlewareMode: true, hmr: { server } },
        appType: 'spa',
      });
      stoppers.push(() => vite.close());
      serveSpa = (req, res) => vite.middlewares(req, res);
    } else if (options.spa !== 'none') {
      if (options.spa === 'build') {
        const { build } = await import('vite');
        // Always the production bundle: Vite builds React's development bundle when NODE_ENV says
        // so, and a test runner sets NODE_ENV=test.
        const nodeEnv = process.env.NODE_ENV;
        process.env.NODE_ENV = 'production';
        try {
          await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'error', mode: 'production' });
        } finally {
          if (nodeEnv === undefined) delete process.env.NODE_ENV;
          else process.env.NODE_ENV = nodeEnv;
        }
      }
      const serveStatic = createStaticHandler(path.join(REPO_ROOT, 'dist'), {
        // The browser's softphone opens a WebSocket to the Telnyx stand-in.
        // Amplify signs in against cognito-local from the browser.
        connectSources: [new URL(s3.endpoint).origin, ...(telnyx ? [telnyx.webrtcHost] : []), ...(config.COGNITO_ENDPOINT ? [new URL(config.COGNITO_ENDPOINT).origin] : [])],
        mediaSources: [new URL(s3.endpoint).origin],
      });
      serveSpa = (req, res) => void serveStatic(req, res);
    }

    // What the SPA reads at start (on AWS, CDK writes the same file into the SPA bucket).
    const runtimeConfigBody = JSON.stringify(runtimeConfigOf(config, publicUrl));
    handleRequest = (req, res) => {
      const pathname = (req.url ?? '/').split('?')[0]!;
      if (pathname === '/config.json' && (req.method === 'GET' || req.method === 'HEAD')) {
        res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/json', 'cache-control': 'no-cache' });
        res.end(req.method === 'HEAD' ? undefined : runtimeConfigBody);
        return;
      }
      if (pathname.startsWith(`${FAKE_CLIENT_PATH}/`)) {
        req.url = (req.url ?? '/').slice(FAKE_CLIENT_PATH.length);
        fakeClient.handle(req, res).catch(() => res.destroy());
        return;
      }
      if (pathname.startsWith(`${RESOURCES_CENTRE_PATH}/`)) {
        req.url = (req.url ?? '/').slice(RESOURCES_CENTRE_PATH.length);
        resourcesCentre.handle(req, res).catch(() => res.destroy());
        return;
      }
      if (gateway.isApiPath(pathname)) {
        gateway.handle(req, res).catch((error: unknown) => {
          deps.logger.error('gateway failure', { error: redactError(error) });
          if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/problem+json' });
          res.end(JSON.stringify({ type: 'https://pivotal-crm.dev/problems/internal', title: 'Bad gateway', status: 502 }));
        });
        return;
      }
      serveSpa(req, res);
    };

    return {
      url: publicUrl,
      port,
      config,
      deps,
      mailViewerUrl: ses.viewerUrl,
      sesEndpoint: sesStandin.endpoint,
      sesStandin,
      stepFunctions: sfn,
      telnyx,
      assemblyai,
      openai,
      social,
      cognito,
      fakeClient,
      fakeClientHookUrl: `${publicUrl}${FAKE_CLIENT_PATH}/hooks/leads`,
      resourcesCentre,
      // 127.0.0.1, not localhost: the stack listens on IPv4, and localhost may resolve to ::1 first.
      resourcesCentreEndpoint: `http://127.0.0.1:${port}${RESOURCES_CENTRE_PATH}`,
      databaseLabel: describeDatabase(config, dataDir),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

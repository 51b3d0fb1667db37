// SES v2 on the laptop, in front of aws-ses-v2-local. The emulator sends and stores mail but lacks
// identities, configuration sets and dedicated IP pools (it answers them 404, which the SDK turns
// into a SyntaxError): this stand-in speaks those parts of the SES v2 REST API with in-memory
// state and SES's JSON and error shapes, and passes every other request to the emulator
// byte-for-byte (so `GET /store`, `POST /clear-store` and the viewer work through it).
// It also has knobs for tests and benchmarks under /local: throttling like SES's (a seeded
// fraction of SendEmail calls, or a maximum rate), counters, identity verification on demand, and
// SES events of the real EventBridge shape for the messages it passed (see ses-events.ts).
import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import { mulberry32 } from '@shared/seeded-random';
import { listenLocal, readBody, sendJson, type LocalHttpServer } from './local-http';
import { startSes } from './ses';
import { buildSesEvent, eventsSesWouldSend, type SentMail, type SesEventBridgeEvent, type SesEventRequest } from './ses-events';

export interface SesStandinKnobs {
  /** Share (0–1) of SendEmail calls answered 429 TooManyRequestsException, drawn from a seeded generator. */
  throttleFraction?: number;
  /** The generator's seed (the same seed throttles the same calls). */
  seed?: number;
  /** SendEmail calls accepted per clock second; beyond it, throttled as SES does. null for no limit. */
  maxPerSecond?: number | null;
  /** Publish Send and Delivery events (or what SES's mailbox simulator addresses simulate) for each accepted message. */
  deliveryEvents?: boolean;
}

export interface SesStandinOptions extends SesStandinKnobs {
  /** The aws-ses-v2-local endpoint everything else is passed to. */
  upstream: string;
  /**
   * When identities become verified (DKIM and MAIL FROM SUCCESS): true at once (the default, so a
   * fresh local stack can send), after `afterMs`, or false: only when told (`POST /local/verify-identity`).
   */
  autoVerify?: boolean | { afterMs: number };
  /** Receives every event the stand-in publishes (the local stack hands them to the feedback handler). */
  onEvent?: (event: SesEventBridgeEvent) => void;
  region?: string;
  accountId?: string;
  /**
   * A file each accepted message is appended to (one JSON line: messageId, destination, subject,
   * tags, at) before the caller hears of it. The emulator's store lives and dies with the process;
   * this record outlives a kill, so copies can be counted across runs of the stack.
   */
  sentLog?: string;
}

export interface SesStandinStats {
  /** SendEmail calls the emulator accepted. */
  accepted: number;
  /** SendEmail calls answered with throttling. */
  throttled: number;
  firstAcceptedAt: string | null;
  lastAcceptedAt: string | null;
  /** Accepted messages per second between the first and the last accepted (null until two were). */
  achievedPerSecond: number | null;
  /** The most messages accepted within one clock second. */
  busiestSecond: number;
}

export interface SesStandin extends LocalHttpServer {
  configure(knobs: SesStandinKnobs): void;
  /** Marks the identity verified; false when there is no such identity. */
  verifyIdentity(identity: string): boolean;
  stats(): SesStandinStats;
  resetStats(): void;
  /** Publishes an SES event for a message the stand-in passed; null when it does not know the message. */
  injectEvent(request: SesEventRequest): SesEventBridgeEvent | null;
  /** The events published so far (the most recent 10,000). */
  events(): SesEventBridgeEvent[];
}

class SesApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const notFound = (message: string) => new SesApiError(404, 'NotFoundException', message);
const alreadyExists = (message: string) => new SesApiError(400, 'AlreadyExistsException', message);
const badRequest = (message: string) => new SesApiError(400, 'BadRequestException', message);

type Json = Record<string, unknown>;

interface Identity {
  name: string;
  type: 'DOMAIN' | 'EMAIL_ADDRESS';
  createdAt: number;
  verifiedAt: number | undefined;
  tokens: string[];
  keyLength: string;
  configurationSet: string | undefined;
  mailFrom: { domain: string; behavior: string } | undefined;
  tags: unknown[];
}

interface ConfigurationSet {
  name: string;
  deliveryOptions: Json;
  options: Json;
  destinations: Map<string, Json>;
}

interface Pool {
  name: string;
  scalingMode: string;
  tags: unknown[];
}

interface ApiState {
  identities: Map<string, Identity>;
  sets: Map<string, ConfigurationSet>;
  pools: Map<string, Pool>;
  autoVerify: boolean | { afterMs: number };
}

const MAX_KEPT_MESSAGES = 50_000;
const MAX_KEPT_EVENTS = 10_000;

// DKIM tokens derived from the name, so a restarted stand-in hands out the same records.
const dkimTokens = (name: string) => [1, 2, 3].map((i) => createHash('sha256').update(`${name}#${i}`).digest('hex').slice(0, 32));

const isVerified = (identity: Identity, now = Date.now()) => identity.verifiedAt !== undefined && identity.verifiedAt <= now;

function verifiedAtFor(autoVerify: ApiState['autoVerify'], createdAt: number): number | undefined {
  if (autoVerify === true) return createdAt;
  return autoVerify ? createdAt + autoVerify.afterMs : undefined;
}

function identityView(identity: Identity): Json {
  const verified = isVerified(identity);
  const status = verified ? 'SUCCESS' : 'PENDING';
  return {
    IdentityType: identity.type,
    FeedbackForwardingStatus: true,
    VerifiedForSendingStatus: verified,
    VerificationStatus: status,
    DkimAttributes:
      identity.type === 'DOMAIN'
        ? {
            SigningEnabled: true,
            Status: status,
            Tokens: identity.tokens,
            SigningAttributesOrigin: 'AWS_SES',
            NextSigningKeyLength: identity.keyLength,
            CurrentSigningKeyLength: identity.keyLength,
            LastKeyGenerationTimestamp: Math.floor(identity.createdAt / 1000),
          }
        : { SigningEnabled: false, Status: 'NOT_STARTED' },
    MailFromAttributes: identity.mailFrom
      ? { MailFromDomain: identity.mailFrom.domain, MailFromDomainStatus: status, BehaviorOnMxFailure: identity.mailFrom.behavior }
      : { MailFromDomain: '', MailFromDomainStatus: 'PENDING', BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
    Policies: {},
    Tags: identity.tags,
    ...(identity.configurationSet ? { ConfigurationSetName: identity.configurationSet } : {}),
  };
}

function requireString(body: Json, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || !value.trim()) throw badRequest(`${field} is required.`);
  return value.trim();
}

function identityApi(state: ApiState, method: string, rest: string[], body: Json): Json {
  const [name, sub] = rest;
  if (!name) {
    if (method === 'GET') {
      return {
        EmailIdentities: [...state.identities.values()].map((i) => ({
          IdentityType: i.type,
          IdentityName: i.name,
          SendingEnabled: true,
          VerificationStatus: isVerified(i) ? 'SUCCESS' : 'PENDING',
        })),
      };
    }
    if (method !== 'POST') throw badRequest(`${method} is not supported here.`);
    const identityName = requireString(body, 'EmailIdentity').toLowerCase();
    if (state.identities.has(identityName)) throw alreadyExists(`Email identity ${identityName} already exist.`);
    const configurationSet = typeof body.ConfigurationSetName === 'string' ? body.ConfigurationSetName : undefined;
    if (configurationSet && !state.sets.has(configurationSet)) throw notFound(`Configuration set <${configurationSet}> does not exist.`);
    const signing = (body.DkimSigningAttributes ?? {}) as Json;
    const createdAt = Date.now();
    const identity: Identity = {
      name: identityName,
      type: identityName.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN',
      createdAt,
      verifiedAt: verifiedAtFor(state.autoVerify, createdAt),
      tokens: dkimTokens(identityName),
      keyLength: typeof signing.NextSigningKeyLength === 'string' ? signing.NextSigningKeyLength : 'RSA_2048_BIT',
      configurationSet,
      mailFrom: undefined,
      tags: Array.isArray(body.Tags) ? body.Tags : [],
    };
    state.identities.set(identityName, identity);
    const view = identityView(identity);
    return { IdentityType: view.IdentityType, VerifiedForSendingStatus: view.VerifiedForSendingStatus, DkimAttributes: view.DkimAttributes };
  }

  const identity = state.identities.get(name.toLowerCase());
  if (!identity) throw notFound(`Email identity ${name} does not exist.`);
  if (!sub && method === 'GET') return identityView(identity);
  if (!sub && method === 'DELETE') {
    state.identities.delete(identity.name);
    return {};
  }
  if (sub === 'mail-from' && method === 'PUT') {
    const domain = typeof body.MailFromDomain === 'string' ? body.MailFromDomain.toLowerCase() : '';
    if (domain && !domain.endsWith(`.${identity.name}`)) throw badRequest(`MAIL FROM domain ${domain} must be a subdomain of ${identity.name}.`);
    identity.mailFrom = domain ? { domain, behavior: typeof body.BehaviorOnMxFailure === 'string' ? body.BehaviorOnMxFailure : 'USE_DEFAULT_VALUE' } : undefined;
    return {};
  }
  if (sub === 'configuration-set' && method === 'PUT') {
    const setName = typeof body.ConfigurationSetName === 'string' ? body.ConfigurationSetName : undefined;
    if (setName && !state.sets.has(setName)) throw notFound(`Configuration set <${setName}> does not exist.`);
    identity.configurationSet = setName;
    return {};
  }
  throw badRequest(`The local SES stand-in does not implement ${method} /v2/email/identities/${rest.join('/')}.`);
}

function requirePool(state: ApiState, poolName: unknown): void {
  if (typeof poolName === 'string' && poolName && !state.pools.has(poolName)) throw notFound(`Dedicated IP pool ${poolName} does not exist.`);
}

function configurationSetView(set: ConfigurationSet): Json {
  return {
    ConfigurationSetName: set.name,
    DeliveryOptions: set.deliveryOptions,
    ReputationOptions: { ReputationMetricsEnabled: false },
    SendingOptions: { SendingEnabled: true },
    Tags: [],
    ...set.options,
  };
}

function eventDestinationsApi(set: ConfigurationSet, method: string, destinationName: string | undefined, body: Json): Json {
  if (!destinationName && method === 'GET') {
    return { EventDestinations: [...set.destinations].map(([Name, definition]) => ({ Name, Enabled: false, ...definition })) };
  }
  if (!destinationName && method === 'POST') {
    const name = requireString(body, 'EventDestinationName');
    if (set.destinations.has(name)) throw alreadyExists(`Event destination ${name} already exists in configuration set ${set.name}.`);
    const definition = (body.EventDestination ?? {}) as Json;
    if (!Array.isArray(definition.MatchingEventTypes) || definition.MatchingEventTypes.length === 0) {
      throw badRequest('EventDestination.MatchingEventTypes must name at least one event type.');
    }
    set.destinations.set(name, definition);
    return {};
  }
  if (destinationName && !set.destinations.has(destinationName)) throw notFound(`Event destination ${destinationName} does not exist.`);
  if (destinationName && method === 'PUT') {
    set.destinations.set(destinationName, { ...set.destinations.get(destinationName), ...((body.EventDestination ?? {}) as Json) });
    return {};
  }
  if (destinationName && method === 'DELETE') {
    set.destinations.delete(destinationName);
    return {};
  }
  throw badRequest(`${method} is not supported on event destinations.`);
}

function configurationSetApi(state: ApiState, method: string, rest: string[], body: Json): Json {
  const [name, sub, destinationName] = rest;
  if (!name) {
    if (method === 'GET') return { ConfigurationSets: [...state.sets.keys()] };
    if (method !== 'POST') throw badRequest(`${method} is not supported here.`);
    const setName = requireString(body, 'ConfigurationSetName');
    if (state.sets.has(setName)) throw alreadyExists(`Configuration set <${setName}> already exists.`);
    const deliveryOptions = (body.DeliveryOptions ?? {}) as Json;
    requirePool(state, deliveryOptions.SendingPoolName);
    const options = Object.fromEntries(
      ['TrackingOptions', 'ReputationOptions', 'SendingOptions', 'Tags', 'SuppressionOptions', 'VdmOptions'].filter((k) => body[k] !== undefined).map((k) => [k, body[k]]),
    );
    state.sets.set(setName, { name: setName, deliveryOptions: { TlsPolicy: 'OPTIONAL', ...deliveryOptions }, options, destinations: new Map() });
    return {};
  }
  const set = state.sets.get(name);
  if (!set) throw notFound(`Configuration set <${name}> does not exist.`);
  if (!sub && method === 'GET') return configurationSetView(set);
  if (!sub && method === 'DELETE') {
    state.sets.delete(name);
    return {};
  }
  if (sub === 'delivery-options' && method === 'PUT') {
    requirePool(state, body.SendingPoolName);
    set.deliveryOptions = { TlsPolicy: 'OPTIONAL', ...body };
    return {};
  }
  if (sub === 'event-destinations') return eventDestinationsApi(set, method, destinationName, body);
  throw badRequest(`The local SES stand-in does not implement ${method} /v2/email/configuration-sets/${rest.join('/')}.`);
}

function poolApi(state: ApiState, method: string, rest: string[], body: Json): Json {
  const [name] = rest;
  if (!name) {
    if (method === 'GET') return { DedicatedIpPools: [...state.pools.keys()] };
    if (method !== 'POST') throw badRequest(`${method} is not supported here.`);
    const poolName = requireString(body, 'PoolName');
    if (state.pools.has(poolName)) throw alreadyExists(`Pool ${poolName} already exists.`);
    state.pools.set(poolName, { name: poolName, scalingMode: typeof body.ScalingMode === 'string' ? body.ScalingMode : 'STANDARD', tags: Array.isArray(body.Tags) ? body.Tags : [] });
    return {};
  }
  const pool = state.pools.get(name);
  if (!pool) throw notFound(`Pool ${name} does not exist.`);
  if (rest.length === 1 && method === 'GET') return { DedicatedIpPool: { PoolName: pool.name, ScalingMode: pool.scalingMode } };
  if (rest.length === 1 && method === 'DELETE') {
    state.pools.delete(name);
    return {};
  }
  throw badRequest(`The local SES stand-in does not implement ${method} /v2/email/dedicated-ip-pools/${rest.join('/')}.`);
}

const API_AREAS: Record<string, (state: ApiState, method: string, rest: string[], body: Json) => Json> = {
  identities: identityApi,
  'configuration-sets': configurationSetApi,
  'dedicated-ip-pools': poolApi,
};

function parseJson(bytes: Buffer): Json {
  if (!bytes.length) return {};
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Json) : {};
  } catch {
    throw badRequest('The request body is not JSON.');
  }
}

interface UpstreamAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

// Headers that describe one connection, not the message: not passed on.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

// One pool of kept-alive connections to the emulator: at a benchmark's thousand sends a second, a
// connection per request would spend the loopback's ports.
const upstreamAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** Sends the same request, bytes and headers to the emulator and reads its whole answer. */
function forward(upstream: URL, req: http.IncomingMessage, body: Buffer): Promise<UpstreamAnswer> {
  return new Promise((resolve, reject) => {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    const request = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        agent: upstreamAgent,
        headers: { ...headers, host: upstream.host, 'content-length': body.length },
      },
      (response) => {
        readBody(response)
          .then((bytes) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: bytes }))
          .catch(reject);
      },
    );
    request.once('error', reject);
    request.end(body);
  });
}

function answer(res: http.ServerResponse, upstream: UpstreamAnswer): void {
  const headers = Object.fromEntries(Object.entries(upstream.headers).filter(([name]) => !HOP_BY_HOP.has(name) && name !== 'content-length'));
  res.writeHead(upstream.status, { ...headers, 'content-length': upstream.body.length });
  res.end(upstream.body);
}

/** What the stand-in keeps of an accepted SendEmail request, for the events it may publish later. */
function sentMailOf(messageId: string, request: Json): SentMail {
  const destination = (request.Destination ?? {}) as Record<string, string[] | undefined>;
  const simple = ((request.Content ?? {}) as Json).Simple as { Subject?: { Data?: string }; Headers?: { Name: string; Value: string }[] } | undefined;
  const tags = Array.isArray(request.EmailTags) ? (request.EmailTags as { Name: string; Value: string }[]) : [];
  return {
    messageId,
    at: new Date(),
    source: typeof request.FromEmailAddress === 'string' ? request.FromEmailAddress : '',
    destination: [...(destination.ToAddresses ?? []), ...(destination.CcAddresses ?? []), ...(destination.BccAddresses ?? [])],
    subject: simple?.Subject?.Data ?? '',
    headers: (simple?.Headers ?? []).map((h) => ({ name: h.Name, value: h.Value })),
    tags: Object.fromEntries(tags.map((t) => [t.Name, t.Value])),
    ...(typeof request.ConfigurationSetName === 'string' ? { configurationSet: request.ConfigurationSetName } : {}),
  };
}

function emptyStats() {
  return { accepted: 0, throttled: 0, first: 0, last: 0, perSecond: new Map<number, number>(), busiest: 0 };
}

export async function startSesStandin(options: SesStandinOptions): Promise<SesStandin> {
  const upstream = new URL(options.upstream);
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  const state: ApiState = { identities: new Map(), sets: new Map(), pools: new Map(), autoVerify: options.autoVerify ?? true };
  const knobs = { throttleFraction: 0, maxPerSecond: null as number | null, deliveryEvents: false };
  let random = mulberry32(1);
  const configure = (next: SesStandinKnobs) => {
    if (next.throttleFraction !== undefined) knobs.throttleFraction = Math.min(1, Math.max(0, next.throttleFraction));
    if (next.maxPerSecond !== undefined) knobs.maxPerSecond = next.maxPerSecond;
    if (next.deliveryEvents !== undefined) knobs.deliveryEvents = next.deliveryEvents;
    if (next.seed !== undefined || next.throttleFraction !== undefined) random = mulberry32(next.seed ?? 1);
  };
  configure(options);

  let counters = emptyStats();
  const admitted = { second: 0, count: 0 };
  const sentMail = new Map<string, SentMail>();
  const published: SesEventBridgeEvent[] = [];

  /** SES's sending-rate check: past the maximum rate, or for the drawn share of calls, the call is throttled. */
  const admit = (now: number): boolean => {
    const second = Math.floor(now / 1000);
    if (second !== admitted.second) Object.assign(admitted, { second, count: 0 });
    if (knobs.maxPerSecond !== null && admitted.count >= knobs.maxPerSecond) return false;
    if (knobs.throttleFraction > 0 && random() < knobs.throttleFraction) return false;
    admitted.count += 1;
    return true;
  };

  // Calls end out of order: each is counted in the second it arrived, in a map of recent seconds.
  const countAccepted = (arrivedAt: number) => {
    counters.accepted += 1;
    counters.first = counters.first ? Math.min(counters.first, arrivedAt) : arrivedAt;
    counters.last = Math.max(counters.last, arrivedAt);
    const second = Math.floor(arrivedAt / 1000);
    const inSecond = (counters.perSecond.get(second) ?? 0) + 1;
    counters.perSecond.set(second, inSecond);
    counters.busiest = Math.max(counters.busiest, inSecond);
    for (const old of counters.perSecond.keys()) if (old < second - 60) counters.perSecond.delete(old);
  };

  const publish = (request: SesEventRequest): SesEventBridgeEvent | null => {
    const mail = sentMail.get(request.messageId);
    if (!mail) return null;
    const event = buildSesEvent(request, mail, { region, accountId, now: new Date() });
    published.push(event);
    if (published.length > MAX_KEPT_EVENTS) published.shift();
    options.onEvent?.(event);
    return event;
  };

  const keepSent = (mail: SentMail) => {
    sentMail.set(mail.messageId, mail);
    if (sentMail.size > MAX_KEPT_MESSAGES) sentMail.delete(sentMail.keys().next().value as string);
    if (knobs.deliveryEvents) setImmediate(() => eventsSesWouldSend(mail).forEach((e) => publish({ ...e, messageId: mail.messageId })));
  };

  const sendEmail = async (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => {
    const arrivedAt = Date.now();
    if (!admit(arrivedAt)) {
      counters.throttled += 1;
      throw new SesApiError(429, 'TooManyRequestsException', 'Maximum sending rate exceeded.');
    }
    const result = await forward(upstream, req, body);
    if (result.status === 200) {
      const { MessageId } = parseJson(result.body) as { MessageId?: string };
      // Counted when SES took the call, as its sending rate is.
      countAccepted(arrivedAt);
      if (MessageId) {
        const mail = sentMailOf(MessageId, parseJson(body));
        // Synchronous, so a message the application was told about is on disk whenever it is killed.
        if (options.sentLog) appendFileSync(options.sentLog, `${JSON.stringify({ messageId: mail.messageId, destination: mail.destination, subject: mail.subject, tags: mail.tags, at: mail.at })}\n`);
        keepSent(mail);
      }
    }
    answer(res, result);
  };

  const stats = (): SesStandinStats => {
    const span = (counters.last - counters.first) / 1000;
    return {
      accepted: counters.accepted,
      throttled: counters.throttled,
      firstAcceptedAt: counters.first ? new Date(counters.first).toISOString() : null,
      lastAcceptedAt: counters.last ? new Date(counters.last).toISOString() : null,
      achievedPerSecond: counters.accepted > 1 && span > 0 ? (counters.accepted - 1) / span : null,
      busiestSecond: counters.busiest,
    };
  };

  const verifyIdentity = (name: string) => {
    const identity = state.identities.get(name.trim().toLowerCase());
    if (identity) identity.verifiedAt = Date.now();
    return identity !== undefined;
  };

  /** The stand-in's own endpoints under /local; false when the path is not one of them. */
  const local = (method: string, path: string, body: Buffer, res: http.ServerResponse): boolean => {
    const route = `${method} ${path}`;
    if (route === 'GET /local/stats') sendJson(res, 200, stats());
    else if (route === 'POST /local/reset-stats') {
      counters = emptyStats();
      sendJson(res, 200, stats());
    } else if (route === 'POST /local/settings') {
      configure(parseJson(body) as SesStandinKnobs);
      sendJson(res, 200, knobs);
    } else if (route === 'POST /local/verify-identity') {
      const { identity } = parseJson(body) as { identity?: string };
      if (!identity || !verifyIdentity(identity)) throw notFound(`Email identity ${identity ?? ''} does not exist.`);
      sendJson(res, 200, { identity, verified: true });
    } else if (route === 'GET /local/events') sendJson(res, 200, { events: published });
    else if (route === 'POST /local/events') {
      const event = publish(parseJson(body) as unknown as SesEventRequest);
      if (!event) throw notFound('No message with that messageId passed through the SES stand-in.');
      sendJson(res, 200, { event });
    } else return false;
    return true;
  };

  const server = await listenLocal(async (req, res) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0]!;
    const body = await readBody(req);
    try {
      if (path.startsWith('/local/') && local(method, path, body, res)) return;
      if (method === 'POST' && path === '/v2/email/outbound-emails') return await sendEmail(req, res, body);
      const [area, ...rest] = path.replace(/^\/v2\/email\//, '').split('/').filter(Boolean).map(decodeURIComponent);
      const api = path.startsWith('/v2/email/') && area ? API_AREAS[area] : undefined;
      if (api) return sendJson(res, 200, api(state, method, rest, parseJson(body)), { 'x-amzn-RequestId': randomUUID() });
      answer(res, await forward(upstream, req, body));
    } catch (error) {
      if (!(error instanceof SesApiError)) throw error;
      sendJson(res, error.status, { message: error.message }, { 'x-amzn-ErrorType': error.type, 'x-amzn-RequestId': randomUUID() });
    }
  });

  return {
    ...server,
    configure,
    verifyIdentity,
    stats,
    resetStats: () => {
      counters = emptyStats();
    },
    injectEvent: publish,
    events: () => [...published],
  };
}

/** The SES emulator with the stand-in in front of it (tests, benchmarks); stop() stops both. */
export async function startSesWithStandin(options: Omit<SesStandinOptions, 'upstream'> = {}): Promise<SesStandin> {
  const emulator = await startSes();
  const standin = await startSesStandin({ ...options, upstream: emulator.endpoint }).catch(async (error: unknown) => {
    await emulator.stop();
    throw error;
  });
  return {
    ...standin,
    stop: async () => {
      await standin.stop();
      await emulator.stop();
    },
  };
}

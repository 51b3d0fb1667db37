// Cognito on the laptop (AUTH_MODE=cognito): cognito-local served in-process on 127.0.0.1 and a
// free port, its pools and users kept under the stack's data folder, and the two user pools of
// the product (staff and client portal) with one public app client each, created once and found
// again on the next start. Its tokens name `http://127.0.0.1:<port>/<poolId>` as their issuer and
// are signed with cognito-local's own key (JWKS at `/<poolId>/.well-known/jwks.json`).
import { mkdir } from 'node:fs/promises';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { PASSWORD_MIN_LENGTH } from '../../../shared/contracts/identity';

export const STAFF_POOL_NAME = 'pivotal-staff';
export const PORTAL_POOL_NAME = 'pivotal-portal';
const CLIENT_NAME = 'pivotal-spa';

export interface LocalUserPools {
  staffPoolId: string;
  staffClientId: string;
  portalPoolId: string;
  portalClientId: string;
}

export interface CognitoEmulator extends LocalUserPools {
  /** The endpoint the SDK, Amplify and the token verifier use: `http://127.0.0.1:<port>`. */
  endpoint: string;
  stop(): Promise<void>;
}

// cognito-local is CommonJS and has no exports map: its parts are loaded from its own folder,
// with the logger it depends on, silenced.
const requireFromCognitoLocal = createRequire(createRequire(import.meta.url).resolve('cognito-local'));

interface CognitoLocalParts {
  services: typeof import('cognito-local/lib/services');
  cognitoService: typeof import('cognito-local/lib/services/cognitoService');
  crypto: typeof import('cognito-local/lib/services/crypto');
  stormDb: typeof import('cognito-local/lib/services/dataStore/stormDb');
  consoleSender: typeof import('cognito-local/lib/services/messageDelivery/consoleMessageSender');
  messageDelivery: typeof import('cognito-local/lib/services/messageDelivery/messageDelivery');
  otp: typeof import('cognito-local/lib/services/otp');
  tokenGenerator: typeof import('cognito-local/lib/services/tokenGenerator');
  userPoolService: typeof import('cognito-local/lib/services/userPoolService');
  config: typeof import('cognito-local/lib/server/config');
  router: typeof import('cognito-local/lib/server/Router');
  server: typeof import('cognito-local/lib/server/server');
  pino: (options: { level: string }) => import('pino').Logger;
}

function loadParts(): CognitoLocalParts {
  // cognito-local loads the v2 SDK (for Lambda triggers and KMS, unused here): no end-of-support notice.
  process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
  const lib = (part: string) => requireFromCognitoLocal(`./${part}`) as never;
  return {
    services: lib('services'),
    cognitoService: lib('services/cognitoService'),
    crypto: lib('services/crypto'),
    stormDb: lib('services/dataStore/stormDb'),
    consoleSender: lib('services/messageDelivery/consoleMessageSender'),
    messageDelivery: lib('services/messageDelivery/messageDelivery'),
    otp: lib('services/otp'),
    tokenGenerator: lib('services/tokenGenerator'),
    userPoolService: lib('services/userPoolService'),
    config: lib('server/config'),
    router: lib('server/Router'),
    server: lib('server/server'),
    pino: requireFromCognitoLocal('pino') as never,
  };
}

/** Starts cognito-local with its data in `dataDir` (a fresh folder per start for throw-away stacks). */
export async function startCognitoEmulator(options: { dataDir: string; host?: string }): Promise<CognitoEmulator> {
  const host = options.host ?? '127.0.0.1';
  await mkdir(options.dataDir, { recursive: true });
  const parts = loadParts();
  const logger = parts.pino({ level: 'silent' });
  const ctx = { logger };
  const dataDirectory = path.join(options.dataDir, 'db');
  const config = await parts.config.loadConfig(ctx, new parts.stormDb.StormDBDataStoreFactory(options.dataDir));
  // The issuer names the port, known once listening: the token generator reads it per token.
  const tokenConfig = { ...config.TokenConfig, IssuerDomain: `http://${host}:0` };
  const clock = new parts.services.DateClock();
  const dataStoreFactory = new parts.stormDb.StormDBDataStoreFactory(dataDirectory);
  const cognito = await new parts.cognitoService.CognitoServiceFactoryImpl(
    dataDirectory,
    dataStoreFactory,
    new parts.userPoolService.UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  ).create(ctx, {});
  // No Lambda triggers locally: the roles and organisation claims are informative only (the API
  // re-reads them from Postgres), so no client for Lambda is ever called.
  const triggers = new parts.services.TriggersService(clock, cognito, new parts.services.LambdaService({}, {} as never), new parts.crypto.CryptoService({}));
  const services = {
    clock,
    cognito,
    config: { ...config, TokenConfig: tokenConfig },
    messages: new parts.services.MessagesService(triggers, new parts.messageDelivery.MessageDeliveryService(new parts.consoleSender.ConsoleMessageSender())),
    otp: parts.otp.otp,
    tokenGenerator: new parts.tokenGenerator.JwtTokenGenerator(clock, triggers, tokenConfig),
    triggers,
  };
  const server = parts.server.createServer(parts.router.Router(services), logger, { port: 0, hostname: host, https: false, development: false }, services);
  const httpServer = (await server.start()) as http.Server;
  const port = (httpServer.address() as AddressInfo).port;
  const endpoint = `http://${host}:${port}`;
  tokenConfig.IssuerDomain = endpoint;
  const stop = () =>
    new Promise<void>((resolve) => {
      httpServer.closeAllConnections();
      httpServer.close(() => resolve());
    });
  try {
    const pools = await ensureUserPools(endpoint);
    return { endpoint, ...pools, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function clientFor(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ region: 'local', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

async function ensurePool(client: CognitoIdentityProviderClient, name: string): Promise<{ poolId: string; clientId: string }> {
  const listed = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let poolId = listed.UserPools?.find((pool) => pool.Name === name)?.Id;
  if (!poolId) {
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: name,
        // As on AWS (infra/aws/constructs/user-pools.ts): a username, and the email as an alias.
        AliasAttributes: ['email'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        Policies: { PasswordPolicy: { MinimumLength: PASSWORD_MIN_LENGTH, RequireLowercase: false, RequireUppercase: false, RequireNumbers: false, RequireSymbols: false } },
      }),
    );
    poolId = created.UserPool!.Id!;
  }
  const clients = await client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60 }));
  let clientId = clients.UserPoolClients?.find((c) => c.ClientName === CLIENT_NAME)?.ClientId;
  if (!clientId) {
    const created = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: CLIENT_NAME,
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    clientId = created.UserPoolClient!.ClientId!;
  }
  return { poolId, clientId };
}

/** The staff and portal pools and their app clients: created on the first start, found after. */
export async function ensureUserPools(endpoint: string): Promise<LocalUserPools> {
  const client = clientFor(endpoint);
  try {
    const staff = await ensurePool(client, STAFF_POOL_NAME);
    const portal = await ensurePool(client, PORTAL_POOL_NAME);
    return { staffPoolId: staff.poolId, staffClientId: staff.clientId, portalPoolId: portal.poolId, portalClientId: portal.clientId };
  } finally {
    client.destroy();
  }
}

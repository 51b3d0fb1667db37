// The dependencies a service receives: database, AWS clients, clock, logger and configuration.
// A Lambda container builds them once; tests and the local stack build their own.
import { Logger } from '@aws-lambda-powertools/logger';
import { getConfig, type Config } from './config/config';
import { databaseSourceFromConfig, openDatabase, type Database, type DatabaseHandle } from './db/connection';
import { createAwsClients, type AwsClients } from './adapters/aws-clients';
import type { Authenticator } from './core/principal';
import { createAuthenticator } from './modules/identity/authenticator';
import { createSigningKeys, type SigningKeys } from './modules/identity/keys';

export interface Deps {
  config: Config;
  db: Database;
  dbHandle: DatabaseHandle;
  aws: AwsClients;
  logger: Logger;
  now: () => Date;
  /** The local issuer's access-token signing key (AUTH_MODE=local). */
  signingKeys: SigningKeys;
  /** Verifies access tokens and loads the caller's current roles (the identity module's). */
  auth: Authenticator;
}

export function createLogger(config: Config, serviceName = 'pivotal-crm'): Logger {
  return new Logger({ serviceName, logLevel: config.LOG_LEVEL });
}

export async function buildDeps(
  config: Config,
  overrides: Partial<Omit<Deps, 'auth'>> & { auth?: Authenticator } = {},
): Promise<Deps> {
  const dbHandle = overrides.dbHandle ?? (await openDatabase(databaseSourceFromConfig(config)));
  const base: Omit<Deps, 'auth'> = {
    config,
    dbHandle,
    db: overrides.db ?? dbHandle.db,
    aws: overrides.aws ?? createAwsClients(config),
    logger: overrides.logger ?? createLogger(config),
    now: overrides.now ?? (() => new Date()),
    signingKeys: overrides.signingKeys ?? createSigningKeys(config),
  };
  return { ...base, auth: overrides.auth ?? createAuthenticator(base) };
}

let shared: Promise<Deps> | undefined;

/** The container-wide dependencies (built on first use, reused by warm invocations). */
export function getDeps(): Promise<Deps> {
  shared ??= buildDeps(getConfig()).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

/** The local stack and tests install the dependencies they built. */
export function setDeps(deps: Deps | undefined): void {
  shared = deps ? Promise.resolve(deps) : undefined;
}

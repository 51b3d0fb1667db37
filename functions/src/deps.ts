// Builds the dependencies a service receives (their type is core/deps.ts): a Lambda container
// builds them once; tests and the local stack build their own.
import { Logger } from '@aws-lambda-powertools/logger';
import { getConfig, type Config } from './config/config';
import { databaseSourceFromConfig, openDatabase } from './db/connection';
import { createAwsClients } from './adapters/aws-clients';
import type { Authenticator } from './core/principal';
import type { Deps } from './core/deps';
import { createAuthenticator, createSigningKeys } from './modules/identity';
import { moduleHooks } from './composition';

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
    hooks: overrides.hooks ?? moduleHooks,
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

/** What the import workflow's task handlers give the pipeline: the dependencies and its hooks. */
export async function importPipeline(): Promise<{ deps: Deps; hooks: Deps['hooks']['imports'] }> {
  const deps = await getDeps();
  return { deps, hooks: deps.hooks.imports };
}

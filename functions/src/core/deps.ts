// The dependencies a service receives (database, AWS clients, clock, logger, configuration) and
// the shapes of the work the root runs with them. This file imports no module, so every module
// and every layer may import it; functions/src/deps.ts builds the values.
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Config } from '../config/config';
import type { Database, DatabaseHandle } from '../db/connection';
import type { AwsClients } from '../adapters/aws-clients';
import type { Authenticator } from './principal';
import type { SigningKeys } from './signing-keys';
import type { ModuleHooks } from './hooks';

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
  /** How this module reaches the others' work, wired by the composition root. */
  hooks: ModuleHooks;
}

/** One-time start-up work, run once per database after its migrations (functions/src/bootstrap.ts). */
export interface BootstrapTask {
  name: string;
  run(deps: Deps): Promise<void>;
}

/** A recurring job (functions/src/schedules.ts); it must be idempotent: a tick may run twice. */
export interface ScheduledJob {
  name: string;
  everySeconds: number;
  /** Also run once when the local stack starts (on AWS the first scheduled tick comes within a minute). */
  runAtStartup?: boolean;
  /** The local timer's period from the configuration, when a setting decides it (else everySeconds). */
  everySecondsFrom?(config: Config): number;
  /**
   * Sub-minute jobs: on AWS the schedule (every minute) starts this workflow of
   * functions/src/workflows, which runs the job in a loop of Wait states, instead of invoking the
   * jobs function. The local timer runs `run` as for any job.
   */
  loop?: { workflow: string };
  run(deps: Deps): Promise<void>;
}

// Lambda entry point the deploy runs once the database exists (a CDK Trigger, again whenever this
// function's code changes): applies the committed migrations, then the one-time bootstrap tasks
// (the first admin, created in the staff user pool). Both steps are idempotent.
import { setTimeout as sleep } from 'node:timers/promises';
import { runBootstrap } from '../bootstrap';
import type { DatabaseHandle } from '../db/connection';
import { migrateDatabase } from '../db/migrate';
import { getDeps, type Deps } from '../deps';

/**
 * On a first deploy RDS Proxy can take a few minutes after CloudFormation reports it created
 * before its target accepts connections; waiting here keeps that from failing the deploy.
 */
export async function waitForDatabase(handle: DatabaseHandle, options: { attempts: number; delayMs: number }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await handle.exec('select 1');
      return;
    } catch (error) {
      if (attempt >= options.attempts) {
        throw new Error(`The database did not accept a connection after ${attempt} attempts.`, { cause: error });
      }
      await sleep(options.delayMs);
    }
  }
}

export interface MigrateOptions {
  migrationsFolder?: string;
  connectAttempts?: number;
  connectDelayMs?: number;
}

export async function migrateAndBootstrap(deps: Deps, options: MigrateOptions = {}): Promise<{ migrated: true; bootstrapped: true }> {
  await waitForDatabase(deps.dbHandle, { attempts: options.connectAttempts ?? 20, delayMs: options.connectDelayMs ?? 15_000 });
  await migrateDatabase(deps.dbHandle, options.migrationsFolder);
  await runBootstrap(deps);
  deps.logger.info('database migrated and bootstrapped');
  return { migrated: true, bootstrapped: true };
}

export async function handler(): Promise<{ migrated: true; bootstrapped: true }> {
  // The bundle carries the migrations beside index.mjs, where defaultMigrationsFolder() looks.
  return migrateAndBootstrap(await getDeps());
}

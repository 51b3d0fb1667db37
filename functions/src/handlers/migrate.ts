// Lambda entry point the deploy runs once the database exists (a CDK Trigger, again whenever this
// function's code changes): applies the committed migrations, then the one-time bootstrap tasks
// (the first admin, created in the staff user pool). Both steps are idempotent.
import { setTimeout as sleep } from 'node:timers/promises';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { runBootstrap } from '../bootstrap';
import type { DatabaseHandle } from '../db/connection';
import { migrateDatabase } from '../db/migrate';
import { getDeps } from '../deps';
import type { Deps } from '../core/deps';

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

/**
 * On AWS the first admin's temporary password is a Secrets Manager secret whose ARN is in
 * ADMIN_PASSWORD_SECRET_ARN: the deploy never resolves it into the function's configuration.
 * It is read here, before the configuration is parsed, into ADMIN_PASSWORD, the one variable
 * the configuration knows. Without an ARN (the local stack) the environment is left as it is.
 */
export async function loadAdminPasswordSecret(env: Record<string, string | undefined>, client: SecretsManagerClient): Promise<void> {
  const secretArn = env.ADMIN_PASSWORD_SECRET_ARN?.trim();
  if (!secretArn) return;
  const secret = await client.send(new GetSecretValueCommand({ SecretId: secretArn })).catch((error: unknown) => {
    throw new Error(`ADMIN_PASSWORD_SECRET_ARN names a secret that could not be read (${secretArn}).`, { cause: error });
  });
  if (!secret.SecretString) {
    throw new Error(`ADMIN_PASSWORD_SECRET_ARN names a secret with no text value (${secretArn}); it must hold the password as a plain string.`);
  }
  env.ADMIN_PASSWORD = secret.SecretString;
}

export async function handler(): Promise<{ migrated: true; bootstrapped: true }> {
  await loadAdminPasswordSecret(process.env, new SecretsManagerClient({}));
  // The bundle carries the migrations beside index.mjs, where defaultMigrationsFolder() looks.
  return migrateAndBootstrap(await getDeps());
}

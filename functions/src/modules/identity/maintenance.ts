// Housekeeping for sign-in state: expired refresh tokens and stale throttle rows. Idempotent, so
// a tick that runs twice is harmless.
import type { Deps } from '../../core/deps';
import type { ScheduledJob } from '../../core/deps';
import { purgeExpiredAuthState } from './repo';

export async function purgeAuthState(deps: Pick<Deps, 'db' | 'now' | 'logger'>): Promise<{ refreshTokens: number; throttle: number }> {
  const purged = await purgeExpiredAuthState(deps.db, deps.now());
  if (purged.refreshTokens || purged.throttle) deps.logger.info('purged expired sign-in state', purged);
  return purged;
}

export const purgeAuthStateJob: ScheduledJob = {
  name: 'identity.purge-auth-state',
  everySeconds: 3600,
  run: async (deps) => {
    await purgeAuthState(deps);
  },
};

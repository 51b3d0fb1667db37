// Housekeeping of the activity module: gate proofs past their audit period, and holds that ran out.
import { sql } from 'drizzle-orm';
import type { ScheduledJob } from '../../core/deps';

export const purgeGateProofsJob: ScheduledJob = {
  name: 'purge-gate-proofs',
  everySeconds: 3600,
  async run(deps) {
    const now = deps.now().toISOString();
    await deps.db.execute(sql`delete from gate_proofs where retain_until < ${now}::timestamptz`);
    await deps.db.execute(sql`delete from contact_holds where held_until < ${now}::timestamptz`);
  },
};

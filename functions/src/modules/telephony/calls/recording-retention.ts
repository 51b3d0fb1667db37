// Recordings are kept as long as their campaign says (`recording_retention_days`, counted from the
// end of the call), then deleted from the bucket and unlinked from the call, which keeps everything
// else (disposition, answers, timestamps). An hourly job does it in batches; deleting an object
// that is already gone is not an error, so a run cut short is simply finished by the next.
import { DeleteObjectsCommand } from '@aws-sdk/client-s3';
import { sql } from 'drizzle-orm';
import type { Deps, ScheduledJob } from '../../../core/deps';
import { queryRows } from '../../../db/rows';

/** S3 deletes at most 1,000 keys a request. */
const BATCH = 500;

/** Deletes the recordings past their campaign's retention; answers how many. */
export async function purgeExpiredRecordings(deps: Pick<Deps, 'db' | 'aws' | 'config' | 'now'>, now = deps.now()): Promise<number> {
  let purged = 0;
  for (;;) {
    const due = await queryRows<{ id: string; key: string }>(
      deps.db,
      sql`select c.id, c.recording_key as key
          from calls c join call_campaigns cc on cc.id = c.campaign_id
          where c.recording_key is not null and c.ended_at is not null
            and c.ended_at < ${now.toISOString()}::timestamptz - make_interval(days => cc.recording_retention_days)
          order by c.ended_at limit ${BATCH}`,
    );
    if (!due.length) return purged;
    await deps.aws.s3.send(
      new DeleteObjectsCommand({ Bucket: deps.config.BUCKET_NAME, Delete: { Objects: due.map((d) => ({ Key: d.key })), Quiet: true } }),
    );
    await deps.db.execute(
      sql`update calls set recording_key = null, recording_seconds = null, updated_at = now() where id = any(${sql.param(due.map((d) => d.id))}::uuid[])`,
    );
    purged += due.length;
    if (due.length < BATCH) return purged;
  }
}

export const purgeRecordingsJob: ScheduledJob = {
  name: 'purge-call-recordings',
  everySeconds: 3600,
  run: async (deps) => {
    await purgeExpiredRecordings(deps);
  },
};

// A short-lived signed link to the recording of a lead's call in the data bucket: how analysts, who
// do not make calls, hear them. The call's recording may be saved after the wrap-up made the lead,
// so the call's key is read when the lead has none.
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { sql } from 'drizzle-orm';
import type { LeadRecordingLink } from '@shared/contracts/leads';
import type { Deps } from '../../../core/deps';
import { notFound } from '../../../core/app-error';
import { queryOne } from '../../../db/rows';

/** Seconds a recording link works: long enough to start playing, too short to pass around. */
export const LEAD_RECORDING_URL_SECONDS = 300;

export async function leadRecordingLink(deps: Pick<Deps, 'db' | 'aws' | 'config' | 'now'>, leadId: string): Promise<LeadRecordingLink> {
  const row = await queryOne<{ key: string | null }>(
    deps.db,
    sql`select coalesce(l.recording_key, k.recording_key) as key from leads l left join calls k on k.id = l.call_id
      where l.id = ${leadId}::uuid and l.deleted_at is null`,
  );
  if (!row) throw notFound('lead');
  if (!row.key) throw notFound('recording');
  const url = await getSignedUrl(deps.aws.s3, new GetObjectCommand({ Bucket: deps.config.BUCKET_NAME, Key: row.key, ResponseContentType: 'audio/wav' }), {
    expiresIn: LEAD_RECORDING_URL_SECONDS,
  });
  return { url, expiresAt: new Date(deps.now().getTime() + LEAD_RECORDING_URL_SECONDS * 1000).toISOString() };
}

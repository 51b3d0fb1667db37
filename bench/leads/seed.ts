// The bench's leads: an account, a contact and a lead each, inserted set-based (one statement per
// table for the batch) with their first history row, and for every other lead a dual-channel WAV
// recording in the bucket, as the Telnyx webhook leaves one.
import { randomUUID } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../functions/src/core/deps';
import { twoToneWav } from '../../infra/local/emulators/wav';

const text = (values: (string | null)[]) => sql.param(values);

export async function seedLeads(deps: Deps, count: number, offset: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  const accountIds = ids.map(() => randomUUID());
  const contactIds = ids.map(() => randomUUID());
  const n = ids.map((_, i) => offset + i);
  const keys = ids.map((id, i) => (i % 2 ? `recordings/bench/${id}.wav` : null));
  await Promise.all(
    keys.map((key, i) =>
      key ? deps.aws.s3.send(new PutObjectCommand({ Bucket: deps.config.BUCKET_NAME, Key: key, Body: twoToneWav({ seconds: 20 + (i % 40) }), ContentType: 'audio/wav' })) : null,
    ),
  );
  // `count` accounts, contacts, leads and history rows: one statement each.
  await deps.db.execute(sql`insert into accounts (id, name, domain, industry, employee_count, annual_revenue, country, technologies)
    select a::uuid, 'Bench ' || k, 'bench-' || k || '.example', 'Software', 250, 40000000, 'US', array['AWS']
    from unnest(${text(accountIds)}::text[], ${sql.param(n)}::int[]) as t(a, k)`);
  await deps.db.execute(sql`insert into contacts (id, account_id, email, full_name, first_name, last_name, email_status, direct_phone, country, source)
    select c::uuid, a::uuid, 'buyer' || k || '@bench-' || k || '.example', 'Camille Martin' || k, 'Camille', 'Martin' || k, 'valid', '+14155550123', 'US', 'bench'
    from unnest(${text(contactIds)}::text[], ${text(accountIds)}::text[], ${sql.param(n)}::int[]) as t(c, a, k)`);
  await deps.db.execute(sql`insert into leads (id, source, contact_id, account_id, recording_key, fields, answers)
    select l::uuid, case when r is null then 'manual' else 'call' end, c::uuid, a::uuid, r,
      jsonb_build_object('firstName', 'Camille', 'lastName', 'Martin' || k, 'email', 'buyer' || k || '@bench-' || k || '.example',
        'phone', '+14155550123', 'company', 'Bench ' || k, 'country', 'US'),
      '{"interest": "yes"}'::jsonb
    from unnest(${text(ids)}::text[], ${text(contactIds)}::text[], ${text(accountIds)}::text[], ${text(keys)}::text[], ${sql.param(n)}::int[]) as t(l, c, a, r, k)`);
  await deps.db.execute(sql`insert into lead_transitions (lead_id, from_state, to_state, at) select l::uuid, null, 'new', now() from unnest(${text(ids)}::text[]) as t(l)`);
  return ids;
}

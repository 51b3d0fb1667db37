// The catalogue of reasons a lead is rejected (QA) or returned (the client). It is saved whole: a
// code left out is deleted, unless a lead or its history names it, in which case it is deactivated
// (kept for the record, no longer offered).
import { asc, sql } from 'drizzle-orm';
import type { ReasonCode, ReasonCodeCatalogue } from '@shared/contracts/leads';
import type { Deps } from '../../../core/deps';
import { invalid } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { leadReasonCodes } from '../../../db/schema';

export async function listReasonCodes(deps: Pick<Deps, 'db'>): Promise<ReasonCodeCatalogue> {
  const rows = await deps.db
    .select({ code: leadReasonCodes.code, label: leadReasonCodes.label, kind: leadReasonCodes.kind, active: leadReasonCodes.active })
    .from(leadReasonCodes)
    .orderBy(asc(leadReasonCodes.kind), asc(leadReasonCodes.label));
  return { codes: rows as ReasonCode[] };
}

export async function putReasonCodes(deps: Pick<Deps, 'db' | 'now'>, input: ReasonCodeCatalogue): Promise<ReasonCodeCatalogue> {
  const seen = new Set<string>();
  input.codes.forEach((code, i) => {
    const key = `${code.kind}:${code.code}`;
    if (seen.has(key)) throw invalid(`body.codes.${i}.code`, `repeats the ${code.kind} reason ${code.code}`);
    seen.add(key);
  });
  const now = deps.now();
  const param = (values: unknown[]) => sql`${sql.param(values)}`;
  await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    // The whole catalogue in one statement: new codes added, kept codes relabelled or (de)activated.
    if (input.codes.length) {
      await tx.execute(sql`insert into lead_reason_codes (code, label, kind, active, created_at, updated_at)
        select t.code, t.label, t.kind, t.active, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        from unnest(${param(input.codes.map((c) => c.code))}::text[], ${param(input.codes.map((c) => c.label))}::text[],
                    ${param(input.codes.map((c) => c.kind))}::text[], ${param(input.codes.map((c) => c.active))}::boolean[]) as t(code, label, kind, active)
        on conflict (kind, code) do update set label = excluded.label, active = excluded.active, updated_at = excluded.updated_at
        where (lead_reason_codes.label, lead_reason_codes.active) is distinct from (excluded.label, excluded.active)`);
    }
    const keys = param([...seen]);
    // Codes left out: those a lead or a transition names are deactivated, the others deleted.
    await tx.execute(sql`update lead_reason_codes r set active = false, updated_at = ${now.toISOString()}::timestamptz
      where r.active and not ((r.kind || ':' || r.code) = any(${keys}::text[]))
        and (exists (select 1 from leads l where l.reason_code = r.code) or exists (select 1 from lead_transitions t where t.reason_code = r.code))`);
    await tx.execute(sql`delete from lead_reason_codes r
      where not ((r.kind || ':' || r.code) = any(${keys}::text[]))
        and not exists (select 1 from leads l where l.reason_code = r.code)
        and not exists (select 1 from lead_transitions t where t.reason_code = r.code)`);
  });
  return listReasonCodes(deps);
}

// How campaigns read back: the row, its variants, its audience's name and the counts of its
// recipients (one grouped statement for a whole page of campaigns) as the API's shapes.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { AbTest, Campaign, CampaignAudience, CampaignCounts, CampaignSchedule, CampaignStatus, CampaignSummary, Variant, VariantKey } from '@shared/contracts/email';
import type { Database } from '../../../db/connection';
import { queryRows } from '../../../db/rows';
import { emailCampaigns, emailVariants } from '../../../db/schema';

export type CampaignRow = typeof emailCampaigns.$inferSelect;
export type VariantRow = typeof emailVariants.$inferSelect;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const EMPTY_COUNTS: CampaignCounts = {
  audience: 0,
  admitted: 0,
  excluded: 0,
  queued: 0,
  sent: 0,
  failed: 0,
  uncertain: 0,
  delivered: 0,
  bounced: 0,
  opened: 0,
  clicked: 0,
  unsubscribed: 0,
  complained: 0,
};

interface CountsRow extends Record<string, unknown> {
  campaign_id: string;
  audience: number | null;
  admitted: number | null;
  excluded: number;
  queued: number;
  sent: number;
  failed: number;
  uncertain: number;
  delivered: number;
  bounced: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
  complained: number;
}

/**
 * The counts of these campaigns in one statement: the snapshot's audience and admitted from its
 * gate proof; recipients by state (held ones count as queued); the events stamped on them.
 * Excluded counts those the gate left out at the snapshot and those left out before their send.
 */
export async function campaignCounts(db: Database, campaignIds: readonly string[]): Promise<Map<string, CampaignCounts>> {
  const out = new Map<string, CampaignCounts>();
  if (!campaignIds.length) return out;
  const rows = await queryRows<CountsRow>(
    db,
    sql`select c.id as campaign_id, p.audience, p.admitted,
          coalesce(p.audience - p.admitted, 0) + coalesce(r.excluded, 0) as excluded,
          coalesce(r.queued, 0) as queued, coalesce(r.sent, 0) as sent, coalesce(r.failed, 0) as failed,
          coalesce(r.uncertain, 0) as uncertain, coalesce(r.delivered, 0) as delivered, coalesce(r.bounced, 0) as bounced,
          coalesce(r.opened, 0) as opened, coalesce(r.clicked, 0) as clicked, coalesce(r.unsubscribed, 0) as unsubscribed,
          coalesce(r.complained, 0) as complained
        from email_campaigns c
        left join gate_proofs p on p.id = c.gate_proof_id
        left join lateral (
          select count(*) filter (where er.status = 'excluded')::int as excluded,
                 count(*) filter (where er.status in ('queued', 'sending', 'held'))::int as queued,
                 count(*) filter (where er.status = 'sent')::int as sent,
                 count(*) filter (where er.status = 'failed')::int as failed,
                 count(*) filter (where er.status = 'uncertain')::int as uncertain,
                 count(er.delivered_at)::int as delivered,
                 count(er.bounce)::int as bounced,
                 count(er.opened_at)::int as opened,
                 count(er.clicked_at)::int as clicked,
                 count(er.unsubscribed_at)::int as unsubscribed,
                 count(er.complained_at)::int as complained
          from email_recipients er where er.campaign_id = c.id
        ) r on true
        where c.id = any(${sql.param(campaignIds)}::uuid[])`,
  );
  for (const row of rows) {
    const { campaign_id: id, ...counts } = row;
    out.set(id, {
      ...EMPTY_COUNTS,
      ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v ?? 0)])),
    } as CampaignCounts);
  }
  return out;
}

/** The names of the segments, lists and domain sets these campaigns send to. */
async function audienceNames(db: Database, rows: readonly CampaignRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.audienceId).filter((id): id is string => id !== null))];
  if (!ids.length) return new Map();
  const found = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id::text, name from segments where id = any(${sql.param(ids)}::uuid[])
        union all select id::text, name from static_lists where id = any(${sql.param(ids)}::uuid[])
        union all select id::text, name from domain_sets where id = any(${sql.param(ids)}::uuid[])`,
  );
  return new Map(found.map((r) => [r.id, r.name]));
}

async function userNames(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const found = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id::text, trim(first_name || ' ' || last_name) as name from users where id = any(${sql.param(wanted)}::uuid[])`,
  );
  return new Map(found.map((r) => [r.id, r.name]));
}

export function variantView(row: VariantRow): Variant {
  return {
    id: row.id,
    key: row.key as VariantKey,
    subject: row.subject,
    preheader: row.preheader,
    mode: row.mode as Variant['mode'],
    document: row.document ?? null,
    html: row.html,
    text: row.text,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function audienceOf(row: CampaignRow): CampaignAudience | null {
  return row.audienceKind && row.audienceId ? { kind: row.audienceKind as CampaignAudience['kind'], id: row.audienceId } : null;
}

function summary(row: CampaignRow, names: Map<string, string>, counts: CampaignCounts): CampaignSummary {
  return {
    id: row.id,
    name: row.name,
    status: row.status as CampaignStatus,
    audienceName: row.audienceId ? (names.get(row.audienceId) ?? null) : null,
    scheduledAt: iso(row.scheduledAt),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    counts,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function summaryViews(db: Database, rows: readonly CampaignRow[]): Promise<CampaignSummary[]> {
  const [names, counts] = await Promise.all([audienceNames(db, rows), campaignCounts(db, rows.map((r) => r.id))]);
  return rows.map((row) => summary(row, names, counts.get(row.id) ?? EMPTY_COUNTS));
}

export async function campaignView(db: Database, row: CampaignRow): Promise<Campaign> {
  const [names, counts, variants, users] = await Promise.all([
    audienceNames(db, [row]),
    campaignCounts(db, [row.id]),
    db.select().from(emailVariants).where(eq(emailVariants.campaignId, row.id)).orderBy(asc(emailVariants.key)),
    userNames(db, [row.createdBy]),
  ]);
  return {
    ...summary(row, names, counts.get(row.id) ?? EMPTY_COUNTS),
    audience: audienceOf(row),
    senderProfileId: row.senderProfileId,
    schedule: (row.schedule as CampaignSchedule | null) ?? null,
    abTest: (row.abTest as AbTest | null) ?? null,
    winnerVariantId: row.winnerVariantId,
    variants: variants.map(variantView),
    pausedReason: row.pausedReason,
    parentCampaignId: row.parentCampaignId,
    followUp: (row.followUp as Campaign['followUp']) ?? null,
    gateProofId: row.gateProofId,
    createdByName: row.createdBy ? (users.get(row.createdBy) ?? null) : null,
    version: row.version,
  };
}

export async function variantsOf(db: Database, campaignIds: readonly string[]): Promise<VariantRow[]> {
  if (!campaignIds.length) return [];
  return db.select().from(emailVariants).where(inArray(emailVariants.campaignId, [...campaignIds])).orderBy(asc(emailVariants.key));
}

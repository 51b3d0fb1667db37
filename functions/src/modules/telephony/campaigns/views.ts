// What the API answers for call campaigns: the whole campaign with its dispositions and agents, and
// the list's summaries with their counts (agents, contacts queued, calls made), one query each.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CallAudience, CallCampaign, CallCampaignSummary, Disposition, DispositionClass, FormField } from '@shared/contracts/telephony';
import type { Database } from '../../../db/connection';
import { queryRows } from '../../../db/rows';
import { callCampaigns, callDispositions, campaignAgents } from '../../../db/schema';

export type CampaignRow = typeof callCampaigns.$inferSelect;
type DispositionRow = typeof callDispositions.$inferSelect;

export function dispositionView(row: DispositionRow): Disposition {
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    outcomeClass: row.outcomeClass as DispositionClass,
    shortcut: row.shortcut,
    position: row.position,
    retryAfterMinutes: row.retryAfterMinutes,
  };
}

export async function campaignView(db: Database, row: CampaignRow): Promise<CallCampaign> {
  const [dispositions, agents] = await Promise.all([
    db.select().from(callDispositions).where(eq(callDispositions.campaignId, row.id)).orderBy(asc(callDispositions.position), asc(callDispositions.code)),
    db.select({ userId: campaignAgents.userId }).from(campaignAgents).where(eq(campaignAgents.campaignId, row.id)).orderBy(asc(campaignAgents.createdAt), asc(campaignAgents.userId)),
  ]);
  return {
    id: row.id,
    name: row.name,
    status: row.status as CallCampaign['status'],
    audience: (row.audience as CallAudience | null) ?? null,
    trunkId: row.trunkId,
    callerId: row.callerId,
    sellerName: row.sellerName,
    sellerPhone: row.sellerPhone,
    script: row.script,
    form: row.form as FormField[],
    rules: row.rules ?? null,
    callingWindow: (row.callingWindow as CallCampaign['callingWindow']) ?? null,
    record: row.record,
    consentAnnouncement: row.consentAnnouncement,
    recordingRetentionDays: row.recordingRetentionDays,
    dispositions: dispositions.map(dispositionView),
    agentIds: agents.map((a) => a.userId),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

interface Counts {
  campaign_id: string;
  agents: number;
  queued: number;
  calls: number;
}

/** The page's summaries: one statement counts agents, queued contacts and calls for all of them. */
export async function summaryViews(db: Database, rows: CampaignRow[]): Promise<CallCampaignSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await queryRows<Counts & Record<string, unknown>>(
    db,
    sql`select c.id as campaign_id,
          (select count(*)::int from campaign_agents a where a.campaign_id = c.id) as agents,
          (select count(*)::int from dialer_queue_items q where q.campaign_id = c.id and q.status = 'queued') as queued,
          (select count(*)::int from calls k where k.campaign_id = c.id) as calls
        from call_campaigns c where c.id = any(${sql.param(ids)}::uuid[])`,
  );
  const byId = new Map(counts.map((c) => [c.campaign_id, c]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status as CallCampaignSummary['status'],
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    agents: byId.get(r.id)?.agents ?? 0,
    queued: byId.get(r.id)?.queued ?? 0,
    calls: byId.get(r.id)?.calls ?? 0,
  }));
}

/** The campaigns (of these) a user is assigned to. */
export async function assignedCampaignIds(db: Database, userId: string, ids?: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ campaignId: campaignAgents.campaignId })
    .from(campaignAgents)
    .where(and(eq(campaignAgents.userId, userId), ids ? inArray(campaignAgents.campaignId, ids) : undefined));
  return new Set(rows.map((r) => r.campaignId));
}

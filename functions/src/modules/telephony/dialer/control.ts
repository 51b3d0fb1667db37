// The control centre's side of the dialer: every queue with its live counts (items by status,
// calls ringing and connected, abandonment over 30 days, the campaign's agents by status), the
// settings, and switching a queue on and off.
import { sql } from 'drizzle-orm';
import {
  ABANDON_PAUSE_AT,
  AGENT_STATUSES,
  dialerSettingsSchema,
  type AgentStatus,
  type DialerQueue,
  type DialerSettings,
} from '@shared/contracts/telephony';
import type { z } from 'zod';
import type { dialerSettingsUpdateSchema } from '@shared/contracts/telephony';
import type { Deps } from '../../../core/deps';
import { AppError, invalid, notFound } from '../../../core/app-error';
import { queryRows } from '../../../db/rows';
import { agentsInStatus } from '../presence';
import { abandonmentRate, targetRatio } from './pacing';
import { abandonWindow, campaignAgentIds, ensureQueue, findQueueRow, listQueueRows, type QueueRow } from './queue-store';

type ControlDeps = Pick<Deps, 'db' | 'aws' | 'config' | 'now'>;
export type DialerSettingsUpdate = z.infer<typeof dialerSettingsUpdateSchema>;

async function liveCounts(deps: ControlDeps, rows: readonly QueueRow[]): Promise<DialerQueue[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.campaignId);
  const now = deps.now();
  const [items, calls, assigned, ...presence] = await Promise.all([
    queryRows<{ campaign_id: string; status: string; n: number }>(
      deps.db,
      sql`select campaign_id, status, count(*)::int as n from dialer_queue_items where campaign_id = any(${sql.param(ids)}::uuid[]) group by campaign_id, status`,
    ),
    queryRows<{ campaign_id: string; dialing: number; connected: number }>(
      deps.db,
      sql`select campaign_id, count(*) filter (where state in ('initiated', 'ringing', 'answered'))::int as dialing,
          count(*) filter (where state = 'bridged')::int as connected
        from calls
        where campaign_id = any(${sql.param(ids)}::uuid[]) and state <> 'ended' and started_at > ${now.toISOString()}::timestamptz - interval '1 day'
        group by campaign_id`,
    ),
    campaignAgentIds(deps.db, ids),
    ...AGENT_STATUSES.filter((s) => s !== 'offline').map((s) => agentsInStatus(deps, s)),
  ]);
  const statusOf = new Map<string, AgentStatus>();
  for (const list of presence) for (const a of list) statusOf.set(a.userId, a.status);
  const windows = await Promise.all(rows.map((r) => abandonWindow(deps.db, r.campaignId, now)));

  return rows.map((row, i) => {
    const count = (status: string) => items.find((x) => x.campaign_id === row.campaignId && x.status === status)?.n ?? 0;
    const live = calls.find((c) => c.campaign_id === row.campaignId);
    const agents = Object.fromEntries(AGENT_STATUSES.map((s) => [s, 0])) as Record<AgentStatus, number>;
    for (const userId of assigned.get(row.campaignId) ?? []) agents[statusOf.get(userId) ?? 'offline']++;
    const window = windows[i]!;
    return {
      campaignId: row.campaignId,
      campaignName: row.campaignName,
      status: row.status,
      pausedReason: row.pausedReason,
      settings: row.settings,
      currentRatio: row.currentRatio,
      counts: { queued: count('queued'), dialing: count('dialing'), done: count('done'), exhausted: count('exhausted') },
      live: { dialing: Number(live?.dialing ?? 0), connected: Number(live?.connected ?? 0) },
      abandonment: { answered: window.answered, abandoned: window.abandoned, rate: abandonmentRate(window) },
      agents,
      filledAt: row.filledAt,
      lastTickAt: row.lastTickAt,
    };
  });
}

export async function listQueues(deps: ControlDeps): Promise<{ items: DialerQueue[] }> {
  return { items: await liveCounts(deps, await listQueueRows(deps.db)) };
}

async function queueOrMake(deps: ControlDeps, campaignId: string): Promise<QueueRow> {
  const campaign = await queryRows<{ id: string }>(deps.db, sql`select id from call_campaigns where id = ${campaignId}::uuid and deleted_at is null`);
  if (!campaign.length) throw notFound('call campaign');
  await ensureQueue(deps.db, campaignId);
  return (await findQueueRow(deps.db, campaignId))!;
}

export async function getQueue(deps: ControlDeps, campaignId: string): Promise<DialerQueue> {
  const [queue] = await liveCounts(deps, [await queueOrMake(deps, campaignId)]);
  return queue!;
}

/**
 * Changes settings (merged over the current ones and validated whole). The ratio in force never
 * rises with a save: it stays at what the controller allowed, capped by the new target.
 */
export async function updateQueueSettings(deps: ControlDeps, campaignId: string, patch: DialerSettingsUpdate): Promise<DialerQueue> {
  const queue = await queueOrMake(deps, campaignId);
  const merged = dialerSettingsSchema.safeParse({ ...queue.settings, ...patch });
  if (!merged.success) {
    const issue = merged.error.issues[0]!;
    throw invalid(issue.path.join('.') || 'settings', issue.message);
  }
  const settings: DialerSettings = merged.data;
  const ratio = Math.min(queue.currentRatio, targetRatio(settings));
  await deps.db.execute(sql`update dialer_queues set settings = ${JSON.stringify(settings)}::jsonb, current_ratio = ${ratio},
    updated_at = ${deps.now().toISOString()}::timestamptz where campaign_id = ${campaignId}::uuid`);
  return getQueue(deps, campaignId);
}

/** Switches the queue on; refused while the campaign's abandonment is at the pause threshold (it would pause again at once). */
export async function startQueue(deps: ControlDeps, campaignId: string): Promise<DialerQueue> {
  await queueOrMake(deps, campaignId);
  const window = await abandonWindow(deps.db, campaignId, deps.now());
  const rate = abandonmentRate(window);
  if (rate >= ABANDON_PAUSE_AT) {
    throw new AppError('conflict', {
      detail: `Abandoned calls are ${(rate * 100).toFixed(2)} % of those answered over 30 days; the dialer stays paused until the rate is under ${(ABANDON_PAUSE_AT * 100).toFixed(1)} %.`,
    });
  }
  await deps.db.execute(sql`update dialer_queues set status = 'active', paused_reason = null, updated_at = ${deps.now().toISOString()}::timestamptz
    where campaign_id = ${campaignId}::uuid`);
  return getQueue(deps, campaignId);
}

/** Switches the queue off: calls in progress finish; nothing new is dialled. */
export async function pauseQueue(deps: ControlDeps, campaignId: string, reason = 'Paused by a manager.'): Promise<DialerQueue> {
  await queueOrMake(deps, campaignId);
  await deps.db.execute(sql`update dialer_queues set status = 'paused', paused_reason = ${reason}, updated_at = ${deps.now().toISOString()}::timestamptz
    where campaign_id = ${campaignId}::uuid`);
  return getQueue(deps, campaignId);
}

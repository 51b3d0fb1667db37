// The dialer's SQL: queues and their campaigns, the claim of due items (FOR UPDATE SKIP LOCKED with
// a lease), putting items back or taking them out, leases left by a crashed tick, calls in flight
// and the abandonment window. Each statement works on a whole set of items at once.
import { sql, type SQL } from 'drizzle-orm';
import { dialerSettingsSchema, type DialerSettings } from '@shared/contracts/telephony';
import type { PolicyRules } from '@shared/contracts/activity';
import type { Database } from '../../../db/connection';
import { isoOrNull, queryOne, queryRows } from '../../../db/rows';
import type { CallingWindow } from '../../compliance';
import { ABANDON_WINDOW_DAYS, type AbandonWindow } from './pacing';

export interface QueueRow {
  campaignId: string;
  campaignName: string;
  campaignStatus: string;
  status: 'active' | 'paused';
  settings: DialerSettings;
  currentRatio: number;
  pausedReason: string | null;
  filledAt: string | null;
  lastTickAt: string | null;
  rules: PolicyRules | null;
  callingWindow: CallingWindow | null;
  callerId: string | null;
  record: boolean;
  /** Said to both parties once the call is bridged; recording waits for it (see calls/consent.ts). */
  consentAnnouncement: string | null;
  /** The campaign's trunk, else the default one (active trunks only). */
  connectionId: string | null;
  trunkCallerId: string | null;
  /** The agents assigned to the campaign. */
  agentIds: string[];
}

interface RawQueue extends Record<string, unknown> {
  campaign_id: string;
  campaign_name: string;
  campaign_status: string;
  status: 'active' | 'paused';
  settings: unknown;
  current_ratio: number;
  paused_reason: string | null;
  filled_at: Date | string | null;
  last_tick_at: Date | string | null;
  rules: unknown;
  calling_window: unknown;
  caller_id: string | null;
  record: boolean;
  consent_announcement: string | null;
  connection_id: string | null;
  trunk_caller_id: string | null;
  agent_ids: string[] | null;
}

const json = <T>(v: unknown): T | null => (v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** Settings as stored, completed with the defaults (a queue made before a setting existed gets its default). */
export const parseSettings = (value: unknown): DialerSettings => dialerSettingsSchema.parse(json<Record<string, unknown>>(value) ?? {});

function toQueue(r: RawQueue): QueueRow {
  return {
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    campaignStatus: r.campaign_status,
    status: r.status,
    settings: parseSettings(r.settings),
    currentRatio: Number(r.current_ratio),
    pausedReason: r.paused_reason,
    filledAt: isoOrNull(r.filled_at),
    lastTickAt: isoOrNull(r.last_tick_at),
    rules: json<PolicyRules>(r.rules),
    callingWindow: json<CallingWindow>(r.calling_window),
    callerId: r.caller_id,
    record: r.record,
    consentAnnouncement: r.consent_announcement,
    connectionId: r.connection_id,
    trunkCallerId: r.trunk_caller_id,
    agentIds: r.agent_ids ?? [],
  };
}

function queuesSql(where: SQL): SQL {
  return sql`select q.campaign_id, c.name as campaign_name, c.status as campaign_status, q.status, q.settings, q.current_ratio,
      q.paused_reason, q.filled_at, q.last_tick_at, c.rules, c.calling_window, c.caller_id, c.record, c.consent_announcement,
      t.connection_id, t.caller_ids[1] as trunk_caller_id,
      array(select a.user_id::text from campaign_agents a where a.campaign_id = q.campaign_id) as agent_ids
    from dialer_queues q
    join call_campaigns c on c.id = q.campaign_id and c.deleted_at is null
    left join lateral (
      select st.connection_id, st.caller_ids from sip_trunks st
      where st.deleted_at is null and st.active and (st.id = c.trunk_id or (c.trunk_id is null and st.is_default))
      order by (st.id = c.trunk_id) desc nulls last limit 1
    ) t on true
    where ${where}
    order by c.name, q.campaign_id`;
}

export async function listQueueRows(db: Database): Promise<QueueRow[]> {
  return (await queryRows<RawQueue>(db, queuesSql(sql`true`))).map(toQueue);
}

export async function findQueueRow(db: Database, campaignId: string): Promise<QueueRow | null> {
  const row = await queryOne<RawQueue>(db, queuesSql(sql`q.campaign_id = ${campaignId}::uuid`));
  return row ? toQueue(row) : null;
}

/** Queues the tick works: switched on, of a campaign that is active. */
export async function activeQueueRows(db: Database): Promise<QueueRow[]> {
  return (await queryRows<RawQueue>(db, queuesSql(sql`q.status = 'active' and c.status = 'active'`))).map(toQueue);
}

/** A campaign's queue, made with the default settings when it has none yet. */
export async function ensureQueue(db: Database, campaignId: string): Promise<void> {
  await db.execute(sql`insert into dialer_queues (campaign_id, status, settings)
    values (${campaignId}::uuid, 'paused', ${JSON.stringify(dialerSettingsSchema.parse({}))}::jsonb)
    on conflict (campaign_id) do nothing`);
}

/** The agents assigned to each of these campaigns. */
export async function campaignAgentIds(db: Database, campaignIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const rows = await queryRows<{ campaign_id: string; user_id: string }>(
    db,
    sql`select campaign_id, user_id from campaign_agents where campaign_id = any(${sql.param(campaignIds)}::uuid[])`,
  );
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!out.has(r.campaign_id)) out.set(r.campaign_id, new Set());
    out.get(r.campaign_id)!.add(r.user_id);
  }
  return out;
}

/** Exactly the orders of the partial indexes (nulls last included), so the claim reads the first rows of one and stops. */
const ORDER: Record<DialerSettings['priority'], SQL> = {
  priority: sql`i.priority desc nulls last, i.next_attempt_at`,
  fifo: sql`i.created_at`,
  newest: sql`i.created_at desc`,
};

export interface ClaimedItem {
  contactId: string;
  accountId: string | null;
  phone: string;
  attempts: number;
}

/**
 * Claims up to `limit` queued items whose time has come, in the queue's priority order: locked
 * with SKIP LOCKED (two ticks never take the same row) and leased (status dialing until
 * `leaseUntil`) in the same statement, which commits on its own.
 */
export async function claimItems(db: Database, campaignId: string, order: DialerSettings['priority'], limit: number, now: Date, leaseUntil: Date): Promise<ClaimedItem[]> {
  if (limit <= 0) return [];
  const rows = await queryRows<{ contact_id: string; account_id: string | null; phone: string; attempts: number }>(
    db,
    sql`with picked as (
        select i.campaign_id, i.contact_id from dialer_queue_items i
        where i.campaign_id = ${campaignId}::uuid and i.status = 'queued' and i.next_attempt_at <= ${now.toISOString()}::timestamptz
        order by ${ORDER[order]}
        limit ${limit}
        for update skip locked
      )
      update dialer_queue_items i
      set status = 'dialing', lease_until = ${leaseUntil.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
      from picked p
      where i.campaign_id = p.campaign_id and i.contact_id = p.contact_id and i.status = 'queued'
      returning i.contact_id, i.account_id, i.phone, i.attempts`,
  );
  return rows.map((r) => ({ contactId: r.contact_id, accountId: r.account_id, phone: r.phone, attempts: Number(r.attempts) }));
}

export interface ItemUpdate {
  contactId: string;
  status: 'queued' | 'removed' | 'exhausted';
  /** Queued: when it may be dialled again. */
  nextAttemptAt: Date | null;
  outcome: string;
  /** A dial was attempted (an error of the dial itself counts). */
  attempted: boolean;
}

/** Puts claimed items back in the queue (later) or takes them out, with the outcome, in one statement. */
export async function settleItems(db: Database, campaignId: string, updates: readonly ItemUpdate[], now: Date): Promise<void> {
  if (!updates.length) return;
  await db.execute(sql`update dialer_queue_items i
    set status = u.status, next_attempt_at = coalesce(u.next_at, i.next_attempt_at), last_outcome = u.outcome,
      attempts = i.attempts + case when u.attempted then 1 else 0 end, lease_until = null, call_id = null,
      updated_at = ${now.toISOString()}::timestamptz
    from unnest(${sql.param(updates.map((u) => u.contactId))}::uuid[], ${sql.param(updates.map((u) => u.status))}::text[],
      ${sql.param(updates.map((u) => u.nextAttemptAt?.toISOString() ?? null))}::timestamptz[], ${sql.param(updates.map((u) => u.outcome))}::text[],
      ${sql.param(updates.map((u) => u.attempted))}::boolean[]) as u(contact_id, status, next_at, outcome, attempted)
    where i.campaign_id = ${campaignId}::uuid and i.contact_id = u.contact_id and i.status = 'dialing'`);
}

export interface NewCall {
  id: string;
  contactId: string;
  accountId: string | null;
  agentId: string | null;
  to: string;
  from: string;
}

/**
 * The calls rows of one tick's dials (state initiated) and each leased item's call, in one
 * statement: a tick that dies before dialling leaves calls its lease expiry can end.
 */
export async function insertCalls(db: Database, campaignId: string, calls: readonly NewCall[], now: Date): Promise<void> {
  if (!calls.length) return;
  await db.execute(sql`with placed as (
      insert into calls (id, campaign_id, contact_id, account_id, agent_id, origin, to_number, from_number, state, started_at)
      select c.id, ${campaignId}::uuid, c.contact_id, c.account_id, c.agent_id, 'dialer', c.to_number, c.from_number, 'initiated', ${now.toISOString()}::timestamptz
      from unnest(${sql.param(calls.map((c) => c.id))}::uuid[], ${sql.param(calls.map((c) => c.contactId))}::uuid[],
        ${sql.param(calls.map((c) => c.accountId))}::uuid[], ${sql.param(calls.map((c) => c.agentId))}::uuid[],
        ${sql.param(calls.map((c) => c.to))}::text[], ${sql.param(calls.map((c) => c.from))}::text[])
        as c(id, contact_id, account_id, agent_id, to_number, from_number)
      returning id, contact_id
    )
    update dialer_queue_items i set call_id = p.id
    from placed p
    where i.campaign_id = ${campaignId}::uuid and i.contact_id = p.contact_id and i.status = 'dialing'`);
}

/**
 * Telnyx's ids of the placed calls with their items (the number dialled, one attempt more, the
 * lease kept until the hang-up settles them) in one statement, and the end of the calls it refused.
 */
export async function recordDialResults(
  db: Database,
  campaignId: string,
  placed: ReadonlyArray<{ callId: string; contactId: string; phone: string; callControlId: string; callSessionId: string }>,
  failed: ReadonlyArray<{ callId: string; cause: string }>,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  if (placed.length) {
    await db.execute(sql`with placed as (
        update calls c set call_control_id = p.control_id, call_session_id = p.session_id, updated_at = ${at}::timestamptz
        from unnest(${sql.param(placed.map((p) => p.callId))}::uuid[], ${sql.param(placed.map((p) => p.callControlId))}::text[],
          ${sql.param(placed.map((p) => p.callSessionId))}::text[], ${sql.param(placed.map((p) => p.contactId))}::uuid[],
          ${sql.param(placed.map((p) => p.phone))}::text[]) as p(id, control_id, session_id, contact_id, phone)
        where c.id = p.id
        returning c.id, p.contact_id, p.phone
      )
      update dialer_queue_items i
      set phone = placed.phone, attempts = i.attempts + 1, last_outcome = 'dialled', updated_at = ${at}::timestamptz
      from placed
      where i.campaign_id = ${campaignId}::uuid and i.contact_id = placed.contact_id and i.status = 'dialing' and i.call_id = placed.id`);
  }
  if (failed.length) {
    await db.execute(sql`update calls c set state = 'ended', ended_at = ${at}::timestamptz, hangup_cause = f.cause, updated_at = ${at}::timestamptz
      from unnest(${sql.param(failed.map((f) => f.callId))}::uuid[], ${sql.param(failed.map((f) => f.cause))}::text[]) as f(id, cause)
      where c.id = f.id`);
  }
}

export interface ExpiredLeases {
  requeued: number;
  extended: number;
  /** Agents reserved for calls that were never placed (to be made available again). */
  orphanedAgents: Array<{ agentId: string; callId: string }>;
}

/**
 * Leases that ran out (a tick crashed between claim and dial, or a hang-up never came): an item
 * whose call is live keeps its lease a while longer; the others go back to the queue, and a call
 * row that was never placed is ended.
 */
export async function expireLeases(db: Database, now: Date): Promise<ExpiredLeases> {
  const at = now.toISOString();
  const rows = await queryRows<{ status: string; orphan_agent: string | null; orphan_call: string | null }>(
    db,
    sql`with expired as (
        select i.campaign_id, i.contact_id, i.call_id from dialer_queue_items i
        where i.status = 'dialing' and i.lease_until < ${at}::timestamptz
        for update skip locked
      ),
      info as (
        select e.campaign_id, e.contact_id, c.id as call_id, c.agent_id,
          coalesce(c.state <> 'ended' and c.call_control_id is not null, false) as live,
          coalesce(c.state <> 'ended' and c.call_control_id is null, false) as never_placed
        from expired e left join calls c on c.id = e.call_id
      ),
      ended as (
        update calls c set state = 'ended', ended_at = ${at}::timestamptz, hangup_cause = 'not_placed', updated_at = ${at}::timestamptz
        from info where c.id = info.call_id and info.never_placed
        returning c.id
      )
      update dialer_queue_items i
      set status = case when info.live then 'dialing' else 'queued' end,
        lease_until = case when info.live then ${at}::timestamptz + interval '5 minutes' end,
        call_id = case when info.live then i.call_id end,
        last_outcome = case when info.live then i.last_outcome else 'lease_expired' end,
        updated_at = ${at}::timestamptz
      from info
      where i.campaign_id = info.campaign_id and i.contact_id = info.contact_id
      returning i.status, case when info.never_placed then info.agent_id end as orphan_agent, case when info.never_placed then info.call_id end as orphan_call`,
  );
  return {
    requeued: rows.filter((r) => r.status === 'queued').length,
    extended: rows.filter((r) => r.status === 'dialing').length,
    orphanedAgents: rows.filter((r) => r.orphan_agent && r.orphan_call).map((r) => ({ agentId: r.orphan_agent!, callId: r.orphan_call! })),
  };
}

/** The campaign's calls not ended, and those among them with no agent reserved. */
export async function callsInFlight(db: Database, campaignId: string, now: Date): Promise<{ inFlight: number; unassigned: number }> {
  const row = await queryOne<{ in_flight: number; unassigned: number }>(
    db,
    sql`select count(*)::int as in_flight, count(*) filter (where agent_id is null)::int as unassigned
      from calls
      where campaign_id = ${campaignId}::uuid and started_at > ${now.toISOString()}::timestamptz - interval '1 day' and state <> 'ended'`,
  );
  return { inFlight: Number(row?.in_flight ?? 0), unassigned: Number(row?.unassigned ?? 0) };
}

/**
 * Calls answered by a person in the 30 days up to `now` (AMD said human or was off; an abandoned
 * call was answered by a person by definition) and those abandoned, from the webhooks' timestamps.
 */
export async function abandonWindow(db: Database, campaignId: string, now: Date): Promise<AbandonWindow> {
  const row = await queryOne<{ answered: number; abandoned: number }>(
    db,
    sql`select count(*) filter (where abandoned or amd_result is null or amd_result = 'human')::int as answered,
        count(*) filter (where abandoned)::int as abandoned
      from calls
      where campaign_id = ${campaignId}::uuid and answered_at is not null
        and answered_at > ${now.toISOString()}::timestamptz - make_interval(days => ${ABANDON_WINDOW_DAYS})
        and answered_at <= ${now.toISOString()}::timestamptz`,
  );
  return { answered: Number(row?.answered ?? 0), abandoned: Number(row?.abandoned ?? 0) };
}

/** The controller's decision, and when the queue last ticked. */
export async function savePacing(
  db: Database,
  campaignId: string,
  state: { status: 'active' | 'paused'; currentRatio: number; pausedReason: string | null },
  now: Date,
): Promise<void> {
  await db.execute(sql`update dialer_queues
    set status = ${state.status}, current_ratio = ${state.currentRatio}, paused_reason = ${state.pausedReason},
      last_tick_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
    where campaign_id = ${campaignId}::uuid and status = 'active'`);
}

// The agent console's server side: what the screen shows (presence, the agent's campaigns, the call
// reserved for, connected to or awaiting the agent's wrap-up, callbacks due), the agent's own
// status changes, and the WebRTC login token minted from the agent's own Telnyx credential (created
// once, on the default trunk's connection; the API key never leaves the server).
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { AgentPresence, AgentStatus, ConsoleState, WebrtcToken } from '@shared/contracts/telephony';
import type { Deps } from '../../../core/deps';
import { AppError, invalid } from '../../../core/app-error';
import { queryOne, queryRows } from '../../../db/rows';
import { agentCredentials, callCampaigns, calls, campaignAgents, sipTrunks } from '../../../db/schema';
import { telnyxFor } from '../../../adapters/telnyx';
import { getPresence, setPresence } from '../presence';
import { callsWhere } from './views';

type ConsoleDeps = Pick<Deps, 'db' | 'aws' | 'config' | 'now' | 'logger'>;

/** A call not ended this long after it began lost its webhooks: it no longer holds the agent. */
const LIVE_CALL_HOURS = 4;
/** Callbacks shown as due: overdue ones and those in the coming hour. */
const CALLBACK_LOOKAHEAD_MS = 60 * 60_000;
/** Telnyx login tokens last 24 hours. */
const TOKEN_HOURS = 24;

const liveCall = (userId: string, now: Date) =>
  sql`${calls.agentId} = ${userId}::uuid and ${calls.endedAt} is null and ${calls.startedAt} > ${new Date(now.getTime() - LIVE_CALL_HOURS * 3_600_000).toISOString()}::timestamptz`;
const awaitingWrapUp = (userId: string) =>
  sql`${calls.agentId} = ${userId}::uuid and ${calls.bridgedAt} is not null and ${calls.endedAt} is not null and ${calls.dispositionId} is null`;

/** Whether the agent is on a live call, and whether a connected call still waits for the agent's disposition. */
export async function agentCallState(db: Deps['db'], userId: string, now: Date): Promise<{ live: boolean; wrapUpPending: boolean }> {
  const row = await queryOne<{ live: boolean; pending: boolean }>(
    db,
    sql`select exists (select 1 from calls where ${liveCall(userId, now)}) as live, exists (select 1 from calls where ${awaitingWrapUp(userId)}) as pending`,
  );
  return { live: Boolean(row?.live), wrapUpPending: Boolean(row?.pending) };
}

export async function consoleState(deps: ConsoleDeps, userId: string): Promise<ConsoleState> {
  const now = deps.now();
  const [presence, campaigns, current, callbacks] = await Promise.all([
    getPresence(deps, userId),
    deps.db
      .select({ id: callCampaigns.id, name: callCampaigns.name, status: callCampaigns.status })
      .from(campaignAgents)
      .innerJoin(callCampaigns, eq(callCampaigns.id, campaignAgents.campaignId))
      .where(and(eq(campaignAgents.userId, userId), isNull(callCampaigns.deletedAt)))
      .orderBy(asc(callCampaigns.name)),
    callsWhere(deps.db, sql`(${liveCall(userId, now)}) or (${awaitingWrapUp(userId)})`),
    queryRows<{ id: string; contact_id: string | null; title: string; due_at: Date | string }>(
      deps.db,
      sql`select id, contact_id, title, due_at from tasks
        where assignee_id = ${userId}::uuid and type = 'call_back' and status = 'open' and deleted_at is null
          and due_at <= ${new Date(now.getTime() + CALLBACK_LOOKAHEAD_MS).toISOString()}::timestamptz
        order by due_at limit 50`,
    ),
  ]);
  return {
    presence,
    campaigns: campaigns.map((c) => ({ ...c, status: c.status as ConsoleState['campaigns'][number]['status'] })),
    call: current[0] ?? null,
    callbacksDue: callbacks.map((t) => ({ taskId: t.id, contactId: t.contact_id, title: t.title, dueAt: new Date(t.due_at).toISOString() })),
  };
}

/**
 * The agent's own status change. Busy is the dialer's to set; nobody leaves a live call by a
 * status change; and available waits until every connected call has its disposition.
 */
export async function changePresence(deps: ConsoleDeps, userId: string, status: AgentStatus): Promise<AgentPresence> {
  if (status === 'busy') throw invalid('body.status', 'is set when a call is put through to you, not by hand');
  const current = await getPresence(deps, userId);
  if (current.status === status) return current;
  const { live, wrapUpPending } = await agentCallState(deps.db, userId, deps.now());
  if (live) throw new AppError('conflict', { detail: 'You are on a call: your status changes when it ends.' });
  if (status === 'available' && wrapUpPending) throw new AppError('conflict', { detail: 'Give your last call a disposition before taking the next one.' });
  const next = await setPresence(deps, userId, status, { expect: [current.status], callId: null });
  if (!next) throw new AppError('conflict', { detail: 'Your status changed meanwhile (a call may have come in); look again.' });
  return next;
}

const telephonyOff = () => new AppError('unavailable', { detail: 'Telephony is not configured: an administrator must set the Telnyx API key.' });

async function defaultTrunk(db: Deps['db']) {
  const [trunk] = await db
    .select({ id: sipTrunks.id, connectionId: sipTrunks.connectionId, callerIds: sipTrunks.callerIds })
    .from(sipTrunks)
    .where(and(eq(sipTrunks.isDefault, true), eq(sipTrunks.active, true), isNull(sipTrunks.deletedAt)));
  return trunk ?? null;
}

/** The agent's WebRTC login token; the agent's Telnyx credential is created on first use. */
export async function webrtcToken(deps: ConsoleDeps, userId: string): Promise<WebrtcToken> {
  const telnyx = telnyxFor(deps.config);
  if (!telnyx) throw telephonyOff();
  const trunk = await defaultTrunk(deps.db);
  let [credential] = await deps.db.select().from(agentCredentials).where(eq(agentCredentials.userId, userId));
  if (!credential) {
    if (!trunk) throw new AppError('unavailable', { detail: 'Telephony has no default SIP trunk: an administrator must add one in Settings → Telephony.' });
    let created: { id: string; sipUsername: string };
    try {
      created = await telnyx.credentials.create(trunk.connectionId, `pivotal-agent-${userId}`);
    } catch (error) {
      deps.logger.warn('telephony credential not created', { userId, error: (error as Error).message });
      throw new AppError('unavailable', { detail: 'Telnyx did not create your telephony credential; try again in a minute.' });
    }
    // Two first requests at once: the first stored wins, the other credential stays unused.
    await deps.db
      .insert(agentCredentials)
      .values({ userId, credentialId: created.id, sipUsername: created.sipUsername, trunkId: trunk.id })
      .onConflictDoNothing({ target: agentCredentials.userId });
    [credential] = await deps.db.select().from(agentCredentials).where(eq(agentCredentials.userId, userId));
  }
  let token: string;
  try {
    token = await telnyx.credentials.token(credential!.credentialId);
  } catch (error) {
    deps.logger.warn('telephony login token not minted', { userId, error: (error as Error).message });
    throw new AppError('unavailable', { detail: 'Telnyx did not issue a login token; try again in a minute.' });
  }
  return {
    token,
    expiresAt: new Date(deps.now().getTime() + TOKEN_HOURS * 3_600_000).toISOString(),
    callerId: trunk?.callerIds[0] ?? null,
    host: deps.config.TELNYX_WEBRTC_HOST ?? null,
  };
}

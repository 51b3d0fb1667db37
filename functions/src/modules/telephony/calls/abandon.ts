// The 2-second rule: a person who answers a dialler call must reach an agent within
// CONNECT_DEADLINE_MS, or hear the safe-harbour message (who is calling and a number to call back)
// and the call counts as abandoned. The dialer's tick runs abandonUnbridged every tick; the webhook
// runs it for one call at once when the agent's leg fails or no agent was reserved.
import { sql } from 'drizzle-orm';
import { CONNECT_DEADLINE_MS } from '@shared/contracts/telephony';
import { queryRows } from '../../../db/rows';
import { telnyxFor } from '../../../adapters/telnyx';
import { setPresence } from '../presence';
import { hangupLeg, type CallDeps } from './agent-leg';
import { encodeClientState } from './call-keys';

/** The event id our own safe-harbour request is recorded under (the call's abandonment is sticky because of it). */
export const safeHarbourEventId = (callId: string) => `ours:safe-harbour:${callId}`;

/** Digits one by one, so speech reads a number the way a person writes it down. */
const spokenNumber = (phone: string) => phone.replace(/\D/g, '').split('').join(' ');

export function safeHarbourMessage(sellerName: string, sellerPhone: string): string {
  return `Hello, this call was from ${sellerName}. We are sorry we could not connect you. To call us back, or to ask not to be called again, dial ${spokenNumber(sellerPhone)}. Goodbye.`;
}

interface AbandonRow extends Record<string, unknown> {
  id: string;
  call_control_id: string | null;
  agent_id: string | null;
  agent_call_control_id: string | null;
  seller_name: string | null;
  seller_phone: string | null;
}

/**
 * Calls a person answered more than 2 s ago (or `callId` at once) that no agent was bridged to:
 * marked abandoned in one claiming statement (two ticks never both take a call), their
 * safe-harbour request recorded, then the message spoken on the person's leg, the agent's leg hung
 * up and the agent released. Answers the calls it took.
 */
export async function abandonUnbridged(deps: CallDeps, now: Date, options: { callId?: string } = {}): Promise<string[]> {
  const cutoff = new Date(now.getTime() - CONNECT_DEADLINE_MS).toISOString();
  const which = options.callId ? sql`c.id = ${options.callId}::uuid` : sql`c.human_at <= ${cutoff}::timestamptz`;
  const taken = await deps.db.transaction(async (tx) => {
    const rows = await queryRows<AbandonRow>(
      tx,
      sql`with due as (
          select c.id from calls c
          where ${which} and c.human_at is not null and c.bridged_at is null and c.ended_at is null and not c.abandoned and c.origin = 'dialer'
          order by c.human_at limit 200
          for update skip locked
        )
        update calls c set abandoned = true, updated_at = ${now.toISOString()}::timestamptz
        from due
        where c.id = due.id
        returning c.id, c.call_control_id, c.agent_id, c.agent_call_control_id,
          (select seller_name from call_campaigns where id = c.campaign_id) as seller_name,
          (select seller_phone from call_campaigns where id = c.campaign_id) as seller_phone`,
    );
    if (rows.length) {
      // The request is the compliance record's first timestamp; Telnyx's call.speak.started is the second.
      await tx.execute(
        sql`insert into call_events (event_id, call_id, event_type, occurred_at, payload)
          select 'ours:safe-harbour:' || id::text, id, 'safe_harbour.requested', ${now.toISOString()}::timestamptz, '{}'::jsonb
          from unnest(${sql.param(rows.map((r) => r.id))}::uuid[]) as t(id)
          on conflict (event_id) do nothing`,
      );
    }
    return rows;
  });
  const telnyx = telnyxFor(deps.config);
  await Promise.all(
    taken.map(async (call) => {
      if (telnyx && call.call_control_id) {
        try {
          const text = safeHarbourMessage(call.seller_name ?? 'our company', call.seller_phone ?? '');
          await telnyx.calls.speak(call.call_control_id, text, encodeClientState({ callId: call.id, leg: 'contact' }));
        } catch (error) {
          // The person may have hung up meanwhile; the call is abandoned either way.
          deps.logger.warn('safe-harbour message not spoken', { callId: call.id, error: (error as Error).message });
          await hangupLeg(deps, call.call_control_id, 'safe-harbour message failed');
        }
      }
      await hangupLeg(deps, call.agent_call_control_id, 'call abandoned');
      if (call.agent_id) await setPresence(deps, call.agent_id, 'available', { expect: ['busy'], expectCallId: call.id, callId: call.id });
    }),
  );
  return taken.map((c) => c.id);
}

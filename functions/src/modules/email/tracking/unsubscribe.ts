// Unsubscribe and pause, as a person asks through the one-click POST (RFC 8058) or the preference
// page. Either writes to compliance at once, in one transaction with the event that records it:
// - unsubscribe from all: the address goes on the suppression list (reason unsubscribe, source
//   naming the campaign) and the contact's email consent becomes opted out;
// - pause for 90 days: the contact's email consent becomes opted out with the pause and its end
//   in the evidence. The suppression list has no expiry, so a pause is not a suppression: staff
//   lift it by recording the consent again when it ends.
// The event's source id (one per recipient and choice) makes a repeat a no-op, and a pause after
// an unsubscribe changes nothing (the stronger choice stands).
import { sql } from 'drizzle-orm';
import type { PreferenceChoice } from '@shared/contracts/email';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { queryOne, queryRows } from '../../../db/rows';
import { recordTouches } from '../../activity';
import { recordOptOut, suppressEmail } from '../../compliance';
import type { TrackedRecipient } from './tracked-recipient';

export const PAUSE_DAYS = 90;

export type Choice = PreferenceChoice['choice'];
export type ChoiceVia = 'one_click' | 'preference_page';

/** What the recipient has chosen so far. */
export type SubscriptionState = { kind: 'subscribed' } | { kind: 'unsubscribed'; at: Date } | { kind: 'paused'; at: Date; until: Date };

const eventIdOf = (recipientId: string, choice: 'unsubscribe_all' | 'pause_90_days') => `${choice === 'unsubscribe_all' ? 'unsubscribe' : 'pause'}:${recipientId}`;

const day = (at: Date) => at.toISOString().slice(0, 10);

export async function subscriptionState(db: Database, recipient: TrackedRecipient): Promise<SubscriptionState> {
  const rows = await queryRows<{ source_event_id: string; occurred_at: Date | string; until: string | null }>(
    db,
    sql`select source_event_id, occurred_at, detail ->> 'until' as until from email_events
      where source_event_id in (${eventIdOf(recipient.id, 'unsubscribe_all')}, ${eventIdOf(recipient.id, 'pause_90_days')})`,
  );
  const unsubscribed = rows.find((r) => r.source_event_id.startsWith('unsubscribe:'));
  if (unsubscribed) return { kind: 'unsubscribed', at: new Date(unsubscribed.occurred_at) };
  const paused = rows[0];
  if (paused) return { kind: 'paused', at: new Date(paused.occurred_at), until: new Date(paused.until ?? paused.occurred_at) };
  return { kind: 'subscribed' };
}

/**
 * Applies the person's choice; answers the state after it and whether anything changed. 'stay'
 * changes nothing.
 */
export async function applyChoice(
  deps: Pick<Deps, 'db'>,
  recipient: TrackedRecipient,
  input: { choice: Choice; via: ChoiceVia; at: Date },
): Promise<{ changed: boolean; state: SubscriptionState }> {
  const { choice, via, at } = input;
  if (choice === 'stay') return { changed: false, state: await subscriptionState(deps.db, recipient) };
  const changed = await deps.db.transaction(async (tx) => {
    if (choice === 'pause_90_days' && (await subscriptionState(tx, recipient)).kind === 'unsubscribed') return false;
    const until = new Date(at.getTime() + PAUSE_DAYS * 24 * 60 * 60 * 1000);
    const detail = { choice, via, ...(choice === 'pause_90_days' ? { until: until.toISOString() } : {}) };
    const inserted = await queryOne<{ id: number }>(
      tx,
      sql`insert into email_events (source_event_id, campaign_id, recipient_id, variant_id, kind, machine, detail, occurred_at)
        values (${eventIdOf(recipient.id, choice)}, ${recipient.campaignId}::uuid, ${recipient.id}::bigint, ${recipient.variantId}::uuid,
                'unsubscribe', false, ${JSON.stringify(detail)}::jsonb, ${at.toISOString()}::timestamptz)
        on conflict (source_event_id) do nothing returning id`,
    );
    if (!inserted) return false;
    await tx.execute(
      sql`update email_recipients set unsubscribed_at = coalesce(unsubscribed_at, ${at.toISOString()}::timestamptz), updated_at = ${at.toISOString()}::timestamptz
        where id = ${recipient.id}::bigint`,
    );
    const how = via === 'one_click' ? 'one-click unsubscribe' : 'the preference page';
    const evidence =
      choice === 'unsubscribe_all'
        ? `Unsubscribed from all email through ${how} of campaign "${recipient.campaignName}"`
        : `Paused email for ${PAUSE_DAYS} days, until ${day(until)}, through ${how} of campaign "${recipient.campaignName}"`;
    if (choice === 'unsubscribe_all') await suppressEmail(tx, recipient.email, 'unsubscribe', `email-campaign:${recipient.campaignId}`, at, evidence);
    if (recipient.contactId) {
      await recordOptOut(tx, { contactId: recipient.contactId, channel: 'email', source: choice === 'unsubscribe_all' ? 'email-unsubscribe' : 'email-pause', evidence, at });
      await recordTouches(tx, [
        {
          sourceEventId: `email:${eventIdOf(recipient.id, choice)}`,
          channel: 'email',
          kind: 'unsubscribed',
          contactId: recipient.contactId,
          campaignId: recipient.campaignId,
          occurredAt: at.toISOString(),
          summary: evidence.slice(0, 500),
        },
      ]);
    }
    return true;
  });
  return { changed, state: await subscriptionState(deps.db, recipient) };
}

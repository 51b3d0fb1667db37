// SES feedback (EventBridge `aws.ses` events): deliveries, bounces, complaints, rejects and
// delays of campaign messages, matched to their recipient by SES message id and recorded once by
// EventBridge's event id (a redelivered event changes nothing). A hard bounce suppresses the
// address; a complaint suppresses it and opts the contact out of email; a soft bounce is counted
// (the event, and `soft` on the recipient unless it already bounced hard). Deliveries, bounces and
// complaints become touches on the contact's timeline.
import { sql } from 'drizzle-orm';
import type { TouchInput } from '@shared/contracts/activity';
import type { FeedbackOutcome } from '@shared/contracts/email';
import type { Deps } from '../../../core/deps';
import { AppError } from '../../../core/app-error';
import { queryOne } from '../../../db/rows';
import { recordTouches } from '../../activity';
import { recordOptOut, suppressEmail } from '../../compliance';
import { parseSesEvent, type FeedbackEvent } from '../content';

export type FeedbackDeps = Pick<Deps, 'db' | 'logger'>;

/** What our own tracking already records (opens, clicks) or the sending engine does (sends). */
const NOT_FEEDBACK = new Set<FeedbackEvent['kind']>(['send', 'open', 'click']);

const EVENT_KIND: Partial<Record<FeedbackEvent['kind'], string>> = {
  delivery: 'delivery',
  bounce: 'bounce',
  complaint: 'complaint',
  reject: 'reject',
  delay: 'delay',
};

const TOUCH_KIND: Partial<Record<FeedbackEvent['kind'], TouchInput['kind']>> = { delivery: 'delivered', bounce: 'bounced', complaint: 'complained' };

interface RecipientRow extends Record<string, unknown> {
  id: string;
  campaign_id: string;
  contact_id: string | null;
  variant_id: string | null;
  email: string;
  campaign_name: string;
}

/** The recipient's columns an event moves (first delivery and complaint kept; a hard bounce is never softened). */
function recipientUpdate(event: FeedbackEvent, recipientId: string) {
  const at = event.at.toISOString();
  switch (event.kind) {
    case 'delivery':
      return sql`update email_recipients set delivered_at = coalesce(delivered_at, ${at}::timestamptz), updated_at = now() where id = ${recipientId}::bigint`;
    case 'bounce':
      return event.hard
        ? sql`update email_recipients set bounce = 'hard', updated_at = now() where id = ${recipientId}::bigint`
        : sql`update email_recipients set bounce = coalesce(bounce, 'soft'), updated_at = now() where id = ${recipientId}::bigint`;
    case 'complaint':
      return sql`update email_recipients set complained_at = coalesce(complained_at, ${at}::timestamptz), updated_at = now() where id = ${recipientId}::bigint`;
    default:
      return null;
  }
}

function summaryOf(event: FeedbackEvent): string {
  const what = event.kind === 'bounce' ? (event.hard ? 'Hard bounce' : 'Soft bounce') : event.kind === 'complaint' ? 'Spam complaint' : 'Delivered';
  return `${what}: ${event.reason}`.slice(0, 500);
}

/** Records one parsed SES event. */
export async function applyFeedback(deps: FeedbackDeps, event: FeedbackEvent): Promise<FeedbackOutcome> {
  const kind = EVENT_KIND[event.kind];
  if (NOT_FEEDBACK.has(event.kind) || !kind) return 'ignored';
  const recipient = await queryOne<RecipientRow>(
    deps.db,
    sql`select r.id::text as id, r.campaign_id, r.contact_id, r.variant_id, r.email, c.name as campaign_name
      from email_recipients r join email_campaigns c on c.id = r.campaign_id
      where r.message_id = ${event.messageId}`,
  );
  if (!recipient) {
    // Mail not sent by a campaign (a test send, system mail) or already purged: nothing to attach it to.
    deps.logger.info('email feedback for an unknown message', { eventId: event.eventId, kind: event.kind, messageId: event.messageId });
    return 'unknown_message';
  }
  return deps.db.transaction(async (tx) => {
    const inserted = await queryOne<{ id: number }>(
      tx,
      sql`insert into email_events (source_event_id, campaign_id, recipient_id, variant_id, kind, machine, detail, occurred_at)
        values (${`ses:${event.eventId}`}, ${recipient.campaign_id}::uuid, ${recipient.id}::bigint, ${recipient.variant_id}::uuid, ${kind}, false,
                ${JSON.stringify({ reason: event.reason, hard: event.hard, messageId: event.messageId })}::jsonb, ${event.at.toISOString()}::timestamptz)
        on conflict (source_event_id) do nothing returning id`,
    );
    if (!inserted) return 'duplicate';
    const update = recipientUpdate(event, recipient.id);
    if (update) await tx.execute(update);

    const source = `email-campaign:${recipient.campaign_id}`;
    const note = `${summaryOf(event)} (campaign "${recipient.campaign_name}")`;
    if (event.kind === 'bounce' && event.hard) await suppressEmail(tx, recipient.email, 'bounce', source, event.at, note);
    if (event.kind === 'complaint') {
      await suppressEmail(tx, recipient.email, 'complaint', source, event.at, note);
      if (recipient.contact_id) await recordOptOut(tx, { contactId: recipient.contact_id, channel: 'email', source: 'email-complaint', evidence: note, at: event.at });
    }
    const touchKind = TOUCH_KIND[event.kind];
    if (touchKind && recipient.contact_id) {
      await recordTouches(tx, [
        {
          sourceEventId: `ses:${event.eventId}`,
          channel: 'email',
          kind: touchKind,
          contactId: recipient.contact_id,
          campaignId: recipient.campaign_id,
          occurredAt: event.at.toISOString(),
          summary: summaryOf(event),
        },
      ]);
    }
    return 'recorded';
  });
}

/**
 * An EventBridge event as the feedback Lambda receives it. An event that is not SES feedback we
 * read is logged and dropped (a retry would not change it); a database failure throws, so
 * EventBridge retries, which the event id makes safe.
 */
export async function handleFeedbackEvent(deps: FeedbackDeps, input: unknown): Promise<{ eventId: string | null; outcome: FeedbackOutcome }> {
  let event: FeedbackEvent;
  try {
    event = parseSesEvent(input);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const eventId = typeof (input as { id?: unknown })?.id === 'string' ? (input as { id: string }).id : null;
    deps.logger.warn('not an SES feedback event; dropped', { eventId, fields: error.errors?.map((e) => e.field) ?? [] });
    return { eventId, outcome: 'ignored' };
  }
  return { eventId: event.eventId, outcome: await applyFeedback(deps, event) };
}

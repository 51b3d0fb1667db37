// Opens and clicks. A mail client fetches the pixel again each time the message is shown, and a
// person may click twice: an event is one per recipient, kind (and link) and class (human or
// machine) per UTC hour, so its source event id makes a reload a no-op while later opens still
// count towards the totals. The recipient keeps the first human open and click (the unique ones)
// and, apart, the first machine open; a human click is also an open. Human opens and clicks
// become touches (the first open, and the first click of each link) on the contact's timeline;
// machine ones do not, since nobody read anything.
import { sql } from 'drizzle-orm';
import type { TouchInput } from '@shared/contracts/activity';
import type { Deps } from '../../../core/deps';
import { recordTouches } from '../../activity';
import type { TrackedRecipient } from './tracked-recipient';

export interface Engagement {
  at: Date;
  machine: boolean;
  /** Why it was taken for a machine or a person (kept on the event). */
  reason: string;
}

const hourOf = (at: Date) => at.toISOString().slice(0, 13);
const classOf = (machine: boolean) => (machine ? 'm' : 'h');

/** The event id of an open: one per recipient, class and hour. */
export const openEventId = (recipientId: string, at: Date, machine: boolean) => `open:${recipientId}:${hourOf(at)}:${classOf(machine)}`;
/** The event id of a click: one per recipient, link, class and hour. */
export const clickEventId = (recipientId: string, link: number, at: Date, machine: boolean) => `click:${recipientId}:${link}:${hourOf(at)}:${classOf(machine)}`;

const openTouch = (r: TrackedRecipient, contactId: string, at: Date): TouchInput => ({
  sourceEventId: `email:opened:${r.id}`,
  channel: 'email',
  kind: 'opened',
  contactId,
  campaignId: r.campaignId,
  occurredAt: at.toISOString(),
  summary: r.campaignName.slice(0, 500),
});

export async function recordOpen(deps: Pick<Deps, 'db'>, recipient: TrackedRecipient, open: Engagement): Promise<void> {
  const at = open.at.toISOString();
  const mark = open.machine
    ? sql`update email_recipients set machine_opened_at = ${at}::timestamptz, updated_at = ${at}::timestamptz
        where id = ${recipient.id}::bigint and machine_opened_at is null returning 1`
    : sql`update email_recipients set opened_at = ${at}::timestamptz, updated_at = ${at}::timestamptz
        where id = ${recipient.id}::bigint and opened_at is null returning 1`;
  await deps.db.execute(
    sql`with event as (
        insert into email_events (source_event_id, campaign_id, recipient_id, variant_id, kind, machine, detail, occurred_at)
        values (${openEventId(recipient.id, open.at, open.machine)}, ${recipient.campaignId}::uuid, ${recipient.id}::bigint, ${recipient.variantId}::uuid,
                'open', ${open.machine}, ${JSON.stringify({ reason: open.reason })}::jsonb, ${at}::timestamptz)
        on conflict (source_event_id) do nothing returning 1
      ), marked as (${mark})
      select 1`,
  );
  // Idempotent by its source id: recorded again on every human open, it repairs a touch an
  // interrupted request left out.
  if (!open.machine && recipient.contactId) await recordTouches(deps.db, [openTouch(recipient, recipient.contactId, recipient.openedAt ?? open.at)]);
}

export async function recordClick(deps: Pick<Deps, 'db'>, recipient: TrackedRecipient, link: { index: number; url: string }, click: Engagement): Promise<void> {
  const at = click.at.toISOString();
  const detail = JSON.stringify({ reason: click.reason, url: link.url });
  if (click.machine) {
    await deps.db.execute(
      sql`insert into email_events (source_event_id, campaign_id, recipient_id, variant_id, kind, machine, link_index, detail, occurred_at)
        values (${clickEventId(recipient.id, link.index, click.at, true)}, ${recipient.campaignId}::uuid, ${recipient.id}::bigint, ${recipient.variantId}::uuid,
                'click', true, ${link.index}, ${detail}::jsonb, ${at}::timestamptz)
        on conflict (source_event_id) do nothing`,
    );
    return;
  }
  // A person clicked: the click, the open it implies (the same event id as a pixel open of that
  // hour, so the two never count twice), and the first click and open kept on the recipient.
  await deps.db.execute(
    sql`with events as (
        insert into email_events (source_event_id, campaign_id, recipient_id, variant_id, kind, machine, link_index, detail, occurred_at)
        values (${clickEventId(recipient.id, link.index, click.at, false)}, ${recipient.campaignId}::uuid, ${recipient.id}::bigint, ${recipient.variantId}::uuid,
                'click', false, ${link.index}, ${detail}::jsonb, ${at}::timestamptz),
               (${openEventId(recipient.id, click.at, false)}, ${recipient.campaignId}::uuid, ${recipient.id}::bigint, ${recipient.variantId}::uuid,
                'open', false, null, ${JSON.stringify({ reason: 'implied by a click' })}::jsonb, ${at}::timestamptz)
        on conflict (source_event_id) do nothing returning 1
      ), marked as (
        update email_recipients set clicked_at = coalesce(clicked_at, ${at}::timestamptz), opened_at = coalesce(opened_at, ${at}::timestamptz),
          updated_at = ${at}::timestamptz
        where id = ${recipient.id}::bigint and (clicked_at is null or opened_at is null) returning 1
      )
      select 1`,
  );
  if (!recipient.contactId) return;
  // One touch per link: a later click of the same link finds it recorded and adds nothing.
  await recordTouches(deps.db, [
    openTouch(recipient, recipient.contactId, recipient.openedAt ?? click.at),
    {
      sourceEventId: `email:clicked:${recipient.id}:${link.index}`,
      channel: 'email',
      kind: 'clicked',
      contactId: recipient.contactId,
      campaignId: recipient.campaignId,
      occurredAt: at,
      summary: link.url.slice(0, 500),
    },
  ]);
}

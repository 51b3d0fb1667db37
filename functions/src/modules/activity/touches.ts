// Touches: every outbound or inbound contact attempt and its outcome. Written set-based through
// recordTouches (one statement per batch); the producing event's id makes a repeat a no-op.
import { sql } from 'drizzle-orm';
import { touchInputSchema, type TouchInput } from '@shared/contracts/activity';
import type { Database } from '../../db/connection';
import { queryOne } from '../../db/rows';
import { invalid } from '../../core/app-error';

/** Largest batch one statement takes (the webhook and rollup batches are far smaller). */
export const MAX_TOUCH_BATCH = 10_000;

const textArray = (values: readonly (string | null)[]) => sql`${sql.param(values)}::text[]`;

export interface RecordTouchesResult {
  /** New touches stored. */
  recorded: number;
  /** Events already recorded (same source event id), or whose contact no longer exists. */
  ignored: number;
}

/**
 * Stores a batch of touches in one statement: unknown fields are refused, every row is
 * validated first (a bad row fails the batch, naming it), the account is taken from the
 * contact, and an event already recorded is skipped (ON CONFLICT on the source event id).
 */
export async function recordTouches(db: Database, batch: readonly TouchInput[], actorId: string | null = null): Promise<RecordTouchesResult> {
  if (batch.length === 0) return { recorded: 0, ignored: 0 };
  if (batch.length > MAX_TOUCH_BATCH) throw invalid('touches', `at most ${MAX_TOUCH_BATCH} a batch`);
  const rows = batch.map((touch, i) => {
    const parsed = touchInputSchema.safeParse(touch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalid(`touches.${i}.${issue.path.join('.')}`, issue.message);
    }
    return parsed.data;
  });
  const col = (pick: (t: TouchInput) => string | null | undefined) => textArray(rows.map((t) => pick(t) ?? null));
  // One statement for the whole batch: unnest the columns, join the live contact for its account,
  // and let the unique source-event index drop repeats (within the batch too).
  const row = await queryOne<{ recorded: number }>(
    db,
    sql`with input as (
        select * from unnest(${col((t) => t.sourceEventId)}, ${col((t) => t.channel)}, ${col((t) => t.kind)}, ${col((t) => t.contactId)},
                             ${col((t) => t.campaignId)}, ${col((t) => t.orderId)}, ${col((t) => t.outcome)}, ${col((t) => t.disposition)},
                             ${col((t) => t.summary)}, ${col((t) => t.occurredAt)})
          as t(source_event_id, channel, kind, contact_id, campaign_id, order_id, outcome, disposition, summary, occurred_at)
      ),
      inserted as (
        insert into touches (source_event_id, channel, kind, contact_id, account_id, campaign_id, order_id, outcome, disposition, summary, actor_id, occurred_at)
        select i.source_event_id, i.channel, i.kind, c.id, c.account_id, i.campaign_id::uuid, i.order_id::uuid, i.outcome, i.disposition, i.summary,
               ${actorId}::uuid, i.occurred_at::timestamptz
        from input i
        join contacts c on c.id = i.contact_id::uuid
        on conflict (source_event_id) do nothing
        returning 1
      )
      select count(*)::int as recorded from inserted`,
  );
  const recorded = Number(row?.recorded ?? 0);
  return { recorded, ignored: rows.length - recorded };
}

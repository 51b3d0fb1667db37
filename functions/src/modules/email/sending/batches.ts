// The sending state of recipients and their batch checkpoints. A recipient moves
// queued → sending → sent | failed | uncertain, and every move is committed together with its
// batch's counters, so what the database says is what happened: on a resume, nobody who is
// `sent` is sent again, and whoever is still `sending` was in flight when the work stopped — it
// may have gone out, so it becomes `uncertain` and is never sent again automatically.
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/connection';
import { queryOne, queryRows } from '../../../db/rows';
import { guardClassificationSql } from '../../compliance';

export const IN_FLIGHT_REASON = 'The send was in flight when sending stopped: it may have been delivered, so it is not sent again.';

export interface ClaimedRecipient {
  id: number;
  contactId: string | null;
  accountId: string | null;
  email: string;
  variantId: string | null;
}

export interface Claim {
  recipients: ClaimedRecipient[];
  /** Found `sending` from an earlier run of the batch (in flight at a crash): now `uncertain`. */
  uncertain: number;
  /** Left out just before sending: suppressed, opted out or deleted since the snapshot. */
  excluded: number;
}

export interface BatchCounters {
  sent: number;
  failed: number;
}

/**
 * Numbers the campaign's queued recipients that have no batch yet into batches of `size`, in
 * order of their send time (then id), after the batches it already has, and writes a pending
 * checkpoint for each new batch. Set-based: one statement whatever the audience.
 */
export async function planBatches(db: Database, campaignId: string, size: number): Promise<number> {
  const row = await queryOne<{ batches: number }>(
    db,
    sql`with base as (
          select coalesce(max(batch_no), 0) as last from email_recipients where campaign_id = ${campaignId}::uuid
        ),
        numbered as (
          select r.id, base.last + 1 + (row_number() over (order by r.send_after nulls first, r.id) - 1) / ${size}::int as batch_no
          from email_recipients r, base
          where r.campaign_id = ${campaignId}::uuid and r.status = 'queued' and r.batch_no is null
        ),
        assigned as (
          update email_recipients r set batch_no = n.batch_no, updated_at = now()
          from numbered n where r.id = n.id
          returning r.batch_no
        ),
        planned as (
          insert into email_batches (campaign_id, batch_no, recipients)
          select ${campaignId}::uuid, batch_no, count(*)::int from assigned group by batch_no
          returning 1
        )
        select count(*)::int as batches from planned`,
  );
  return Number(row?.batches ?? 0);
}

/** The batches of a campaign that are not done, in order. */
export async function openBatches(db: Database, campaignId: string): Promise<number[]> {
  const rows = await queryRows<{ batch_no: number }>(
    db,
    sql`select batch_no from email_batches where campaign_id = ${campaignId}::uuid and status <> 'done' order by batch_no`,
  );
  return rows.map((r) => Number(r.batch_no));
}

/**
 * Claims a batch in one transaction: recipients an earlier run left `sending` become `uncertain`;
 * queued ones the compliance guard now leaves out (an unsubscribe or suppression since the
 * snapshot) become `excluded` with the reason; the batch's checkpoint becomes `running`; and the
 * queued whose send time has come are answered, still `queued`: each becomes `sending` only just
 * before its provider call (markSending), so a crash leaves at most the calls in flight unknown.
 */
export async function claimBatch(db: Database, input: { campaignId: string; batchNo: number; now: Date }): Promise<Claim> {
  const { campaignId, batchNo } = input;
  const at = input.now.toISOString();
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const uncertain = await queryRows<{ id: number }>(
      tx,
      sql`update email_recipients set status = 'uncertain', reason = ${IN_FLIGHT_REASON}, updated_at = ${at}::timestamptz
          where campaign_id = ${campaignId}::uuid and batch_no = ${batchNo}::int and status = 'sending'
          returning id`,
    );
    const queuedContacts = sql`select c.id from contacts c
      where c.deleted_at is null and c.id in (
        select r.contact_id from email_recipients r
        where r.campaign_id = ${campaignId}::uuid and r.batch_no = ${batchNo}::int and r.status = 'queued' and r.contact_id is not null)`;
    const excluded = await queryRows<{ id: number }>(
      tx,
      sql`with ${guardClassificationSql('batch_guard', queuedContacts, { channel: 'email', now: input.now })}
          update email_recipients r
          set status = 'excluded', reason = coalesce(g.reason, 'contact_deleted'), updated_at = ${at}::timestamptz
          from email_recipients q left join batch_guard g on g.id = q.contact_id
          where r.id = q.id and q.campaign_id = ${campaignId}::uuid and q.batch_no = ${batchNo}::int and q.status = 'queued'
            and (g.id is null or g.reason is not null)
          returning r.id`,
    );
    const claimed = await queryRows<{ id: number; contact_id: string | null; account_id: string | null; email: string; variant_id: string | null }>(
      tx,
      sql`select id, contact_id, account_id, email, variant_id from email_recipients
          where campaign_id = ${campaignId}::uuid and batch_no = ${batchNo}::int and status = 'queued'
            and (send_after is null or send_after <= ${at}::timestamptz)`,
    );
    await tx.execute(
      sql`update email_batches set status = 'running', started_at = coalesce(started_at, ${at}::timestamptz)
          where campaign_id = ${campaignId}::uuid and batch_no = ${batchNo}::int`,
    );
    return {
      recipients: claimed
        .map((r) => ({ id: Number(r.id), contactId: r.contact_id, accountId: r.account_id, email: r.email, variantId: r.variant_id }))
        .sort((a, b) => a.id - b.id),
      uncertain: uncertain.length,
      excluded: excluded.length,
    };
  });
}

/**
 * Marks one claimed recipient `sending` right before its message is handed to the provider;
 * false when it is no longer queued (another run of the batch took it, or it was excluded), and
 * then it must not be sent.
 */
export async function markSending(db: Database, recipientId: number, at: Date): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update email_recipients set status = 'sending', attempts = attempts + 1, updated_at = ${at.toISOString()}::timestamptz
        where id = ${recipientId}::bigint and status = 'queued'
        returning id`,
  );
  return rows.length > 0;
}

type Outcome = { status: 'sent'; messageId: string; at: Date } | { status: 'failed'; reason: string; at: Date } | { status: 'uncertain'; reason: string; at: Date };

/**
 * Records what happened to one claimed recipient and, in the same transaction, the batch's
 * counters. Only a recipient still `sending` moves (a stale run cannot overwrite a newer one's
 * record); answers the batch's counters after the move, or null when the recipient had moved on.
 */
export async function recordOutcome(db: Database, campaignId: string, batchNo: number, recipientId: number, outcome: Outcome): Promise<BatchCounters | null> {
  const at = outcome.at.toISOString();
  const messageId = outcome.status === 'sent' ? outcome.messageId : null;
  const reason = outcome.status === 'sent' ? null : outcome.reason;
  const row = await queryOne<{ sent: number; failed: number }>(
    db,
    sql`with moved as (
          update email_recipients
          set status = ${outcome.status}, message_id = ${messageId}, reason = ${reason},
              sent_at = case when ${outcome.status} = 'sent' then ${at}::timestamptz end, updated_at = ${at}::timestamptz
          where id = ${recipientId}::bigint and status = 'sending'
          returning status
        )
        update email_batches b
        set sent = b.sent + (select count(*) from moved where status = 'sent')::int,
            failed = b.failed + (select count(*) from moved where status = 'failed')::int
        where b.campaign_id = ${campaignId}::uuid and b.batch_no = ${batchNo}::int and exists (select 1 from moved)
        returning b.sent, b.failed`,
  );
  return row ? { sent: Number(row.sent), failed: Number(row.failed) } : null;
}

/**
 * recordOutcome and, in the same statement, markSending of the recipient the batch sends next
 * (null for none): one round trip between two provider calls instead of two. The next one is
 * still marked only just before its call — after the previous call has ended — so a crash leaves
 * at most the calls in flight unknown, as before.
 */
export async function recordOutcomeAndMarkNext(
  db: Database,
  campaignId: string,
  batchNo: number,
  recipientId: number,
  outcome: Outcome,
  nextId: number | null,
): Promise<{ counters: BatchCounters | null; nextMarked: boolean }> {
  const at = outcome.at.toISOString();
  const messageId = outcome.status === 'sent' ? outcome.messageId : null;
  const reason = outcome.status === 'sent' ? null : outcome.reason;
  const row = await queryOne<{ sent: number | null; failed: number | null; next_marked: boolean }>(
    db,
    sql`with moved as (
          update email_recipients
          set status = ${outcome.status}, message_id = ${messageId}, reason = ${reason},
              sent_at = case when ${outcome.status} = 'sent' then ${at}::timestamptz end, updated_at = ${at}::timestamptz
          where id = ${recipientId}::bigint and status = 'sending'
          returning status
        ),
        counted as (
          update email_batches b
          set sent = b.sent + (select count(*) from moved where status = 'sent')::int,
              failed = b.failed + (select count(*) from moved where status = 'failed')::int
          where b.campaign_id = ${campaignId}::uuid and b.batch_no = ${batchNo}::int and exists (select 1 from moved)
          returning b.sent, b.failed
        ),
        marked as (
          update email_recipients set status = 'sending', attempts = attempts + 1, updated_at = ${at}::timestamptz
          where id = ${nextId}::bigint and status = 'queued'
          returning id
        )
        select (select sent from counted) as sent, (select failed from counted) as failed, exists (select 1 from marked) as next_marked`,
  );
  const counters = row && row.sent !== null ? { sent: Number(row.sent), failed: Number(row.failed) } : null;
  return { counters, nextMarked: row?.next_marked === true };
}

/** Leaves queued recipients out of the campaign with the reason (they are not sent to). */
export async function excludeRecipients(db: Database, recipientIds: readonly number[], reason: string, at: Date): Promise<number> {
  if (!recipientIds.length) return 0;
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update email_recipients set status = 'excluded', reason = ${reason}, updated_at = ${at.toISOString()}::timestamptz
        where id = any(${sql.param(recipientIds.map(String))}::bigint[]) and status = 'queued'
        returning id`,
  );
  return rows.length;
}

/** Puts a recipient marked `sending` whose message was never handed to a provider back in the queue (a pause, a cap, a stop). */
export async function requeue(db: Database, recipientIds: readonly number[], at: Date): Promise<void> {
  if (!recipientIds.length) return;
  await db.execute(
    sql`update email_recipients set status = 'queued', attempts = greatest(attempts - 1, 0), updated_at = ${at.toISOString()}::timestamptz
        where id = any(${sql.param(recipientIds.map(String))}::bigint[]) and status = 'sending'`,
  );
}

/** Marks the batch done when none of its recipients is waiting or in flight, else pending again. */
export async function closeBatch(db: Database, campaignId: string, batchNo: number, at: Date): Promise<'done' | 'pending'> {
  const row = await queryOne<{ status: 'done' | 'pending' }>(
    db,
    sql`update email_batches b
        set status = case when exists (
              select 1 from email_recipients r
              where r.campaign_id = b.campaign_id and r.batch_no = b.batch_no and r.status in ('queued', 'sending')
            ) then 'pending' else 'done' end,
            finished_at = ${at.toISOString()}::timestamptz
        where b.campaign_id = ${campaignId}::uuid and b.batch_no = ${batchNo}::int
        returning b.status`,
  );
  return row?.status ?? 'pending';
}

// The sending workflow's steps as the task handlers call them, and how executions start:
// Prepare (snapshot once, number new batches, answer the batches not done), the batches (batch-
// sender.ts), Finalise (sent, or how long to wait before the next round: recipients waiting for
// their local time, a daily cap, throttling), and the failure step. The scheduled job starts
// campaigns whose time has come, restarts those whose execution was lost (a crashed host: the
// claims then turn whoever was in flight into `uncertain`), and picks A/B winners.
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { AbTest } from '@shared/contracts/email';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { queryOne, queryRows } from '../../../db/rows';
import { emailCampaigns } from '../../../db/schema';
import { executionRunning, startWorkflowExecution } from '../../../workflows/start-execution';
import { EMAIL_WORKFLOW_NAME } from '../../../workflows/email';
import { releaseHolds } from '../../activity';
import { moveCampaign } from '../campaigns/transitions';
import type { EmailHooks } from '../hooks';
import { openBatches, planBatches } from './batches';
import type { BatchResult } from './batch-sender';
import { holderOf, releaseHeldToWinner, snapshotCampaign } from './snapshot';

type EngineDeps = Pick<Deps, 'db' | 'config' | 'now' | 'logger' | 'aws'>;

export interface PreparedSend {
  campaignId: string;
  /** The Map's MaxConcurrency (EMAIL_BATCH_CONCURRENCY). */
  concurrency: number;
  /** The Map's items. */
  batches: Array<{ campaignId: string; batchNo: number }>;
}

/** Snapshot when not done yet, number recipients without a batch, and answer the open batches. */
export async function prepareSend(deps: EngineDeps, hooks: EmailHooks, campaignId: string): Promise<PreparedSend> {
  const [row] = await deps.db.select().from(emailCampaigns).where(eq(emailCampaigns.id, campaignId));
  if (!row || row.status !== 'sending') return { campaignId, concurrency: deps.config.EMAIL_BATCH_CONCURRENCY, batches: [] };
  if (!row.gateProofId) {
    const snapshot = await snapshotCampaign(deps, hooks, campaignId);
    if (snapshot) {
      deps.logger.info('campaign snapshot', { campaignId, admitted: snapshot.admitted, recipients: snapshot.recipients, held: snapshot.held, batches: snapshot.batches });
      // The snapshot has just bulk-written the recipients. Without fresh statistics (PGlite never
      // analyzes; autovacuum may not have yet) the planner nests loops in every batch's claim,
      // whose guard joins them to contacts: seconds per claim instead of milliseconds.
      await deps.db.execute(sql`analyze email_recipients, contacts`);
    }
  }
  await planBatches(deps.db, campaignId, deps.config.EMAIL_BATCH_SIZE);
  return { campaignId, concurrency: deps.config.EMAIL_BATCH_CONCURRENCY, batches: (await openBatches(deps.db, campaignId)).map((batchNo) => ({ campaignId, batchNo })) };
}

export interface FinaliseResult {
  campaignId: string;
  /** 'wait': Wait `waitSeconds`, then Prepare again; 'end': stop (sent, paused, cancelled, or holding for the A/B winner). */
  next: 'wait' | 'end';
  waitSeconds: number;
  status: string;
}

/** Longest single Wait: the loop comes back at least this often to notice a pause or a new day. */
const MAX_WAIT_SECONDS = 3600;

export async function finaliseSend(deps: EngineDeps, campaignId: string, batches: readonly Partial<BatchResult>[] = []): Promise<FinaliseResult> {
  const now = deps.now();
  const [row] = await deps.db.select().from(emailCampaigns).where(eq(emailCampaigns.id, campaignId));
  if (!row || row.status !== 'sending') {
    if (row) await clearExecution(deps.db, campaignId);
    return { campaignId, next: 'end', waitSeconds: 0, status: row?.status ?? 'missing' };
  }
  const state = await queryOne<{ due: number; later: string | null; held: number; in_flight: number }>(
    deps.db,
    sql`select count(*) filter (where status = 'queued' and (send_after is null or send_after <= ${now.toISOString()}::timestamptz))::int as due,
               min(send_after) filter (where status = 'queued' and send_after > ${now.toISOString()}::timestamptz) as later,
               count(*) filter (where status = 'held')::int as held,
               count(*) filter (where status = 'sending')::int as in_flight
        from email_recipients where campaign_id = ${campaignId}::uuid`,
  );
  const due = Number(state?.due ?? 0) + Number(state?.in_flight ?? 0);
  const waits = batches.filter((b) => b.outcome === 'wait').map((b) => Number(b.retryAfterMs ?? 0));
  if (due > 0) {
    const ms = waits.length ? Math.max(...waits) : 1000;
    return { campaignId, next: 'wait', waitSeconds: clampSeconds(ms / 1000), status: row.status };
  }
  if (state?.later) {
    const ms = new Date(state.later).getTime() - now.getTime();
    return { campaignId, next: 'wait', waitSeconds: clampSeconds(ms / 1000), status: row.status };
  }
  if (Number(state?.held ?? 0) > 0) {
    // The A/B test is out: the remainder waits for the winner (picked by the schedule or a person).
    await clearExecution(deps.db, campaignId);
    return { campaignId, next: 'end', waitSeconds: 0, status: row.status };
  }
  const done = await moveCampaign(deps.db, campaignId, 'sent', { from: ['sending'], changes: { finishedAt: now, executionArn: null }, at: now }).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'conflict') return null;
    throw error;
  });
  await releaseHolds(deps.db, holderOf(campaignId));
  return { campaignId, next: 'end', waitSeconds: 0, status: done?.status ?? row.status };
}

const clampSeconds = (s: number) => Math.min(MAX_WAIT_SECONDS, Math.max(1, Math.ceil(s)));

async function clearExecution(db: Database, campaignId: string): Promise<void> {
  await db.update(emailCampaigns).set({ executionArn: null }).where(eq(emailCampaigns.id, campaignId));
}

/** The workflow's Catch: sending failed unexpectedly. The campaign pauses with the reason, so a person can resume it. */
export async function failSend(deps: EngineDeps, campaignId: string, error: { Error?: string; Cause?: string } | undefined): Promise<void> {
  const reason = `Sending stopped on an unexpected error (${String(error?.Error ?? 'unknown').slice(0, 120)}): resume to continue.`;
  deps.logger.error('email sending workflow failed', { campaignId, error: error?.Error });
  await moveCampaign(deps.db, campaignId, 'paused', { from: ['sending'], changes: { pausedReason: reason, executionArn: null }, at: deps.now() }).catch((e: unknown) => {
    if ((e as { code?: string }).code !== 'conflict') throw e;
  });
}

/** Starts a sending execution for a campaign in `sending` and records it. */
export async function launchSending(deps: EngineDeps, campaignId: string): Promise<string> {
  const arn = await startWorkflowExecution(deps.aws.sfn, EMAIL_WORKFLOW_NAME, `${campaignId}-${deps.now().getTime()}`, { campaignId });
  await deps.db.update(emailCampaigns).set({ executionArn: arn }).where(eq(emailCampaigns.id, campaignId));
  return arn;
}

/** Moves a scheduled campaign whose time has come to sending and launches it (once, whoever races). */
export async function startCampaign(deps: EngineDeps, campaignId: string): Promise<boolean> {
  const now = deps.now();
  const moved = await moveCampaign(deps.db, campaignId, 'sending', { from: ['scheduled'], changes: { startedAt: now, pausedReason: null }, at: now }).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'conflict') return null;
    throw error;
  });
  if (!moved) return false;
  await launchSending(deps, campaignId);
  return true;
}

/** A campaign may be between its status write and its StartExecution call this long. */
export const LAUNCH_GRACE_SECONDS = 60;

export interface SweepResult {
  started: string[];
  resumed: string[];
  winners: string[];
}

/**
 * The schedule's work, idempotent: start due campaigns; give a new execution to sending campaigns
 * whose execution is gone (and that are not just holding for an A/B winner); pick the winners of
 * tests whose window has passed and send the remainder to them.
 */
export async function sweepCampaigns(deps: EngineDeps): Promise<SweepResult> {
  const result: SweepResult = { started: [], resumed: [], winners: [] };
  const now = deps.now();
  const due = await deps.db
    .select({ id: emailCampaigns.id })
    .from(emailCampaigns)
    .where(and(eq(emailCampaigns.status, 'scheduled'), lte(emailCampaigns.scheduledAt, now), isNull(emailCampaigns.deletedAt)));
  for (const { id } of due) if (await startCampaign(deps, id)) result.started.push(id);

  const sending = await queryRows<{ id: string; execution_arn: string | null; updated_at: string; open: boolean }>(
    deps.db,
    sql`select c.id::text, c.execution_arn, c.updated_at::text,
          exists (select 1 from email_recipients r where r.campaign_id = c.id and r.status in ('queued', 'sending'))
            or c.gate_proof_id is null as open
        from email_campaigns c where c.status = 'sending' and c.deleted_at is null`,
  );
  const graceStart = now.getTime() - LAUNCH_GRACE_SECONDS * 1000;
  for (const c of sending) {
    if (!c.open) continue;
    const lost = c.execution_arn ? !(await executionRunning(deps.aws.sfn, c.execution_arn)) : new Date(c.updated_at).getTime() < graceStart;
    if (!lost) continue;
    // Claimed by the ARN this sweep read, so two sweepers never both restart it.
    const claimed = await deps.db
      .update(emailCampaigns)
      .set({ executionArn: `restarting:${now.getTime()}` })
      .where(and(eq(emailCampaigns.id, c.id), c.execution_arn ? eq(emailCampaigns.executionArn, c.execution_arn) : isNull(emailCampaigns.executionArn)))
      .returning({ id: emailCampaigns.id });
    if (!claimed.length) continue;
    await launchSending(deps, c.id);
    deps.logger.warn('campaign sending resumed after its workflow was gone', { campaignId: c.id });
    result.resumed.push(c.id);
  }

  for (const id of await testsToDecide(deps.db, now)) {
    const winner = await leadingVariant(deps.db, id);
    if (winner && (await chooseWinner(deps, id, winner))) result.winners.push(id);
  }
  return result;
}

/** Sending A/B campaigns without a winner (automatic pick) whose test sends are done and whose window has passed. */
async function testsToDecide(db: Database, now: Date): Promise<string[]> {
  const rows = await queryRows<{ id: string; ab_test: AbTest; last_sent: string | null }>(
    db,
    sql`select c.id::text, c.ab_test, (select max(r.sent_at) from email_recipients r where r.campaign_id = c.id) as last_sent
        from email_campaigns c
        where c.status = 'sending' and c.ab_test is not null and c.winner_variant_id is null and c.deleted_at is null
          and exists (select 1 from email_recipients r where r.campaign_id = c.id and r.status = 'held')
          and not exists (select 1 from email_recipients r where r.campaign_id = c.id and r.status in ('queued', 'sending'))`,
  );
  return rows
    .filter((r) => {
      const test = typeof r.ab_test === 'string' ? (JSON.parse(r.ab_test) as AbTest) : r.ab_test;
      return !test.manual && r.last_sent !== null && new Date(r.last_sent).getTime() + test.windowHours * 3_600_000 <= now.getTime();
    })
    .map((r) => r.id);
}

/**
 * The variant with the best unique open (or click) rate among its sent recipients; opens by
 * machines (privacy proxies, scanners) are in machine_opened_at and do not count. Ties go to the
 * earlier key.
 */
export async function leadingVariant(db: Database, campaignId: string): Promise<string | null> {
  const row = await queryOne<{ variant_id: string }>(
    db,
    sql`select v.id::text as variant_id
        from email_variants v
        join email_campaigns c on c.id = v.campaign_id
        left join lateral (
          select count(*) filter (where r.status = 'sent')::float as sent,
                 count(*) filter (where r.status = 'sent' and r.opened_at is not null)::float as opened,
                 count(*) filter (where r.status = 'sent' and r.clicked_at is not null)::float as clicked
          from email_recipients r where r.campaign_id = v.campaign_id and r.variant_id = v.id
        ) s on true
        where v.campaign_id = ${campaignId}::uuid
        order by case when s.sent = 0 then 0
                      when c.ab_test->>'metric' = 'unique_click_rate' then s.clicked / s.sent
                      else s.opened / s.sent end desc, v.key
        limit 1`,
  );
  return row?.variant_id ?? null;
}

/**
 * Records the winner (once) and sends the held remainder to it: released into new batches and,
 * when the campaign is sending, a new execution. Answers false when a winner was already chosen.
 */
export async function chooseWinner(deps: EngineDeps, campaignId: string, variantId: string): Promise<boolean> {
  const now = deps.now();
  const [won] = await deps.db
    .update(emailCampaigns)
    .set({ winnerVariantId: variantId, updatedAt: now })
    .where(and(eq(emailCampaigns.id, campaignId), isNull(emailCampaigns.winnerVariantId)))
    .returning({ status: emailCampaigns.status, executionArn: emailCampaigns.executionArn });
  if (!won) return false;
  const released = await releaseHeldToWinner(deps.db, campaignId, variantId, deps.config.EMAIL_BATCH_SIZE, now);
  // A running execution picks the new batches up in its next round; otherwise start one.
  if (released > 0 && won.status === 'sending' && !won.executionArn) await launchSending(deps, campaignId);
  return true;
}

// The pipeline's last step, both ways: Queue puts the scored lead under review with the suggested
// verdict, score and scorer; Flag (every task's Catch) puts it under review marked needs_review with
// the reason, so a failed vendor never leaves a lead lost or stuck. A lead already past 'new' (a
// rescore) keeps its state and gets the new suggestion. Both are safe to run twice.
import { eq } from 'drizzle-orm';
import type { AccountCheck, LeadScore } from '@shared/contracts/leads';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { leadAccountChecks, leads } from '../../../db/schema';
import { transitionLead } from '../leads/transitions';
import { currentRunLead, RunSupersededError, recordStage, type PipelineRun } from './run';
import { runScore } from './score';

async function putUnderReview(tx: Database, run: PipelineRun, at: Date, set: Partial<typeof leads.$inferInsert>): Promise<void> {
  const lead = await currentRunLead(tx, run, true);
  if (lead.state === 'new') {
    await transitionLead(tx, { leadId: run.leadId, to: 'under_review', actor: { kind: 'system' }, at, set: { ...set, queuedAt: at } });
  } else {
    await tx.update(leads).set({ ...set, queuedAt: lead.queuedAt ?? at, updatedAt: at }).where(eq(leads.id, run.leadId));
  }
}

/** The score's suggestion, made a review when the account check found a mismatch the scorer let pass. */
function suggestion(score: LeadScore, check: AccountCheck | null): LeadScore['suggestedVerdict'] {
  if (score.suggestedVerdict === 'approve' && check && !check.matched) return 'review';
  return score.suggestedVerdict;
}

export async function queueLead(deps: Deps, run: PipelineRun): Promise<{ suggestedVerdict: string }> {
  const startedAt = deps.now();
  return deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const score = await runScore(tx, run);
    if (!score) throw new Error('The lead has no score from this run: it cannot be queued as scored.');
    const [check] = await tx.select({ result: leadAccountChecks.result }).from(leadAccountChecks).where(eq(leadAccountChecks.leadId, run.leadId));
    const suggestedVerdict = suggestion(score, (check?.result as AccountCheck | undefined) ?? null);
    const at = deps.now();
    await putUnderReview(tx, run, at, { pipelineStatus: 'queued', pipelineReason: null, suggestedVerdict, score: score.overall, scorer: score.scorer });
    await recordStage(tx, run, { stage: 'queue', outcome: 'ok', startedAt, endedAt: at });
    return { suggestedVerdict };
  });
}

/** What went wrong, from a Step Functions error ({Error, Cause}; on AWS the Cause is the Lambda's JSON error). */
export function reasonOf(error: { Error?: string; Cause?: string } | null | undefined): string {
  let cause = error?.Cause ?? '';
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (typeof parsed.errorMessage === 'string') cause = parsed.errorMessage;
  } catch {
    // Not JSON: the local runner passes the message as it is.
  }
  const what = error?.Error === 'VendorError' ? 'A vendor call kept failing' : error?.Error === 'States.Timeout' ? 'A step timed out' : 'A step failed';
  return `${what}: ${cause || error?.Error || 'no detail'}`.slice(0, 500);
}

export async function flagLead(deps: Deps, run: PipelineRun, error: { Error?: string; Cause?: string } | null): Promise<{ flagged: boolean }> {
  const reason = reasonOf(error);
  const startedAt = deps.now();
  try {
    await deps.db.transaction(async (raw) => {
      const tx = raw as unknown as Database;
      const score = await runScore(tx, run);
      const at = deps.now();
      await putUnderReview(tx, run, at, {
        pipelineStatus: 'needs_review',
        pipelineReason: reason,
        suggestedVerdict: 'review',
        score: score?.overall ?? null,
        scorer: score?.scorer ?? null,
      });
      await recordStage(tx, run, { stage: 'queue', outcome: 'ok', startedAt, endedAt: at, error: reason });
    });
    return { flagged: true };
  } catch (e) {
    // A newer run owns the lead now: it will queue it.
    if (e instanceof RunSupersededError) return { flagged: false };
    throw e;
  }
}

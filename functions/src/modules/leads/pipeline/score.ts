// The Score step: the AI scorer when an OpenAI key is set, else the rule scorer; the score is
// written once per run (a retried step that finds this run's score keeps it), with its stage row
// (model, tokens, cost). A vendor failure is recorded and thrown as a VendorError for the
// workflow to retry, then to hand the lead to a person.
import { and, desc, eq, gte } from 'drizzle-orm';
import type { LeadScore } from '@shared/contracts/leads';
import { openAiFor } from '../../../adapters/openai';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { leadScores } from '../../../db/schema';
import { checkAccount } from './account-check';
import { aiScore } from './ai-scorer';
import { tokenCostMicros } from './costs';
import { loadLeadFacts } from './lead-facts';
import { ruleScore } from './rule-scorer';
import { currentRunLead, failureText, recordStage, setPipelineStatus, type PipelineRun } from './run';

/** This run's score, if it has been written. */
export async function runScore(db: Database, run: PipelineRun): Promise<LeadScore | null> {
  const [row] = await db
    .select({ result: leadScores.result })
    .from(leadScores)
    .where(and(eq(leadScores.leadId, run.leadId), gte(leadScores.createdAt, new Date(run.runStartedAt))))
    .orderBy(desc(leadScores.createdAt))
    .limit(1);
  return row ? (row.result as LeadScore) : null;
}

export async function scoreLead(deps: Deps, run: PipelineRun): Promise<{ scorer: LeadScore['scorer']; overall: number }> {
  await setPipelineStatus(deps.db, run, 'scoring', deps.now());
  const existing = await runScore(deps.db, run);
  if (existing) return { scorer: existing.scorer, overall: existing.overall };
  const facts = await loadLeadFacts(deps, run.leadId);
  const accountCheck = checkAccount(facts.criteria, facts.account);
  const model = openAiFor(deps.config);
  const startedAt = deps.now();
  let score: LeadScore;
  let usage: { model: string; inputTokens: number; outputTokens: number } | null = null;
  if (model) {
    // The AI is paid: a run replaced while this step read the lead's facts asks nothing.
    await currentRunLead(deps.db, run);
    try {
      const answer = await aiScore(model, facts, accountCheck);
      score = answer.score;
      usage = answer;
    } catch (error) {
      await recordStage(deps.db, run, { stage: 'score', outcome: 'failed', startedAt, endedAt: deps.now(), vendor: 'openai', model: model.model, error: failureText(error) });
      throw error;
    }
  } else {
    score = ruleScore(facts, accountCheck);
  }
  await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    await currentRunLead(tx, run, true);
    // Under the lead's lock: an attempt that overlapped this one may have written the run's score.
    if (await runScore(tx, run)) return;
    const at = deps.now();
    await tx.insert(leadScores).values({ leadId: run.leadId, scorer: score.scorer, model: usage?.model ?? null, overall: score.overall, verdict: score.suggestedVerdict, result: score, createdAt: at });
    await recordStage(tx, run, {
      stage: 'score',
      outcome: 'ok',
      startedAt,
      endedAt: at,
      vendor: usage ? 'openai' : 'rules',
      model: usage?.model ?? null,
      inputTokens: usage?.inputTokens ?? null,
      outputTokens: usage?.outputTokens ?? null,
      costMicros: usage ? tokenCostMicros(usage.model, usage.inputTokens, usage.outputTokens) : null,
    });
  });
  return { scorer: score.scorer, overall: score.overall };
}

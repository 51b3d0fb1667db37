// A pipeline run: the workflows carry {leadId, runStartedAt}, and `leads.pipeline_started_at` names
// the run in force. A task of a run that has been replaced (the sweeper restarted the pipeline, an
// analyst asked for a rescore) changes nothing: it throws LeadRunSuperseded, which the workflows
// end on quietly. Every stage writes a lead_stage_runs row per attempt (times, outcome, vendor cost).
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/connection';
import { leads, leadStageRuns } from '../../../db/schema';

export interface PipelineRun {
  leadId: string;
  /** ISO time the run started (the lead's pipeline_started_at). */
  runStartedAt: string;
}

/** A run's intake execution is named after it, so a second start of the same run does nothing. */
export const intakeExecutionName = (run: PipelineRun) => `${run.leadId}-${new Date(run.runStartedAt).getTime()}`;
/** The scoring execution a run's transcript webhook (or the sweeper giving up on it) starts. */
export const scoringExecutionName = (run: PipelineRun) => `${intakeExecutionName(run)}-scoring`;

export type Stage = 'transcribe' | 'score' | 'verify' | 'enrich' | 'queue';

export class RunSupersededError extends Error {
  override name = 'LeadRunSuperseded';
  constructor(run: PipelineRun) {
    super(`The pipeline run of ${run.runStartedAt} for lead ${run.leadId} has been replaced by a newer one (or the lead is gone).`);
  }
}

/** The lead's row if `run` is its run in force, locked for the transaction when `lock`; else RunSupersededError. */
export async function currentRunLead(db: Database, run: PipelineRun, lock = false): Promise<typeof leads.$inferSelect> {
  const query = db
    .select()
    .from(leads)
    .where(and(eq(leads.id, run.leadId), isNull(leads.deletedAt), eq(leads.pipelineStartedAt, new Date(run.runStartedAt))));
  const [lead] = lock ? await query.for('update') : await query;
  if (!lead) throw new RunSupersededError(run);
  return lead;
}

/** Sets the lead's pipeline status if `run` is still in force; RunSupersededError otherwise. */
export async function setPipelineStatus(db: Database, run: PipelineRun, status: string, at: Date, extra: Partial<typeof leads.$inferInsert> = {}): Promise<void> {
  const updated = await db
    .update(leads)
    .set({ ...extra, pipelineStatus: status, updatedAt: at })
    .where(and(eq(leads.id, run.leadId), isNull(leads.deletedAt), eq(leads.pipelineStartedAt, new Date(run.runStartedAt))))
    .returning({ id: leads.id });
  if (!updated.length) throw new RunSupersededError(run);
}

export interface StageRecord {
  stage: Stage;
  outcome: 'running' | 'ok' | 'skipped' | 'failed';
  startedAt: Date;
  endedAt: Date | null;
  error?: string | null;
  vendor?: string | null;
  model?: string | null;
  audioSeconds?: number | null;
  inputTokens?: number | null;
  outputTokens?: number | null;
  costMicros?: number | null;
}

/** One attempt of a stage; its number counts this run's earlier attempts of the stage. */
export async function recordStage(db: Database, run: PipelineRun, r: StageRecord): Promise<void> {
  await db.insert(leadStageRuns).values({
    leadId: run.leadId,
    stage: r.stage,
    attempt: sql`(select count(*)::int + 1 from lead_stage_runs where lead_id = ${run.leadId}::uuid and stage = ${r.stage} and started_at >= ${run.runStartedAt}::timestamptz)`,
    outcome: r.outcome,
    error: r.error?.slice(0, 1000) ?? null,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    vendor: r.vendor ?? null,
    model: r.model ?? null,
    audioSeconds: r.audioSeconds === null || r.audioSeconds === undefined ? null : Math.round(r.audioSeconds),
    inputTokens: r.inputTokens ?? null,
    outputTokens: r.outputTokens ?? null,
    costMicros: r.costMicros ?? null,
  });
}

/** The message of a failure, for a stage row or a lead's pipeline reason. */
export const failureText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

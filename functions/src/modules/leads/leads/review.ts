// A person's verdict on a lead, through the one transition function: approving needs every
// required checklist item ticked and records the reviewer; rejecting and returning need a reason
// of the catalogue. After the commit an approved lead of an order goes to its order (the portal,
// through the `approved` hook), any other lead of a campaign that delivers at once to delivery (a
// failed hand-over is logged; the lead stays approved, delivery can be retried).
// Bulk approval takes rule-perfect leads only, ticking their required items as the approver.
import { sql } from 'drizzle-orm';
import type { BulkApproveResult, ChecklistItem, TransitionRequest } from '@shared/contracts/leads';
import type { Deps } from '../../../core/deps';
import { AppError, type FieldError } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { queryOne } from '../../../db/rows';
import { deliverLead } from '../delivery/deliver';
import { startLeadPipeline } from '../pipeline/start';
import { settingsForCampaign } from './campaign-settings';
import { applyTicks, lockLead, type ChecklistTicks } from './edit';
import { transitionLead, type LeadActor } from './transitions';
import { RULE_PERFECT } from './views';
import type { LeadViewer } from './detail';
import type { LeadsHooks } from '../hooks';

const personOf = (viewer: LeadViewer): LeadActor => ({ kind: 'person', userId: viewer.userId, roles: viewer.roles });

/** The required items not ticked, as field errors naming them (422). */
function missingTicks(items: ChecklistItem[], ticks: ChecklistTicks | null): AppError | null {
  const missing = items.filter((item) => item.required && !ticks?.[item.id]?.checked);
  if (!missing.length) return null;
  const errors: FieldError[] = missing.map((item) => ({ field: `checklist.${item.id}`, message: `"${item.label}" must be checked before approving` }));
  return new AppError('unprocessable', { errors, detail: `Check ${missing.map((m) => `"${m.label}"`).join(', ')} before approving.` });
}

/** Columns set with each state a person moves a lead to. */
function columnsFor(to: TransitionRequest['to'], viewer: LeadViewer, at: Date) {
  if (to === 'approved' || to === 'rejected') return { reviewerId: viewer.userId, reviewedAt: at };
  if (to === 'under_review') return { reviewerId: null, reviewedAt: null };
  if (to === 'returned') return { returnedAt: at };
  return {};
}

/**
 * After an approval: a lead of an order goes to its order (the `approved` hook: the portal); any
 * other lead to delivery when its campaign delivers at once. A failure is logged (the lead stays
 * approved; delivery can be retried).
 */
async function afterApproval(deps: Deps, hooks: LeadsHooks, leadId: string, autoDeliver: boolean, actorId: string | null): Promise<void> {
  try {
    if (hooks.approved && (await hooks.approved(deps, { leadId, actorId }))) return;
    if (autoDeliver) await deliverLead(deps, leadId, actorId);
  } catch (error) {
    deps.logger.error('an approved lead was not handed to delivery', { leadId, error: (error as Error).message });
  }
}

export async function reviewLead(deps: Deps, hooks: LeadsHooks, viewer: LeadViewer, leadId: string, input: TransitionRequest): Promise<void> {
  const at = deps.now();
  const autoDeliver = await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const lead = await lockLead(tx, leadId);
    const settings = await settingsForCampaign(tx, lead.campaignId);
    // Only a lead under review can be approved: from elsewhere the transition table answers (409).
    if (input.to === 'approved' && lead.state === 'under_review') {
      const problem = missingTicks(settings.checklist, lead.checklist as ChecklistTicks | null);
      if (problem) throw problem;
    }
    await transitionLead(tx, { leadId, to: input.to, actor: personOf(viewer), reasonCode: input.reasonCode ?? null, note: input.note ?? null, at, set: columnsFor(input.to, viewer, at) });
    return settings.autoDeliver;
  });
  if (input.to === 'approved') await afterApproval(deps, hooks, leadId, autoDeliver, viewer.userId);
}

/** Why a lead is not rule-perfect (null when it is). */
async function notPerfect(tx: Database, lead: { id: string; state: string; pipelineStatus: string }): Promise<string | null> {
  if (lead.state !== 'under_review') return `It is ${lead.state.replace('_', ' ')}, not under review`;
  if (lead.pipelineStatus !== 'queued') {
    return lead.pipelineStatus === 'needs_review' ? 'The pipeline flagged it for manual review' : 'The pipeline has not finished with it';
  }
  const row = await queryOne<{ perfect: boolean; failing: string | null; matched: boolean | null }>(
    tx,
    sql`select ${RULE_PERFECT} as perfect,
        (select string_agg(f->>'factor', ', ') from jsonb_array_elements(
          (select s.result->'factors' from lead_scores s where s.lead_id = l.id order by s.created_at desc, s.id desc limit 1)) f
         where f->>'verdict' is distinct from 'pass') as failing,
        (select ac.matched from lead_account_checks ac where ac.lead_id = l.id) as matched
      from leads l where l.id = ${lead.id}::uuid`,
  );
  if (row?.perfect) return null;
  if (row?.failing) return `Not every factor passed: ${row.failing}`;
  if (row?.matched === false) return "The account does not match the campaign's criteria";
  if (row?.matched === null || row?.matched === undefined) return 'The account has not been checked';
  return 'It has no score yet';
}

/**
 * Approves each rule-perfect lead (under review, queued by the pipeline, every factor of its newest
 * score passed, its account matched), ticking the campaign's required items as the approver; each
 * lead in its own transaction, so one lead's problem leaves the others approved. The rest are
 * skipped with the reason.
 */
export async function bulkApprove(deps: Deps, hooks: LeadsHooks, viewer: LeadViewer, ids: string[]): Promise<BulkApproveResult> {
  const result: BulkApproveResult = { approved: [], skipped: [] };
  const approved: { id: string; autoDeliver: boolean }[] = [];
  for (const id of [...new Set(ids)]) {
    const at = deps.now();
    try {
      const autoDeliver = await deps.db.transaction(async (raw) => {
        const tx = raw as unknown as Database;
        const lead = await lockLead(tx, id);
        const reason = await notPerfect(tx, lead);
        if (reason) throw new AppError('conflict', { detail: reason });
        const settings = await settingsForCampaign(tx, lead.campaignId);
        const required = Object.fromEntries(settings.checklist.filter((item) => item.required).map((item) => [item.id, true]));
        const checklist = applyTicks(lead.checklist as ChecklistTicks | null, required, viewer.userId, at);
        await transitionLead(tx, {
          leadId: id,
          to: 'approved',
          actor: personOf(viewer),
          note: 'Bulk approval of a rule-perfect lead (required checklist items ticked by the approver)',
          at,
          set: { checklist, reviewerId: viewer.userId, reviewedAt: at },
        });
        return settings.autoDeliver;
      });
      result.approved.push(id);
      approved.push({ id, autoDeliver });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.skipped.push({ id, reason: error.code === 'not_found' ? 'No such lead' : (error.detail ?? error.message) });
    }
  }
  for (const lead of approved) await afterApproval(deps, hooks, lead.id, lead.autoDeliver, viewer.userId);
  return result;
}

/** Runs the pipeline again on a lead not yet decided (409 otherwise). */
export async function rescoreLead(deps: Deps, leadId: string): Promise<void> {
  const lead = await queryOne<{ state: string }>(deps.db, sql`select state from leads where id = ${leadId}::uuid and deleted_at is null`);
  if (!lead) throw new AppError('not_found', { detail: 'No such lead.' });
  if (lead.state !== 'new' && lead.state !== 'under_review') {
    throw new AppError('conflict', { detail: `A ${lead.state.replace('_', ' ')} lead is decided: move it back under review to score it again.` });
  }
  try {
    await startLeadPipeline(deps, leadId);
  } catch (error) {
    deps.logger.error('lead pipeline not restarted', { leadId, error: (error as Error).message });
    throw new AppError('unavailable', { detail: 'The pipeline could not be started: try again shortly.' });
  }
}

// One lead for the review page: its summary with the answers and notes, the call's recording, the
// transcript by speaker, the newest score with its evidence, the account check, the campaign's
// checklist and the ticks, the pipeline's stage runs, the history and corrections with the names
// of who did them, its deliveries, and the states the viewer may move it to.
import { asc, desc, eq, sql } from 'drizzle-orm';
import { CAPABILITIES, can } from '@shared/access';
import {
  accountCheckSchema,
  leadScoreSchema,
  nextStates,
  utteranceSchema,
  type LeadDetail,
  type LeadState,
  type StageRunView,
} from '@shared/contracts/leads';
import type { Role } from '@shared/roles';
import { z } from 'zod';
import type { Deps } from '../../../core/deps';
import { notFound } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { isoOrNull, queryOne, queryRows } from '../../../db/rows';
import { leadAccountChecks, leadScores, leadStageRuns, leadTranscripts } from '../../../db/schema';
import { settingsForCampaign } from './campaign-settings';
import { summariesWhere, toSummary } from './views';

export interface LeadViewer {
  userId: string;
  roles: readonly Role[];
}

const utterances = z.array(utteranceSchema);
const personName = (alias: string) => sql.raw(`nullif(trim(coalesce(${alias}.first_name, '') || ' ' || coalesce(${alias}.last_name, '')), '')`);

/** The lead's own columns the summary does not carry, with its call's recording. */
async function extrasOf(db: Database, leadId: string) {
  return queryOne<{
    answers: Record<string, unknown> | null;
    notes: string | null;
    call_id: string | null;
    recording_key: string | null;
    recording_seconds: number | null;
    checklist: Record<string, { checked: boolean; by: string | null; at: string }> | null;
    reason_code: string | null;
    reason_note: string | null;
  }>(
    db,
    sql`select l.answers, l.notes, l.call_id, coalesce(l.recording_key, k.recording_key) as recording_key, k.recording_seconds,
        l.checklist, l.reason_code, l.reason_note
      from leads l left join calls k on k.id = l.call_id where l.id = ${leadId}::uuid`,
  );
}

export async function getLead(deps: Pick<Deps, 'db' | 'now'>, viewer: LeadViewer, leadId: string): Promise<LeadDetail> {
  const db = deps.db;
  const [row] = await summariesWhere(db, sql`l.id = ${leadId}::uuid and l.deleted_at is null`);
  if (!row) throw notFound('lead');
  const [extras, transcript, score, check, settings, history, corrections, stages, deliveries] = await Promise.all([
    extrasOf(db, leadId),
    db.select().from(leadTranscripts).where(eq(leadTranscripts.leadId, leadId)),
    db.select({ result: leadScores.result }).from(leadScores).where(eq(leadScores.leadId, leadId)).orderBy(desc(leadScores.createdAt), desc(leadScores.id)).limit(1),
    db.select({ result: leadAccountChecks.result }).from(leadAccountChecks).where(eq(leadAccountChecks.leadId, leadId)),
    settingsForCampaign(db, row.campaign_id),
    queryRows<{ from_state: LeadState | null; to_state: LeadState; actor_id: string | null; actor_name: string | null; reason_code: string | null; note: string | null; at: string | Date }>(
      db,
      sql`select t.from_state, t.to_state, t.actor_id, ${personName('u')} as actor_name, t.reason_code, t.note, t.at
        from lead_transitions t left join users u on u.id = t.actor_id where t.lead_id = ${leadId}::uuid order by t.at, t.id`,
    ),
    queryRows<{ field: string; before: unknown; after: unknown; actor_name: string | null; at: string | Date }>(
      db,
      sql`select c.field, c.before, c.after, ${personName('u')} as actor_name, c.at
        from lead_corrections c left join users u on u.id = c.actor_id where c.lead_id = ${leadId}::uuid order by c.at, c.id`,
    ),
    db.select().from(leadStageRuns).where(eq(leadStageRuns.leadId, leadId)).orderBy(asc(leadStageRuns.startedAt), asc(leadStageRuns.id)),
    queryRows<{ id: string; config_name: string; kind: string; status: string; attempts: number; delivered_at: string | Date | null; last_error: string | null }>(
      db,
      sql`select d.id, c.name as config_name, c.kind, d.status, d.attempts, d.delivered_at, d.last_error
        from lead_deliveries d join delivery_configs c on c.id = d.config_id where d.lead_id = ${leadId}::uuid order by d.created_at desc, d.id desc`,
    ),
  ]);
  const scoring = score[0] ? leadScoreSchema.safeParse(score[0].result) : null;
  const accountCheck = check[0] ? accountCheckSchema.safeParse(check[0].result) : null;
  const spoken = transcript[0] ? utterances.safeParse(transcript[0].utterances) : null;
  const capabilities = CAPABILITIES.filter((c) => can(viewer.roles, c));
  return {
    ...toSummary(row, deps.now()),
    answers: extras?.answers ?? {},
    notes: extras?.notes ?? null,
    callId: extras?.call_id ?? null,
    hasRecording: Boolean(extras?.recording_key),
    recordingSeconds: extras?.recording_seconds ?? null,
    transcript: transcript[0] ? { vendor: transcript[0].vendor, utterances: spoken?.success ? spoken.data : [], audioSeconds: transcript[0].audioSeconds } : null,
    scoring: scoring?.success ? scoring.data : null,
    accountCheck: accountCheck?.success ? accountCheck.data : null,
    checklistItems: settings.checklist,
    checklist: extras?.checklist ?? {},
    reasonCode: extras?.reason_code ?? null,
    reasonNote: extras?.reason_note ?? null,
    history: history.map((h) => ({
      fromState: h.from_state,
      toState: h.to_state,
      actorId: h.actor_id,
      actorName: h.actor_name,
      reasonCode: h.reason_code,
      note: h.note,
      at: new Date(h.at).toISOString(),
    })),
    corrections: corrections.map((c) => ({ field: c.field, before: c.before, after: c.after, actorName: c.actor_name, at: new Date(c.at).toISOString() })),
    stages: stages.map(
      (s): StageRunView => ({
        stage: s.stage as StageRunView['stage'],
        attempt: s.attempt,
        outcome: s.outcome as StageRunView['outcome'],
        error: s.error,
        startedAt: s.startedAt.toISOString(),
        endedAt: isoOrNull(s.endedAt),
        vendor: s.vendor,
        model: s.model,
        audioSeconds: s.audioSeconds,
        inputTokens: s.inputTokens,
        outputTokens: s.outputTokens,
        costMicros: s.costMicros,
      }),
    ),
    nextStates: [...new Set(nextStates(row.state, capabilities))],
    deliveries: deliveries.map((d) => ({
      id: d.id,
      configName: d.config_name,
      kind: d.kind,
      status: d.status,
      attempts: d.attempts,
      deliveredAt: isoOrNull(d.delivered_at),
      lastError: d.last_error,
    })),
  };
}

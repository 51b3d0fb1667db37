// Transcription: a lead with a recording is submitted to AssemblyAI (a presigned link to the WAV,
// `multichannel: true`, a webhook with our secret in its auth header) and waits in 'transcribing';
// the webhook (checked in constant time, taken once per transcript id) stores the utterances by
// speaker, records the audio seconds and cost, and starts the scoring workflow. Without a recording,
// or with transcription off (no key or no webhook secret), the lead goes on to scoring at once.
//
// Channels: the dialler records the prospect's call leg, dual-channel, and the agent's leg is
// bridged onto it. The recorded leg is the first (left) channel and the other party the second, as
// in Telnyx's dual-channel recordings and the local stand-in's WAVs (infra/local/emulators/wav.ts):
// channel 1 is the prospect, channel 2 the agent.
import { createHash, timingSafeEqual } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Utterance } from '@shared/contracts/leads';
import { ASSEMBLYAI_AUTH_HEADER, assemblyAiFor, type ChannelUtterance } from '../../../adapters/assemblyai';
import { AppError } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { callCampaigns, calls, leads, leadStageRuns, leadTranscripts } from '../../../db/schema';
import { startWorkflowExecution } from '../../../workflows/start-execution';
import { LEAD_SCORING_WORKFLOW } from '../../../workflows/leads';
import { transcriptionCostMicros } from './costs';
import { currentRunLead, failureText, recordStage, scoringExecutionName, setPipelineStatus, type PipelineRun } from './run';

export const ASSEMBLYAI_WEBHOOK_PATH = '/api/leads/webhooks/assemblyai';
/** How long AssemblyAI may take to fetch the recording from its presigned link. */
const AUDIO_LINK_SECONDS = 6 * 60 * 60;

export const CHANNEL_SPEAKERS: Record<string, Utterance['speaker']> = { '1': 'prospect', '2': 'agent' };

/** The vendor's utterances by our speakers, in time order, times in ms. */
export function utterancesBySpeaker(utterances: readonly ChannelUtterance[]): Utterance[] {
  return utterances
    .map((u) => ({ speaker: CHANNEL_SPEAKERS[u.channel ?? ''] ?? 'prospect', startMs: Math.max(0, Math.round(u.startMs)), endMs: Math.max(0, Math.round(u.endMs)), text: u.text.trim() }))
    .filter((u) => u.text)
    .sort((a, b) => a.startMs - b.startMs);
}

const transcriptionOn = (deps: Pick<Deps, 'config'>) => !!assemblyAiFor(deps.config) && !!deps.config.ASSEMBLYAI_WEBHOOK_SECRET;

/** How long after its call ends a lead waits for the call's recording (saved a moment after the hang-up). */
export const RECORDING_WAIT_MS = 3 * 60_000;

/**
 * The recording of a lead's call: a lead made at wrap-up can be ahead of the recording, which
 * Telnyx saves just after the hang-up. Taken onto the lead when it is there; `wait` while the
 * campaign records and the call ended less than RECORDING_WAIT_MS ago (or has not ended).
 */
async function awaitCallRecording(deps: Deps, lead: typeof leads.$inferSelect): Promise<{ key: string | null; wait: boolean }> {
  if (lead.recordingKey || !lead.callId) return { key: lead.recordingKey, wait: false };
  const [call] = await deps.db
    .select({ key: calls.recordingKey, endedAt: calls.endedAt, record: callCampaigns.record })
    .from(calls)
    .leftJoin(callCampaigns, eq(callCampaigns.id, calls.campaignId))
    .where(eq(calls.id, lead.callId));
  if (!call) return { key: null, wait: false };
  if (call.key) {
    await deps.db.update(leads).set({ recordingKey: call.key }).where(and(eq(leads.id, lead.id), isNull(leads.recordingKey)));
    return { key: call.key, wait: false };
  }
  const recent = !call.endedAt || deps.now().getTime() - call.endedAt.getTime() < RECORDING_WAIT_MS;
  return { key: null, wait: Boolean(call.record) && recent };
}

/**
 * The intake's first step: whether the lead waits for a transcript, waits a moment for its call's
 * recording (`wait`: the workflow comes back after a pause), or goes on to scoring (the skip recorded with why).
 */
export async function prepareIntake(deps: Deps, run: PipelineRun): Promise<{ transcribe: boolean; wait: boolean }> {
  const current = await currentRunLead(deps.db, run);
  const recording = await awaitCallRecording(deps, current);
  if (recording.wait) return { transcribe: false, wait: true };
  const lead = { ...current, recordingKey: recording.key };
  if (lead.recordingKey && transcriptionOn(deps)) return { transcribe: true, wait: false };
  const now = deps.now();
  await recordStage(deps.db, run, {
    stage: 'transcribe',
    outcome: 'skipped',
    startedAt: now,
    endedAt: now,
    error: lead.recordingKey ? 'Transcription is off (no AssemblyAI key or webhook secret): scored without a transcript.' : 'The lead has no recording.',
  });
  return { transcribe: false, wait: false };
}

/** Submits the recording; the lead waits in 'transcribing' for the webhook. A VendorError is retried by the workflow. */
export async function submitTranscription(deps: Deps, run: PipelineRun): Promise<{ jobId: string }> {
  const lead = await currentRunLead(deps.db, run);
  const transcriber = assemblyAiFor(deps.config);
  if (!lead.recordingKey || !transcriber || !deps.config.ASSEMBLYAI_WEBHOOK_SECRET) throw new Error('The lead has no recording or transcription is off.');
  const startedAt = deps.now();
  try {
    const audioUrl = await getSignedUrl(deps.aws.s3, new GetObjectCommand({ Bucket: deps.config.BUCKET_NAME, Key: lead.recordingKey }), { expiresIn: AUDIO_LINK_SECONDS });
    // Transcription is paid: a run replaced since this step began submits nothing.
    await currentRunLead(deps.db, run);
    const jobId = await transcriber.submit({
      audioUrl,
      webhookUrl: deps.config.ASSEMBLYAI_WEBHOOK_URL ?? `${deps.config.PUBLIC_BASE_URL.replace(/\/$/, '')}${ASSEMBLYAI_WEBHOOK_PATH}`,
      webhookAuth: { header: ASSEMBLYAI_AUTH_HEADER, value: deps.config.ASSEMBLYAI_WEBHOOK_SECRET },
    });
    await deps.db.transaction(async (raw) => {
      const tx = raw as unknown as Database;
      await setPipelineStatus(tx, run, 'transcribing', deps.now(), { transcriptJobId: jobId });
      await recordStage(tx, run, { stage: 'transcribe', outcome: 'running', startedAt, endedAt: null, vendor: 'assemblyai', model: 'multichannel' });
    });
    return { jobId };
  } catch (error) {
    if ((error as Error).name !== 'LeadRunSuperseded') {
      await recordStage(deps.db, run, { stage: 'transcribe', outcome: 'failed', startedAt, endedAt: deps.now(), vendor: 'assemblyai', error: failureText(error) });
    }
    throw error;
  }
}

/** Starts the scoring workflow of a run; the execution's name makes a second start of the same run do nothing. */
export async function startScoring(deps: Deps, run: PipelineRun): Promise<void> {
  await startWorkflowExecution(deps.aws.sfn, LEAD_SCORING_WORKFLOW, scoringExecutionName(run), {
    leadId: run.leadId,
    runStartedAt: run.runStartedAt,
  });
}

/** Equal in constant time whatever the lengths (both sides hashed first). */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

const notificationSchema = z.object({ transcript_id: z.string().min(1).max(200), status: z.string().max(40) });

export type TranscriptWebhookOutcome = 'stored' | 'failed' | 'duplicate' | 'pending';

/**
 * Finishes a transcribing lead (the webhook, or the sweeper giving up after 30 minutes): moves it
 * to 'scoring' once (a guarded update: a second caller finds it moved and does nothing), with its
 * transcript when there is one, closes the transcribe stage, then starts scoring.
 */
async function finishTranscribing(
  deps: Deps,
  leadId: string,
  jobId: string | null,
  result: { utterances: Utterance[]; audioSeconds: number | null } | { error: string },
): Promise<PipelineRun | null> {
  const now = deps.now();
  const run = await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const [claimed] = await tx
      .update(leads)
      .set({ pipelineStatus: 'scoring', updatedAt: now })
      .where(and(eq(leads.id, leadId), isNull(leads.deletedAt), eq(leads.pipelineStatus, 'transcribing'), jobId ? eq(leads.transcriptJobId, jobId) : sql`true`))
      .returning({ startedAt: leads.pipelineStartedAt });
    if (!claimed?.startedAt) return null;
    const claimedRun: PipelineRun = { leadId, runStartedAt: claimed.startedAt.toISOString() };
    const ok = 'utterances' in result;
    if (ok) {
      await tx
        .insert(leadTranscripts)
        .values({ leadId, vendor: 'assemblyai', jobId, audioSeconds: result.audioSeconds === null ? null : Math.round(result.audioSeconds), utterances: result.utterances })
        .onConflictDoUpdate({
          target: leadTranscripts.leadId,
          set: { vendor: 'assemblyai', jobId, audioSeconds: result.audioSeconds === null ? null : Math.round(result.audioSeconds), utterances: result.utterances, updatedAt: now },
        });
    }
    // The attempt that submitted the job is the one this closes.
    await tx
      .update(leadStageRuns)
      .set({
        outcome: ok ? 'ok' : jobId ? 'failed' : 'skipped',
        endedAt: now,
        error: ok ? null : result.error.slice(0, 1000),
        audioSeconds: ok && result.audioSeconds !== null ? Math.round(result.audioSeconds) : null,
        costMicros: ok && result.audioSeconds !== null ? transcriptionCostMicros(result.audioSeconds) : null,
      })
      .where(
        and(
          eq(leadStageRuns.leadId, leadId),
          eq(leadStageRuns.stage, 'transcribe'),
          eq(leadStageRuns.outcome, 'running'),
          sql`${leadStageRuns.startedAt} >= ${claimedRun.runStartedAt}::timestamptz`,
        ),
      );
    return claimedRun;
  });
  // Committed: a start that fails now leaves the lead in 'scoring', which the sweeper restarts.
  if (run) await startScoring(deps, run);
  return run;
}

/** The AssemblyAI webhook: 401 without the secret; a transcript id seen before, or not ours, changes nothing. */
export async function receiveTranscriptWebhook(deps: Deps, input: { headers: Record<string, string | undefined>; rawBody: string }): Promise<TranscriptWebhookOutcome> {
  // The shape first (nothing is done with it), then the secret: a notification that is not one is
  // 400 whoever sends it; one without the right secret is 401.
  let body: unknown;
  try {
    body = JSON.parse(input.rawBody);
  } catch {
    throw new AppError('bad_request', { detail: 'The body is not JSON.' });
  }
  const parsed = notificationSchema.safeParse(body);
  if (!parsed.success) throw new AppError('bad_request', { detail: 'Expected {transcript_id, status}.' });
  const secret = deps.config.ASSEMBLYAI_WEBHOOK_SECRET;
  if (!secret || !secretMatches(input.headers[ASSEMBLYAI_AUTH_HEADER], secret)) throw new AppError('unauthenticated', { detail: 'The webhook secret is missing or wrong.' });
  const jobId = parsed.data.transcript_id;
  const [lead] = await deps.db.select({ id: leads.id, status: leads.pipelineStatus }).from(leads).where(and(eq(leads.transcriptJobId, jobId), isNull(leads.deletedAt)));
  // The webhook can overtake the submitting step's write of the job id: 404 makes AssemblyAI deliver
  // it again a little later (a transcript that is no lead's at all is retried a few times, harmlessly).
  if (!lead) throw new AppError('not_found', { detail: 'No lead waits for this transcript (yet).' });
  if (lead.status !== 'transcribing') return 'duplicate';
  const transcriber = assemblyAiFor(deps.config);
  if (!transcriber) throw new AppError('unavailable', { detail: 'Transcription is not configured.' });
  // A failed fetch answers 503: AssemblyAI delivers the webhook again (and the sweeper is behind it).
  const transcript = await transcriber.get(jobId).catch((error: unknown) => {
    throw new AppError('unavailable', { detail: 'The transcript could not be fetched; deliver again later.', cause: error });
  });
  if (transcript.status === 'queued' || transcript.status === 'processing') return 'pending';
  const run =
    transcript.status === 'completed'
      ? await finishTranscribing(deps, lead.id, jobId, { utterances: utterancesBySpeaker(transcript.utterances), audioSeconds: transcript.audioSeconds })
      : await finishTranscribing(deps, lead.id, jobId, { error: `AssemblyAI could not transcribe the recording: ${transcript.error ?? 'no reason given'}` });
  if (!run) return 'duplicate';
  return transcript.status === 'completed' ? 'stored' : 'failed';
}

/** The sweeper's way out for a lead whose webhook never came: on to scoring without a transcript. */
export async function giveUpTranscribing(deps: Deps, leadId: string, waitedMinutes: number): Promise<boolean> {
  const run = await finishTranscribing(deps, leadId, null, { error: `No transcript webhook within ${waitedMinutes} minutes: scored without a transcript.` });
  return run !== null;
}


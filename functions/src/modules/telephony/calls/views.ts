// Reading calls: one call as the API shows it (an agent sees only their own calls, a manager any;
// another's call is a 404 like a missing one), a contact's previous calls, and a short-lived signed
// link to a call's recording.
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { can } from '@shared/access';
import type { Call, FormAnswers } from '@shared/contracts/telephony';
import type { Deps } from '../../../core/deps';
import type { Principal } from '../../../core/principal';
import { notFound } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { isoOrNull } from '../../../db/rows';
import { callDispositions, calls, campaignAgents } from '../../../db/schema';
import type { CallRow } from './queue-settle';

/** Seconds a recording link works: long enough to start playing, too short to pass around. */
export const RECORDING_URL_SECONDS = 300;

export type CallViewer = Pick<Principal, 'userId' | 'roles'>;

export const managesCalls = (viewer: CallViewer) => can(viewer.roles, 'calls.manage');

export function toCall(row: CallRow, dispositionLabel: string | null): Call {
  return {
    id: row.id,
    campaignId: row.campaignId,
    contactId: row.contactId,
    accountId: row.accountId,
    agentId: row.agentId,
    origin: row.origin as Call['origin'],
    toNumber: row.toNumber,
    fromNumber: row.fromNumber,
    state: row.state as Call['state'],
    amdResult: row.amdResult,
    startedAt: row.startedAt.toISOString(),
    answeredAt: isoOrNull(row.answeredAt),
    bridgedAt: isoOrNull(row.bridgedAt),
    consentAnnouncedAt: isoOrNull(row.consentAnnouncedAt),
    endedAt: isoOrNull(row.endedAt),
    hangupCause: row.hangupCause,
    abandoned: row.abandoned,
    dispositionId: row.dispositionId,
    dispositionLabel,
    notes: row.notes,
    answers: (row.answers as FormAnswers | null) ?? null,
    hasRecording: row.recordingKey !== null,
  };
}

/** Calls with their disposition labels, in the given order. */
export async function callsWhere(db: Database, where: SQL, limit = 1): Promise<Call[]> {
  const rows = await db
    .select({ call: calls, label: callDispositions.label })
    .from(calls)
    .leftJoin(callDispositions, eq(callDispositions.id, calls.dispositionId))
    .where(where)
    .orderBy(desc(calls.startedAt), desc(calls.id))
    .limit(limit);
  return rows.map((r) => toCall(r.call, r.label));
}

/** The call row if the viewer may see it (404 otherwise). */
export async function visibleCallRow(db: Database, viewer: CallViewer, callId: string, lock = false): Promise<CallRow> {
  const query = db.select().from(calls).where(eq(calls.id, callId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || (!managesCalls(viewer) && row.agentId !== viewer.userId)) throw notFound('call');
  return row;
}

export async function getCall(deps: Pick<Deps, 'db'>, viewer: CallViewer, callId: string): Promise<Call> {
  const row = await visibleCallRow(deps.db, viewer, callId);
  const [call] = await callsWhere(deps.db, eq(calls.id, row.id));
  return call!;
}

/** A contact's calls, newest first: all of them for a manager; an agent's own and those of the agent's campaigns. */
export async function contactCalls(deps: Pick<Deps, 'db'>, viewer: CallViewer, contactId: string, limit = 50): Promise<Call[]> {
  const scope = managesCalls(viewer)
    ? sql`true`
    : or(
        eq(calls.agentId, viewer.userId),
        inArray(calls.campaignId, deps.db.select({ id: campaignAgents.campaignId }).from(campaignAgents).where(eq(campaignAgents.userId, viewer.userId))),
      )!;
  return callsWhere(deps.db, and(eq(calls.contactId, contactId), scope)!, limit);
}

/** Who may hear any call, not only their own: call managers, and lead QA (a lead's call, or one on a record's timeline). */
export const hearsEveryCall = (viewer: CallViewer) => managesCalls(viewer) || can(viewer.roles, 'leads.review');

/** A signed GET of the call's recording, valid RECORDING_URL_SECONDS; another agent's call is a 404. */
export async function recordingUrl(deps: Pick<Deps, 'db' | 'aws' | 'config' | 'now'>, viewer: CallViewer, callId: string): Promise<{ url: string; expiresAt: string }> {
  const [row] = await deps.db.select({ agentId: calls.agentId, recordingKey: calls.recordingKey }).from(calls).where(eq(calls.id, callId));
  if (!row || (!hearsEveryCall(viewer) && row.agentId !== viewer.userId)) throw notFound('call');
  if (!row.recordingKey) throw notFound('recording');
  const url = await getSignedUrl(deps.aws.s3, new GetObjectCommand({ Bucket: deps.config.BUCKET_NAME, Key: row.recordingKey, ResponseContentType: 'audio/wav' }), {
    expiresIn: RECORDING_URL_SECONDS,
  });
  return { url, expiresAt: new Date(deps.now().getTime() + RECORDING_URL_SECONDS * 1000).toISOString() };
}

// Consent per contact and channel: what is in force now and every change before it, with who
// recorded it, when it was given or withdrawn, and the evidence. History is append-only.
import {
  CONSENT_CHANNELS,
  type ConsentChannel,
  type ConsentEvent,
  type ConsentState,
  type ContactConsentQuery,
  type ContactConsentResponse,
  type RecordConsentRequest,
} from '@shared/contracts/compliance';
import type { Deps } from '../../core/deps';
import type { Database } from '../../db/connection';
import { invalid, notFound } from '../../core/app-error';
import type { Actor } from '../../core/actor';
import { assertVisible, type RecordReader } from '../../records/record-scope';
import { consentHistory, contactIsLive, currentConsent, recordConsentChange, type ConsentRow } from './consent-repo';

/** Clocks disagree a little (such a time is stored as now); a consent "recorded" further ahead is a typo. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

const unknownState = (channel: ConsentChannel): ConsentState => ({
  channel,
  status: 'unknown',
  source: null,
  evidence: null,
  recordedAt: null,
  recordedBy: null,
  recordedByName: null,
});

const toState = (row: ConsentRow): ConsentState => ({
  channel: row.channel,
  status: row.status,
  source: row.source,
  evidence: row.evidence,
  recordedAt: iso(row.recorded_at),
  recordedBy: row.recorded_by,
  recordedByName: row.recorded_by_name,
});

export async function getContactConsent(
  deps: Pick<Deps, 'db'>,
  input: { contactId: string; query: ContactConsentQuery; reader: RecordReader },
): Promise<ContactConsentResponse> {
  const { contactId, query } = input;
  let beforeId: number | undefined;
  if (query.cursor !== undefined) {
    beforeId = Number(query.cursor);
    if (!Number.isSafeInteger(beforeId) || beforeId < 1) throw invalid('query.cursor', 'is not a cursor this API gave out');
  }
  await assertVisible(deps.db, input.reader, 'contact', contactId);
  if (!(await contactIsLive(deps.db, contactId))) throw notFound('contact');
  const [current, history] = await Promise.all([
    currentConsent(deps.db, contactId),
    consentHistory(deps.db, contactId, { ...(beforeId !== undefined ? { beforeId } : {}), limit: query.limit + 1 }),
  ]);
  const byChannel = new Map(current.map((row) => [row.channel, toState(row)]));
  const [email, phone] = CONSENT_CHANNELS.map((channel) => byChannel.get(channel) ?? unknownState(channel)) as [ConsentState, ConsentState];
  const page = history.slice(0, query.limit);
  const events: ConsentEvent[] = page.map((row) => ({
    ...toState(row),
    source: row.source,
    recordedAt: iso(row.recorded_at),
    id: String(row.id),
    createdAt: iso(row.created_at),
  }));
  return {
    contactId,
    current: { email, phone },
    history: events,
    nextCursor: history.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}

export async function recordConsent(
  deps: Pick<Deps, 'db' | 'now'>,
  input: { contactId: string; request: RecordConsentRequest; context: Actor; reader: RecordReader },
): Promise<ContactConsentResponse> {
  const { contactId, request, context, reader } = input;
  const now = deps.now();
  const recordedAt = request.recordedAt ? new Date(request.recordedAt) : now;
  if (recordedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) throw invalid('body.recordedAt', 'must not be in the future');
  // An agent records consent on the phone, so only for a contact within their reach.
  await assertVisible(deps.db, reader, 'contact', contactId);
  const written = await recordConsentChange(deps.db, {
    contactId,
    channel: request.channel,
    status: request.status,
    source: request.source,
    evidence: request.evidence ?? null,
    recordedAt,
    recordedBy: context.userId,
    at: now,
  });
  if (!written) throw notFound('contact');
  return getContactConsent(deps, { contactId, query: { limit: 50 }, reader });
}

/**
 * The person's own opt-out from a channel, taken without a signed-in user (an unsubscribe link, a
 * spam complaint): appended to the history and put in force. False when the contact is gone.
 */
export function recordOptOut(
  db: Database,
  input: { contactId: string; channel: ConsentChannel; source: string; evidence: string | null; at: Date },
): Promise<boolean> {
  return recordConsentChange(db, { ...input, status: 'opted_out', recordedAt: input.at, recordedBy: null });
}

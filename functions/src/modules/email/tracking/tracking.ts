// The use cases behind the public /t/ links. Each first verifies the token's HMAC with the
// tracking secret and only then reads the database; a token that does not verify, is of another
// kind, or names a recipient of another campaign is "not found", and nothing is recorded.
import type { Deps } from '../../../core/deps';
import { classifyClick, classifyOpen, verifyTrackingToken, type TrackingKind, type TrackingPayload } from '../content';
import { recordClick, recordOpen } from './engagement';
import { resolveLinkTarget } from './link-target';
import { findTrackedRecipient, type TrackedRecipient } from './tracked-recipient';
import { applyChoice, subscriptionState, type Choice, type ChoiceVia, type SubscriptionState } from './unsubscribe';

export type TrackingDeps = Pick<Deps, 'db' | 'config' | 'now'>;

/** Who fetched the link: what tells a person from a machine. */
export interface Requester {
  userAgent: string | null;
  ip: string | null;
}

/** The token's payload when it verifies with the secret and is of this kind; checked before any read. */
export function verifiedClaims(deps: Pick<Deps, 'config'>, token: string, kind: TrackingKind): TrackingPayload | null {
  const secret = deps.config.TRACKING_SECRET;
  if (!secret) return null;
  const claims = verifyTrackingToken(secret, token);
  return claims?.k === kind ? claims : null;
}

async function recipientOf(deps: TrackingDeps, token: string, kind: TrackingKind): Promise<{ claims: TrackingPayload; recipient: TrackedRecipient } | null> {
  const claims = verifiedClaims(deps, token, kind);
  if (!claims) return null;
  const recipient = await findTrackedRecipient(deps.db, claims);
  return recipient ? { claims, recipient } : null;
}

const secondsSince = (sentAt: Date | null, at: Date) => (sentAt ? (at.getTime() - sentAt.getTime()) / 1000 : null);

/** The open pixel was fetched: false when the token is not ours. */
export async function trackOpen(deps: TrackingDeps, token: string, requester: Requester): Promise<boolean> {
  const found = await recipientOf(deps, token, 'o');
  if (!found) return false;
  const at = deps.now();
  const verdict = classifyOpen({ ...requester, secondsSinceSend: secondsSince(found.recipient.sentAt, at) });
  await recordOpen(deps, found.recipient, { at, machine: verdict.verdict === 'machine', reason: verdict.reason });
  return true;
}

/** A tracked link was followed: where to send the browser, or null when the token or link is not ours. */
export async function trackClick(deps: TrackingDeps, token: string, requester: Requester): Promise<string | null> {
  const found = await recipientOf(deps, token, 'c');
  if (!found || found.claims.l === undefined) return null;
  const link = await resolveLinkTarget(deps.db, found.recipient, found.claims.l);
  if (!link) return null;
  const at = deps.now();
  const verdict = classifyClick({ ...requester, secondsSinceSend: secondsSince(found.recipient.sentAt, at) });
  await recordClick(deps, found.recipient, link, { at, machine: verdict.verdict === 'machine', reason: verdict.reason });
  return link.target;
}

export interface PreferenceView {
  recipient: TrackedRecipient;
  state: SubscriptionState;
}

/** What the preference page shows (reads only). */
export async function preferenceView(deps: TrackingDeps, token: string): Promise<PreferenceView | null> {
  const found = await recipientOf(deps, token, 'u');
  if (!found) return null;
  return { recipient: found.recipient, state: await subscriptionState(deps.db, found.recipient) };
}

/** A person's choice, through one-click or the preference page. */
export async function choosePreference(deps: TrackingDeps, token: string, choice: Choice, via: ChoiceVia): Promise<(PreferenceView & { changed: boolean }) | null> {
  const found = await recipientOf(deps, token, 'u');
  if (!found) return null;
  const result = await applyChoice(deps, found.recipient, { choice, via, at: deps.now() });
  return { recipient: found.recipient, ...result };
}

// The signed inbound endpoint. A request is accepted only when its timestamp is within ±300 s of
// our clock, its signature over "<timestamp>.<raw body>" is made with the current secret (or the
// previous one while the rotation's overlap lasts), and its nonce was never seen (nonces are kept
// well past the window, then pruned). A refusal answers 401 without saying which check failed;
// the log says why.
import { eq, lt } from 'drizzle-orm';
import {
  RC_NONCE_HEADER,
  RC_SIGNATURE_HEADER,
  RC_TIMESTAMP_HEADER,
  RC_TIMESTAMP_TOLERANCE_SECONDS,
  resourcesCentreInboundSchema,
  type InboundResult,
} from '@shared/contracts/content-resources';
import { AppError } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { resourcesCentreNonces, resourcesCentreSettings } from '../../../db/schema';
import type { LinkDeps } from './settings';
import { acceptedSecrets, loadSettings } from './settings';
import { signatureMatches } from './signing';
import { writeLog } from './log';
import { applyReferences, recordViews } from './reference';

/** How long a nonce is kept: far past the timestamp window, so a replay inside it is always caught. */
export const NONCE_RETENTION_SECONDS = 24 * 3600;

export interface InboundRequest {
  rawBody: string;
  headers: Record<string, string | undefined>;
}

const MISSING_HEADERS = 'a signature, timestamp or nonce header is missing';

const refusal = () => new AppError('unauthenticated', { detail: 'The request is not signed as the Resources Centre signs.' });

async function verify(deps: LinkDeps, request: InboundRequest, now: Date): Promise<string | null> {
  const header = (name: string) => request.headers[name] ?? request.headers[name.toLowerCase()];
  const timestamp = header(RC_TIMESTAMP_HEADER);
  const sig = header(RC_SIGNATURE_HEADER);
  const nonce = header(RC_NONCE_HEADER);
  if (!timestamp || !sig || !nonce) return MISSING_HEADERS;
  if (!/^\d{1,12}$/.test(timestamp)) return 'the timestamp is not unix seconds';
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(nonce)) return 'the nonce is not 16 to 128 letters, digits, - or _';
  if (Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) > RC_TIMESTAMP_TOLERANCE_SECONDS) return 'the timestamp is outside the ±300 s window';
  const settings = await loadSettings(deps.db);
  if (!settings) return 'the link is not configured';
  if (!settings.enabled) return 'the link is turned off';
  const secrets = await acceptedSecrets(deps.secrets, settings, now);
  if (!secrets.some((secret) => signatureMatches(secret, timestamp, request.rawBody, sig))) return 'the signature does not match the secret (or the previous one during its overlap)';
  // Kept only once everything else checked out: an unsigned request cannot fill the table.
  const [fresh] = await deps.db.insert(resourcesCentreNonces).values({ nonce, receivedAt: now }).onConflictDoNothing().returning();
  if (!fresh) return 'the nonce was used before (a replay)';
  return null;
}

export async function receiveInbound(deps: LinkDeps, request: InboundRequest): Promise<InboundResult> {
  const now = deps.now();
  const started = performance.now();
  const reason = await verify(deps, request, now);
  const duration = () => Math.round(performance.now() - started);
  if (reason) {
    // A request without the headers is malformed (400, saying which headers a request carries);
    // every other refusal is the same 401, whichever check failed.
    const malformed = reason === MISSING_HEADERS;
    await writeLog(deps.db, { direction: 'inbound', outcome: 'refused', httpStatus: malformed ? 400 : 401, detail: `Refused: ${reason}.`, durationMs: duration(), at: now });
    if (malformed) throw new AppError('bad_request', { detail: `A Resources Centre request carries the ${RC_TIMESTAMP_HEADER}, ${RC_SIGNATURE_HEADER} and ${RC_NONCE_HEADER} headers.` });
    throw refusal();
  }
  let parsed;
  try {
    parsed = resourcesCentreInboundSchema.safeParse(JSON.parse(request.rawBody));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) {
    const issue = parsed?.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'body: is not JSON';
    await writeLog(deps.db, { direction: 'inbound', outcome: 'failed', httpStatus: 400, detail: `Invalid body (${where}).`, durationMs: duration(), at: now });
    throw new AppError('invalid', { detail: where, errors: [{ field: issue?.path.length ? `body.${issue.path.join('.')}` : 'body', message: issue?.message ?? 'is not JSON' }] });
  }
  const result = await applyInbound(deps.db, parsed.data, now);
  await deps.db.update(resourcesCentreSettings).set({ lastInboundAt: now }).where(eq(resourcesCentreSettings.id, 1));
  await writeLog(deps.db, { direction: 'inbound', outcome: 'accepted', httpStatus: 200, detail: summarize(result), durationMs: duration(), at: now });
  return result;
}

export async function applyInbound(db: Database, data: { references: Parameters<typeof applyReferences>[1]; views: Parameters<typeof recordViews>[1] }, now: Date): Promise<InboundResult> {
  const references = await applyReferences(db, data.references, now);
  const views = await recordViews(db, data.views);
  return { references, views };
}

export function summarize(result: InboundResult): string {
  const r = result.references;
  const parts = [`${r.created} people added`, `${r.updated} updated`, `${r.conflicts} in conflict`, `${r.unchanged} unchanged`, `${result.views.recorded} views recorded`];
  if (result.views.unknownAsset) parts.push(`${result.views.unknownAsset} views of unknown assets`);
  return parts.join(', ');
}

/** Forgets nonces past their retention; answers how many. */
export async function pruneNonces(db: Database, now: Date): Promise<number> {
  const gone = await db
    .delete(resourcesCentreNonces)
    .where(lt(resourcesCentreNonces.receivedAt, new Date(now.getTime() - NONCE_RETENTION_SECONDS * 1000)))
    .returning({ nonce: resourcesCentreNonces.nonce });
  return gone.length;
}



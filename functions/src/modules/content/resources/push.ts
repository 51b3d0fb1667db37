// Pushing an asset's current version to the Resources Centre. A push is made with its own
// Idempotency-Key and sent at once; a failed attempt (408, 429, 5xx, no answer) is tried again
// with exponential backoff by the schedule, up to DELIVERY_MAX_ATTEMPTS in all (the same knobs as
// lead delivery), with the same key, so the Resources Centre applies it once; any other answer is
// final. Every attempt is logged. A delivered push records the Resources Centre's id and page,
// which becomes the asset's public URL (where its tracking links land).
import { randomUUID } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import {
  RC_IDEMPOTENCY_HEADER,
  pushAnswerSchema,
  type PushState,
  type ResourcesCentrePush,
  type ResourcesCentrePushPayload,
} from '@shared/contracts/content-resources';
import { AppError, notFound } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import { contentAssets, contentAssetVersions, resourcesCentrePushes, resourcesCentreSettings, users } from '../../../db/schema';
import { backoffSeconds, verdictOf } from '../../../adapters/outbound-target';
import { linkDepsOf, linkStatus, loadSettings } from './settings';
import { openSecret } from './secrets';
import { describeExchange, sendSigned, type Exchange } from './transport';
import { userNameSql, writeLog } from './log';

/** How long a claimed attempt holds the push: longer than the send's time limit. */
const CLAIM_LEASE_SECONDS = 120;
/** How long the file's download URL in a push stays valid. */
const DOWNLOAD_URL_SECONDS = 3600;

type PushRow = typeof resourcesCentrePushes.$inferSelect;

async function viewsOf(deps: Deps, rows: PushRow[]): Promise<ResourcesCentrePush[]> {
  if (!rows.length) return [];
  const versions = await deps.db
    .select({ id: contentAssetVersions.id, number: contentAssetVersions.number })
    .from(contentAssetVersions)
    .where(inArray(contentAssetVersions.id, [...new Set(rows.map((r) => r.versionId))]));
  const creatorIds = [...new Set(rows.map((r) => r.createdBy).filter((v): v is string => !!v))];
  const creators = creatorIds.length ? await deps.db.select({ id: users.id, name: userNameSql }).from(users).where(inArray(users.id, creatorIds)) : [];
  const numberOf = new Map(versions.map((v) => [v.id, v.number]));
  const nameOf = new Map(creators.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    assetId: r.assetId,
    versionId: r.versionId,
    versionNumber: numberOf.get(r.versionId) ?? null,
    idempotencyKey: r.idempotencyKey,
    state: r.state as PushState,
    attempts: r.attempts,
    nextAttemptAt: r.state === 'pending' ? (r.nextAttemptAt?.toISOString() ?? null) : null,
    lastError: r.lastError,
    remoteId: r.remoteId,
    remoteUrl: r.remoteUrl,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy ? { id: r.createdBy, name: nameOf.get(r.createdBy) ?? '' } : null,
  }));
}

export async function listPushes(deps: Deps, assetId: string): Promise<ResourcesCentrePush[]> {
  const [asset] = await deps.db.select({ id: contentAssets.id }).from(contentAssets).where(eq(contentAssets.id, assetId));
  if (!asset) throw notFound('asset');
  const rows = await deps.db
    .select()
    .from(resourcesCentrePushes)
    .where(eq(resourcesCentrePushes.assetId, assetId))
    .orderBy(desc(resourcesCentrePushes.createdAt), desc(resourcesCentrePushes.id))
    .limit(100);
  return viewsOf(deps, rows);
}

export async function getPush(deps: Deps, pushId: string): Promise<ResourcesCentrePush> {
  const [row] = await deps.db.select().from(resourcesCentrePushes).where(eq(resourcesCentrePushes.id, pushId));
  if (!row) throw notFound('push');
  return (await viewsOf(deps, [row]))[0]!;
}

/** Makes a push of the asset's current version and makes its first attempt; answers the push. */
export async function pushAsset(deps: Deps, assetId: string, actorId: string | null): Promise<ResourcesCentrePush> {
  const status = await linkStatus(deps.db);
  if (status.reason) throw new AppError('conflict', { detail: status.reason });
  const [asset] = await deps.db
    .select({ id: contentAssets.id, currentVersionId: contentAssets.currentVersionId, archivedAt: contentAssets.archivedAt })
    .from(contentAssets)
    .where(eq(contentAssets.id, assetId));
  if (!asset) throw notFound('asset');
  if (asset.archivedAt) throw new AppError('conflict', { detail: 'An archived asset is not pushed.' });
  if (!asset.currentVersionId) throw new AppError('conflict', { detail: 'The asset has no version to push yet.' });
  const now = deps.now();
  const [push] = await deps.db
    .insert(resourcesCentrePushes)
    .values({ assetId, versionId: asset.currentVersionId, idempotencyKey: randomUUID(), nextAttemptAt: now, createdBy: actorId, createdAt: now, updatedAt: now })
    .returning();
  await attemptPush(deps, push!.id);
  return getPush(deps, push!.id);
}

/** The body sent for a push: the version it names, a download URL for a file, the tracking base. */
export async function buildPushPayload(deps: Deps, push: PushRow): Promise<ResourcesCentrePushPayload | null> {
  const [row] = await deps.db
    .select({ asset: contentAssets, version: contentAssetVersions })
    .from(contentAssets)
    .innerJoin(contentAssetVersions, eq(contentAssetVersions.id, push.versionId))
    .where(eq(contentAssets.id, push.assetId));
  if (!row) return null;
  const { asset, version } = row;
  const now = deps.now();
  const file = version.objectKey
    ? {
        downloadUrl: await getSignedUrl(deps.aws.s3, new GetObjectCommand({ Bucket: deps.config.CONTENT_BUCKET_NAME, Key: version.objectKey }), { expiresIn: DOWNLOAD_URL_SECONDS }),
        fileName: version.fileName,
        contentType: version.contentType,
        sizeBytes: version.sizeBytes,
        expiresAt: new Date(now.getTime() + DOWNLOAD_URL_SECONDS * 1000).toISOString(),
      }
    : null;
  return {
    event: 'asset.published',
    pushId: push.id,
    asset: {
      id: asset.id,
      type: asset.type,
      title: asset.title,
      description: asset.description,
      tags: asset.tags,
      version: version.number,
      subject: version.subject,
      body: version.body,
      url: version.url,
      file,
    },
    tracking: {
      baseUrl: `${deps.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/r`,
      channel: 'resources_centre',
      utm: { utm_source: 'resources_centre', utm_medium: 'content', utm_campaign: asset.id },
    },
    sentAt: now.toISOString(),
  };
}

type Verdict = 'delivered' | 'retry' | 'final';

/**
 * One attempt of a due push: claimed with a conditional update (a push is in one runner's hands at
 * a time), sent, logged, and moved on. Answers false when the push was not due.
 */
export async function attemptPush(deps: Deps, pushId: string): Promise<boolean> {
  const now = deps.now();
  const [push] = await deps.db
    .update(resourcesCentrePushes)
    .set({ attempts: sql`${resourcesCentrePushes.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_SECONDS * 1000), updatedAt: now })
    .where(and(eq(resourcesCentrePushes.id, pushId), eq(resourcesCentrePushes.state, 'pending'), lte(resourcesCentrePushes.nextAttemptAt, now)))
    .returning();
  if (!push) return false;
  const started = performance.now();
  let exchange: Exchange;
  let verdict: Verdict;
  let answer: { id: string; url: string } | null = null;
  const settings = await loadSettings(deps.db);
  const payload = await buildPushPayload(deps, push);
  if (!settings || !settings.enabled || !payload) {
    exchange = { httpStatus: null, text: '', error: !payload ? 'The asset or its version is gone.' : 'The Resources Centre link is not configured or turned off.', refused: false, durationMs: 0 };
    verdict = !payload ? 'final' : 'retry';
  } else {
    let secret: string;
    try {
      secret = await openSecret(linkDepsOf(deps).secrets, settings.secretRef);
    } catch (error) {
      secret = '';
      exchange = { httpStatus: null, text: '', error: `The signing secret could not be read (${error instanceof AppError ? (error.detail ?? error.code) : (error as Error).name}).`, refused: false, durationMs: 0 };
    }
    if (secret) {
      exchange = await sendSigned({
        method: 'POST',
        url: `${settings.endpointUrl}/assets`,
        secret,
        now,
        body: JSON.stringify(payload),
        headers: { [RC_IDEMPOTENCY_HEADER]: push.idempotencyKey },
        timeoutMs: deps.config.DELIVERY_TIMEOUT_MS,
        allowLoopback: deps.config.DELIVERY_ALLOW_PRIVATE_TARGETS,
      });
    }
    exchange ??= { httpStatus: null, text: '', error: 'Not sent.', refused: false, durationMs: 0 };
    const v = exchange.refused ? 'dead' : verdictOf(exchange);
    verdict = v === 'delivered' ? 'delivered' : v === 'retry' ? 'retry' : 'final';
    if (verdict === 'delivered') {
      try {
        answer = pushAnswerSchema.parse(JSON.parse(exchange.text));
      } catch {
        verdict = 'final';
        exchange = { ...exchange, error: `The Resources Centre answered ${exchange.httpStatus} without an id and a page URL.` };
      }
    }
  }
  const at = deps.now();
  const lastAttempt = push.attempts >= deps.config.DELIVERY_MAX_ATTEMPTS;
  const state: PushState = verdict === 'delivered' ? 'delivered' : verdict === 'final' || lastAttempt ? 'failed' : 'pending';
  const error = verdict === 'delivered' ? null : describeExchange(exchange).slice(0, 500);
  await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as typeof deps.db;
    await writeLog(tx, {
      direction: 'push',
      pushId: push.id,
      outcome: verdict === 'delivered' ? 'delivered' : 'failed',
      httpStatus: exchange.httpStatus,
      detail: verdict === 'delivered' ? `Attempt ${push.attempts}: delivered as ${answer!.id}.` : `Attempt ${push.attempts}${state === 'pending' ? ', will retry' : ', final'}: ${error}`,
      durationMs: exchange.durationMs || Math.round(performance.now() - started),
      at,
    });
    await tx
      .update(resourcesCentrePushes)
      .set({
        state,
        nextAttemptAt: state === 'pending' ? new Date(at.getTime() + backoffSeconds(deps.config.DELIVERY_RETRY_BASE_SECONDS, push.attempts) * 1000) : null,
        lastError: error,
        ...(answer ? { remoteId: answer.id, remoteUrl: answer.url, deliveredAt: at } : {}),
        updatedAt: at,
      })
      .where(and(eq(resourcesCentrePushes.id, push.id), eq(resourcesCentrePushes.attempts, push.attempts)));
    if (answer) await tx.update(contentAssets).set({ publicUrl: answer.url, updatedAt: at }).where(eq(contentAssets.id, push.assetId));
    await tx.update(resourcesCentreSettings).set({ lastPushAt: at }).where(eq(resourcesCentreSettings.id, 1));
  });
  return true;
}

/** Sends the pushes whose next attempt is due (oldest first); answers how many were tried. */
export async function retryDuePushes(deps: Deps, limit = 50): Promise<number> {
  const due = await deps.db
    .select({ id: resourcesCentrePushes.id })
    .from(resourcesCentrePushes)
    .where(and(eq(resourcesCentrePushes.state, 'pending'), lte(resourcesCentrePushes.nextAttemptAt, deps.now())))
    .orderBy(asc(resourcesCentrePushes.nextAttemptAt))
    .limit(limit);
  let tried = 0;
  for (const { id } of due) if (await attemptPush(deps, id)) tried++;
  return tried;
}

// Social posts: written as a draft or scheduled for a time (from free text or an asset's version),
// checked against the platform's length limit; edited, rescheduled or cancelled while they wait;
// a failed one goes out again on Retry. Publishing itself is in ./publish.ts.
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import {
  postLength,
  SOCIAL_PLATFORM_LABELS,
  SOCIAL_TEXT_LIMITS,
  type CreatePostInput,
  type ListPostsQuery,
  type SocialPlatform,
  type SocialPostView,
  type UpdatePostInput,
} from '@shared/contracts/content-social';
import { AppError, invalid, notFound } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { contentAssets, contentAssetVersions, socialAccounts, socialPosts, users } from '../../../db/schema';
import { scheduleNameOf } from './scheduler';
import type { SocialKit } from './social-kit';

const userName = sql<string | null>`nullif(trim(concat_ws(' ', ${users.firstName}, ${users.lastName})), '')`;
/** Where a post sits on the calendar: when it went out, else when it is to go, else when it was written. */
export const calendarTime = sql`coalesce(${socialPosts.publishedAt}, ${socialPosts.scheduledAt}, ${socialPosts.createdAt})`;

const iso = (d: Date | null) => d?.toISOString() ?? null;

async function selectPosts(db: Database, where: ReturnType<typeof and>): Promise<SocialPostView[]> {
  const rows = await db
    .select({
      post: socialPosts,
      account: { id: socialAccounts.id, platform: socialAccounts.platform, name: socialAccounts.name, state: socialAccounts.state },
      assetTitle: contentAssets.title,
      createdByName: userName,
    })
    .from(socialPosts)
    .innerJoin(socialAccounts, eq(socialAccounts.id, socialPosts.accountId))
    .leftJoin(contentAssets, eq(contentAssets.id, socialPosts.assetId))
    .leftJoin(users, eq(users.id, socialPosts.createdBy))
    .where(where)
    .orderBy(asc(calendarTime), asc(socialPosts.id))
    .limit(2000);
  return rows.map(({ post, account, assetTitle, createdByName }) => ({
    id: post.id,
    account: { id: account.id, platform: account.platform as SocialPlatform, name: account.name, state: account.state as SocialPostView['account']['state'] },
    body: post.body,
    linkUrl: post.linkUrl,
    asset: post.assetId ? { id: post.assetId, title: assetTitle ?? 'Untitled asset' } : null,
    versionId: post.versionId,
    state: post.state as SocialPostView['state'],
    scheduledAt: iso(post.scheduledAt),
    attempts: post.attempts,
    nextAttemptAt: iso(post.nextAttemptAt),
    lastError: post.lastError,
    externalId: post.externalId,
    externalUrl: post.externalUrl,
    publishedAt: iso(post.publishedAt),
    createdBy: post.createdBy ? { id: post.createdBy, name: createdByName ?? 'Unknown user' } : null,
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
  }));
}

export async function getPost(db: Database, id: string): Promise<SocialPostView> {
  const [post] = await selectPosts(db, and(eq(socialPosts.id, id)));
  if (!post) throw notFound('social post');
  return post;
}

export function listPosts(db: Database, query: ListPostsQuery): Promise<SocialPostView[]> {
  return selectPosts(
    db,
    and(
      gte(calendarTime, new Date(query.from).toISOString()),
      lt(calendarTime, new Date(query.to).toISOString()),
      query.accountId ? eq(socialPosts.accountId, query.accountId) : undefined,
      query.state ? eq(socialPosts.state, query.state) : undefined,
    ),
  );
}

function checkLength(platform: SocialPlatform, body: string, linkUrl: string | null | undefined): void {
  const length = postLength(platform, body, linkUrl);
  const limit = SOCIAL_TEXT_LIMITS[platform];
  if (length > limit) throw invalid('body.body', `is ${length} characters${platform === 'x' && linkUrl ? ' with the link' : ''}; ${SOCIAL_PLATFORM_LABELS[platform]} allows ${limit}`);
}

/** A schedule time a little in the past is the clock of the browser; more than a minute is a mistake. */
function checkWhen(deps: Deps, scheduledAt: string): Date {
  const at = new Date(scheduledAt);
  if (at.getTime() < deps.now().getTime() - 60_000) throw invalid('body.scheduledAt', 'must be in the future');
  if (at.getTime() > deps.now().getTime() + 400 * 86_400_000) throw invalid('body.scheduledAt', 'must be within 400 days');
  return at;
}

async function accountOf(db: Database, accountId: string) {
  const [account] = await db.select({ platform: socialAccounts.platform, state: socialAccounts.state, name: socialAccounts.name }).from(socialAccounts).where(eq(socialAccounts.id, accountId));
  if (!account) throw invalid('body.accountId', 'is not a connected account');
  return { ...account, platform: account.platform as SocialPlatform };
}

function needsConnected(account: { state: string; name: string; platform: SocialPlatform }): void {
  if (account.state !== 'connected') {
    throw invalid('body.accountId', `is ${account.state}: connect ${account.name} on ${SOCIAL_PLATFORM_LABELS[account.platform]} again before scheduling`);
  }
}

/** Tells the scheduler; a failure is logged and left to the due-posts job, which catches missed posts. */
async function arrange(deps: Deps, kit: SocialKit, postId: string, at: Date): Promise<void> {
  try {
    const name = await kit.scheduler.schedule(postId, at);
    if (name) await deps.db.update(socialPosts).set({ scheduleName: name }).where(eq(socialPosts.id, postId));
  } catch (error) {
    deps.logger.error('social post schedule not made; the due-posts job will publish it', { postId, error: (error as Error).name });
  }
}

async function unarrange(deps: Deps, kit: SocialKit, scheduleName: string | null): Promise<void> {
  if (!scheduleName) return;
  await kit.scheduler.cancel(scheduleName).catch((error: unknown) => deps.logger.error('social post schedule not deleted', { scheduleName, error: (error as Error).name }));
}

export async function createPost(deps: Deps, kit: SocialKit, input: CreatePostInput, userId: string | null): Promise<SocialPostView> {
  const account = await accountOf(deps.db, input.accountId);
  checkLength(account.platform, input.body, input.linkUrl);
  if (input.assetId) {
    const [asset] = await deps.db.select({ id: contentAssets.id }).from(contentAssets).where(eq(contentAssets.id, input.assetId));
    if (!asset) throw invalid('body.assetId', 'is not an asset of the library');
    if (input.versionId) {
      const [version] = await deps.db
        .select({ id: contentAssetVersions.id })
        .from(contentAssetVersions)
        .where(and(eq(contentAssetVersions.id, input.versionId), eq(contentAssetVersions.assetId, input.assetId)));
      if (!version) throw invalid('body.versionId', 'is not a version of that asset');
    }
  } else if (input.versionId) {
    throw invalid('body.versionId', 'needs its assetId');
  }
  const at = input.scheduledAt ? checkWhen(deps, input.scheduledAt) : null;
  if (at) needsConnected(account);
  const now = deps.now();
  const [row] = await deps.db
    .insert(socialPosts)
    .values({
      accountId: input.accountId,
      body: input.body,
      linkUrl: input.linkUrl ?? null,
      assetId: input.assetId ?? null,
      versionId: input.versionId ?? null,
      state: at ? 'scheduled' : 'draft',
      scheduledAt: at,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: socialPosts.id });
  if (at) await arrange(deps, kit, row!.id, at);
  return getPost(deps.db, row!.id);
}

/** A draft or scheduled post changed: its text, link, or time (null makes it a draft again). 409 once it is going out. */
export async function updatePost(deps: Deps, kit: SocialKit, id: string, input: UpdatePostInput): Promise<SocialPostView> {
  const [current] = await deps.db.select().from(socialPosts).where(eq(socialPosts.id, id));
  if (!current) throw notFound('social post');
  if (current.state !== 'draft' && current.state !== 'scheduled') throw new AppError('conflict', { detail: `Only a draft or scheduled post can be changed; this one is ${current.state}.` });
  const account = await accountOf(deps.db, current.accountId);
  const body = input.body ?? current.body;
  const linkUrl = input.linkUrl === undefined ? current.linkUrl : input.linkUrl;
  checkLength(account.platform, body, linkUrl);
  const at = input.scheduledAt === undefined ? current.scheduledAt : input.scheduledAt === null ? null : checkWhen(deps, input.scheduledAt);
  const state = input.scheduledAt === undefined ? current.state : at ? 'scheduled' : 'draft';
  if (state === 'scheduled') needsConnected(account);
  const [moved] = await deps.db
    .update(socialPosts)
    .set({ body, linkUrl, scheduledAt: at, state, scheduleName: state === 'scheduled' ? current.scheduleName : null, updatedAt: deps.now() })
    // Not if the timer claimed it meanwhile.
    .where(and(eq(socialPosts.id, id), inArray(socialPosts.state, ['draft', 'scheduled'])))
    .returning({ id: socialPosts.id });
  if (!moved) throw new AppError('conflict', { detail: 'The post started going out while you changed it.' });
  if (state === 'scheduled' && at && (current.state !== 'scheduled' || current.scheduledAt?.getTime() !== at.getTime())) await arrange(deps, kit, id, at);
  if (state === 'draft') await unarrange(deps, kit, current.scheduleName);
  return getPost(deps.db, id);
}

/** A scheduled or failed post will not go out (409 for any other). */
export async function cancelPost(deps: Deps, kit: SocialKit, id: string): Promise<SocialPostView> {
  const [moved] = await deps.db
    .update(socialPosts)
    .set({ state: 'cancelled', nextAttemptAt: null, scheduleName: null, updatedAt: deps.now() })
    .where(and(eq(socialPosts.id, id), inArray(socialPosts.state, ['scheduled', 'failed', 'draft'])))
    .returning({ id: socialPosts.id });
  const [row] = await deps.db.select({ state: socialPosts.state, scheduleName: socialPosts.scheduleName }).from(socialPosts).where(eq(socialPosts.id, id));
  if (!row) throw notFound('social post');
  if (!moved) throw new AppError('conflict', { detail: `Only a draft, scheduled or failed post can be cancelled; this one is ${row.state}.` });
  await unarrange(deps, kit, scheduleNameOf(id));
  return getPost(deps.db, id);
}

/** A failed post goes out again now, with a fresh round of automatic attempts (409 for any other). */
export async function retryPost(deps: Deps, kit: SocialKit, id: string): Promise<SocialPostView> {
  const [current] = await deps.db.select({ state: socialPosts.state, accountId: socialPosts.accountId }).from(socialPosts).where(eq(socialPosts.id, id));
  if (!current) throw notFound('social post');
  if (current.state !== 'failed') throw new AppError('conflict', { detail: `Only a failed post is retried; this one is ${current.state}.` });
  needsConnected(await accountOf(deps.db, current.accountId));
  const now = deps.now();
  const [moved] = await deps.db
    .update(socialPosts)
    .set({ state: 'scheduled', scheduledAt: now, attempts: 0, nextAttemptAt: null, updatedAt: now })
    .where(and(eq(socialPosts.id, id), eq(socialPosts.state, 'failed')))
    .returning({ id: socialPosts.id });
  if (!moved) throw new AppError('conflict', { detail: 'The post is already going out again.' });
  await arrange(deps, kit, id, now);
  return getPost(deps.db, id);
}

/** A draft or cancelled post is removed (409 for any other: their history stays). */
export async function deletePost(deps: Deps, id: string): Promise<void> {
  const [gone] = await deps.db
    .delete(socialPosts)
    .where(and(eq(socialPosts.id, id), inArray(socialPosts.state, ['draft', 'cancelled'])))
    .returning({ id: socialPosts.id });
  if (gone) return;
  const [row] = await deps.db.select({ state: socialPosts.state }).from(socialPosts).where(eq(socialPosts.id, id));
  if (!row) throw notFound('social post');
  throw new AppError('conflict', { detail: `Only a draft or cancelled post can be deleted; this one is ${row.state}.` });
}

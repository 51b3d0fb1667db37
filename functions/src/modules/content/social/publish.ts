// Publishing one post, and the job that publishes due ones. A post is claimed with one conditional
// UPDATE (scheduled and due, or failed with its next attempt due → publishing), so a schedule that
// fires twice, the job running beside it or two ticks at once send it once. A platform's failure
// leaves it failed with the reason; a passing one (429, 5xx, no answer) is tried again
// automatically after RETRY_BASE_SECONDS × 2^(attempt − 1) (or the platform's Retry-After), at most
// MAX_AUTOMATIC_ATTEMPTS times; a refused token marks the account expired.
import { and, eq, lte, or, sql } from 'drizzle-orm';
import { SOCIAL_PLATFORM_LABELS, type SocialPlatform } from '@shared/contracts/content-social';
import type { Deps, ScheduledJob } from '../../../core/deps';
import { socialAccounts, socialPosts } from '../../../db/schema';
import { NO_TOKEN } from './accounts';
import { SocialError } from './platforms';
import { socialKitOf, type SocialKit } from './social-kit';

export const MAX_AUTOMATIC_ATTEMPTS = 4;
export const RETRY_BASE_SECONDS = 60;
/** On AWS a schedule fires each post; the job only takes posts still waiting this long after their time. */
export const MISSED_SCHEDULE_GRACE_SECONDS = 60;
/** A post left publishing this long was interrupted (its Lambda died); a person checks the platform and retries. */
export const STUCK_PUBLISHING_SECONDS = 300;

export type PublishOutcome = 'published' | 'failed' | 'retrying' | 'skipped';

const due = (now: Date) =>
  or(
    and(eq(socialPosts.state, 'scheduled'), lte(socialPosts.scheduledAt, now)),
    and(eq(socialPosts.state, 'failed'), lte(socialPosts.nextAttemptAt, now)),
  );

export function backoffSeconds(attempt: number, retryAfterSeconds: number | null): number {
  return Math.max(retryAfterSeconds ?? 0, RETRY_BASE_SECONDS * 2 ** Math.max(0, attempt - 1));
}

/** Publishes the post if it is due and nobody else has it; answers what became of it. */
export async function publishPost(deps: Deps, kit: SocialKit, postId: string): Promise<PublishOutcome> {
  const now = deps.now();
  const [post] = await deps.db
    .update(socialPosts)
    .set({ state: 'publishing', attempts: sql`${socialPosts.attempts} + 1`, nextAttemptAt: null, updatedAt: now })
    .where(and(eq(socialPosts.id, postId), due(now)))
    .returning();
  if (!post) return 'skipped';
  const [account] = await deps.db.select().from(socialAccounts).where(eq(socialAccounts.id, post.accountId));
  const platform = account!.platform as SocialPlatform;

  const fail = async (reason: string, retry: { afterSeconds: number } | null): Promise<PublishOutcome> => {
    const at = deps.now();
    const next = retry && post.attempts < MAX_AUTOMATIC_ATTEMPTS ? new Date(at.getTime() + retry.afterSeconds * 1000) : null;
    await deps.db
      .update(socialPosts)
      .set({ state: 'failed', lastError: reason.slice(0, 1000), nextAttemptAt: next, updatedAt: at })
      .where(and(eq(socialPosts.id, postId), eq(socialPosts.state, 'publishing')));
    if (next) {
      await kit.scheduler.schedule(postId, next).catch((error: unknown) => deps.logger.error('social post retry schedule not made; the due-posts job will retry', { postId, error: (error as Error).name }));
    }
    deps.logger.warn('social post not published', { postId, platform, attempt: post.attempts, retryAt: next?.toISOString() ?? null });
    return next ? 'retrying' : 'failed';
  };

  if (account!.state !== 'connected' || account!.tokenRef === NO_TOKEN) {
    return fail(`The ${SOCIAL_PLATFORM_LABELS[platform]} account ${account!.name} is ${account!.state}: connect it again, then retry.`, null);
  }
  let published;
  try {
    const token = await kit.secrets.open(account!.id, account!.tokenRef);
    published = await kit.adapters[platform].publish(token, account!.externalId, { text: post.body, link: post.linkUrl });
  } catch (error) {
    if (error instanceof SocialError) {
      if (error.kind === 'auth') {
        await deps.db.update(socialAccounts).set({ state: 'expired', lastError: error.message.slice(0, 1000), updatedAt: deps.now() }).where(eq(socialAccounts.id, account!.id));
      }
      return fail(error.message, error.retryable ? { afterSeconds: backoffSeconds(post.attempts, error.retryAfterSeconds) } : null);
    }
    deps.logger.error('social post publishing failed unexpectedly', { postId, error: (error as Error).name });
    return fail(`Publishing failed unexpectedly (${(error as Error).message.slice(0, 200)}).`, { afterSeconds: backoffSeconds(post.attempts, null) });
  }
  await deps.db
    .update(socialPosts)
    .set({ state: 'published', externalId: published.id, externalUrl: published.url, publishedAt: deps.now(), lastError: null, nextAttemptAt: null, scheduleName: null, updatedAt: deps.now() })
    .where(eq(socialPosts.id, postId));
  deps.logger.info('social post published', { postId, platform });
  return 'published';
}

/**
 * Publishes due posts (on AWS only those a schedule missed), and gives up on posts left publishing by
 * an interrupted run: they fail with a reason rather than go out twice. Answers the outcomes.
 */
export async function publishDuePosts(deps: Deps, kit: SocialKit, limit = 25): Promise<Record<string, PublishOutcome>> {
  const now = deps.now();
  await deps.db
    .update(socialPosts)
    .set({ state: 'failed', nextAttemptAt: null, lastError: 'Publishing was interrupted: check the platform for the post before retrying.', updatedAt: now })
    .where(and(eq(socialPosts.state, 'publishing'), lte(socialPosts.updatedAt, new Date(now.getTime() - STUCK_PUBLISHING_SECONDS * 1000))));
  const cutoff = kit.scheduler.firesPosts ? new Date(now.getTime() - MISSED_SCHEDULE_GRACE_SECONDS * 1000) : now;
  const rows = await deps.db
    .select({ id: socialPosts.id })
    .from(socialPosts)
    .where(due(cutoff))
    .orderBy(sql`coalesce(${socialPosts.nextAttemptAt}, ${socialPosts.scheduledAt})`)
    .limit(limit);
  const outcomes: Record<string, PublishOutcome> = {};
  for (const { id } of rows) outcomes[id] = await publishPost(deps, kit, id);
  return outcomes;
}

export const publishDueSocialPostsJob: ScheduledJob = {
  name: 'social-publish-due',
  everySeconds: 5,
  runAtStartup: true,
  run: async (deps) => {
    await publishDuePosts(deps, socialKitOf(deps));
  },
};

/** What the content-publish Lambda calls: one post, with the configuration's platforms, token store and scheduler. */
export const publishScheduledPost = (deps: Deps, postId: string): Promise<PublishOutcome> => publishPost(deps, socialKitOf(deps), postId);

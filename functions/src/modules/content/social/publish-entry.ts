// Publishing one scheduled social post, by its id: what the post's one-off EventBridge Scheduler
// schedule (functions/src/handlers/content-publish.ts) and the local stack's timer call.
import type { Deps } from '../../../core/deps';

export interface PublishOutcome {
  postId: string;
  status: string;
}

export async function publishScheduledPost(_deps: Deps, postId: string): Promise<PublishOutcome> {
  throw new Error(`Publishing scheduled post ${postId} is not wired: the social part provides it.`);
}

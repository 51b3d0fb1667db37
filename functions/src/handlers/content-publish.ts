// Lambda entry point of a scheduled social post: the post's one-off EventBridge Scheduler schedule
// (in CONTENT_SCHEDULE_GROUP, made by the content API) invokes it with `{ "postId": "<uuid>" }`, and
// it publishes the post to its platform. An event without a post id fails loudly, so a malformed
// schedule shows up as failed invocations instead of silence.
import { z } from 'zod';
import { getDeps } from '../deps';
import { publishScheduledPost, type PublishOutcome } from '../modules/content';

export interface PublishEvent {
  postId: string;
}

export class BadPublishEventError extends Error {
  override name = 'BadPublishEventError';
}

const eventSchema = z.object({ postId: z.string().uuid() });

/** The post id of a schedule's event, or an error naming what is wrong. */
export function postIdOf(event: unknown): string {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) throw new BadPublishEventError(`A scheduled post's event must be {"postId": "<uuid>"} (got ${JSON.stringify(event) ?? 'nothing'}).`);
  return parsed.data.postId;
}

export async function handler(event: PublishEvent): Promise<PublishOutcome> {
  const postId = postIdOf(event);
  return publishScheduledPost(await getDeps(), postId);
}

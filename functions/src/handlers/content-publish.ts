// Lambda entry point of one scheduled social post: its one-off EventBridge Scheduler schedule invokes
// it with {"postId"} at the post's time. Publishing claims the post only if it is still scheduled
// and due, so a repeated invocation (or the due-posts job beside it) sends it once.
import { getDeps } from '../deps';
import { publishScheduledPost, type PublishOutcome } from '../modules/content';

export const handler = async (event: { postId?: unknown }): Promise<{ postId: string; outcome: PublishOutcome }> => {
  if (typeof event?.postId !== 'string') throw new Error(`A content-publish event carries {"postId": "<uuid>"}; got ${JSON.stringify(event)}.`);
  const deps = await getDeps();
  return { postId: event.postId, outcome: await publishScheduledPost(deps, event.postId) };
};

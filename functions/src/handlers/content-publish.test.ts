import { describe, expect, it } from 'vitest';
import { BadPublishEventError, postIdOf } from './content-publish';

describe('the scheduled post Lambda', () => {
  it('takes the post id of its schedule’s event', () => {
    const postId = '0b9f3c4e-2a51-4a55-9d1e-6b1f0c2d3e4f';
    expect(postIdOf({ postId })).toBe(postId);
  });

  it('refuses an event without a post id, or with one that is not a uuid', () => {
    for (const event of [undefined, null, {}, { postId: '' }, { postId: 'post-1' }, { postId: 42 }, 'postId', { job: 'content.publish' }]) {
      expect(() => postIdOf(event), JSON.stringify(event)).toThrow(BadPublishEventError);
    }
    expect(() => postIdOf({ postId: 'post-1' })).toThrow(/"postId": "<uuid>"/);
  });
});

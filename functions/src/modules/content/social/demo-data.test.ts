// The social demo: three accounts connected through the stand-in's demo tokens (or, without the
// stand-in, sealed placeholders marked disconnected), ten posts around today in every state the
// calendar shows, made once.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SOCIAL_TOKENS, startSocialStandin, type SocialStandin } from '../../../../../infra/local/emulators/social-standin';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { socialAccounts, socialPosts } from '../../../db/schema';
import { seedSocialDemo } from './demo-data';

let standin: SocialStandin;
const contexts: TestContext[] = [];

const deps = async () => {
  const ctx = await createTestDeps({
    env: { CONTENT_SECRET_KEY: randomBytes(32).toString('base64'), SOCIAL_LINKEDIN_BASE_URL: standin.url, SOCIAL_X_BASE_URL: standin.url, SOCIAL_FACEBOOK_BASE_URL: standin.url },
  });
  contexts.push(ctx);
  return ctx.deps;
};

beforeAll(async () => {
  standin = await startSocialStandin();
});

afterAll(async () => {
  await standin?.stop();
  for (const ctx of contexts) await ctx.close();
});

describe('the social demo', () => {
  it('connects three accounts with the stand-in’s demo tokens and fills the calendar, once', async () => {
    const d = await deps();
    const tokens = { linkedin: DEMO_SOCIAL_TOKENS.linkedin.token, x: DEMO_SOCIAL_TOKENS.x.token, facebook: DEMO_SOCIAL_TOKENS.facebook.token };
    expect(await seedSocialDemo(d, { tokens })).toEqual({ accounts: 3, connected: true, posts: 10 });
    const accounts = await d.db.select().from(socialAccounts);
    expect(accounts.map((a) => a.state)).toEqual(['connected', 'connected', 'connected']);
    expect(accounts.every((a) => a.tokenRef.startsWith('aesgcm:v1:'))).toBe(true);
    const posts = await d.db.select().from(socialPosts);
    const states = posts.map((p) => p.state);
    expect(states.filter((s) => s === 'published')).toHaveLength(4);
    expect(states.filter((s) => s === 'scheduled')).toHaveLength(4);
    expect(posts.find((p) => p.state === 'failed')!.lastError).toContain('429');
    expect(posts.filter((p) => p.state === 'scheduled').every((p) => p.scheduledAt!.getTime() > Date.now())).toBe(true);
    expect(await seedSocialDemo(d, { tokens })).toBeNull();
  });

  it('keeps placeholder accounts disconnected without the stand-in', async () => {
    const d = await deps();
    expect(await seedSocialDemo(d)).toMatchObject({ connected: false });
    const accounts = await d.db.select().from(socialAccounts);
    expect(accounts.map((a) => a.state)).toEqual(['disconnected', 'disconnected', 'disconnected']);
    expect(JSON.stringify(accounts)).not.toContain('placeholder-');
  });
});

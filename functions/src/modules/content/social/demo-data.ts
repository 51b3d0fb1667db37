// Demo data for social publishing (`npm start -- --demo`): a LinkedIn, an X and a Facebook account,
// connected with the social stand-in's demo tokens when it runs (the caller passes them), else with
// sealed placeholder tokens and marked disconnected; and ten posts around today: published last
// week, one failed with the platform's reason, scheduled over the next days, a draft. Made once: a
// database with accounts is left alone.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { SocialPlatform } from '@shared/contracts/content-social';
import type { Deps } from '../../../core/deps';
import { socialAccounts, socialPosts } from '../../../db/schema';
import { connectAccount } from './accounts';
import { socialKitOf } from './social-kit';

export interface SocialDemoReport {
  accounts: number;
  connected: boolean;
  posts: number;
}

const PLACEHOLDERS: Record<SocialPlatform, { externalId: string; name: string }> = {
  linkedin: { externalId: 'urn:li:person:Dm8aPivotal', name: 'Pivotal Demand Team' },
  x: { externalId: '1700000000000000001', name: 'Pivotal CRM (@pivotalcrm)' },
  facebook: { externalId: '104200000000001', name: 'Pivotal CRM Page' },
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function seedSocialDemo(deps: Deps, options: { tokens?: Record<SocialPlatform, string> | null } = {}): Promise<SocialDemoReport | null> {
  const [any] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(socialAccounts);
  if (Number(any?.n ?? 0) > 0) return null;
  const kit = socialKitOf(deps);
  const ids = {} as Record<SocialPlatform, string>;
  const connected = Boolean(options.tokens);
  for (const platform of ['linkedin', 'x', 'facebook'] as const) {
    if (options.tokens) {
      ids[platform] = (await connectAccount(deps, kit, { platform, accessToken: options.tokens[platform] }, null)).id;
    } else {
      const id = randomUUID();
      await deps.db.insert(socialAccounts).values({
        id,
        platform,
        ...PLACEHOLDERS[platform],
        tokenRef: await kit.secrets.seal(id, `placeholder-${platform}-token`),
        state: 'disconnected',
        lastError: 'Demo account: connect it with a real access token to publish.',
      });
      ids[platform] = id;
    }
  }

  const now = deps.now().getTime();
  const day = (offset: number, hour: number) => new Date(Math.floor(now / DAY) * DAY + offset * DAY + hour * HOUR);
  const link = 'https://resources.example.com/zero-trust-playbook';
  const published = (platform: SocialPlatform, offset: number, hour: number, body: string, linkUrl: string | null = null) => {
    const at = day(offset, hour);
    const externalId = platform === 'linkedin' ? `urn:li:share:7${Math.abs(offset)}${hour}00000000` : platform === 'x' ? `18000000000000${Math.abs(offset)}${hour}` : `${PLACEHOLDERS.facebook.externalId}_${Math.abs(offset)}${hour}`;
    const externalUrl = platform === 'linkedin' ? `https://www.linkedin.com/feed/update/${externalId}/` : platform === 'x' ? `https://x.com/i/web/status/${externalId}` : `https://www.facebook.com/${externalId}`;
    return { accountId: ids[platform], body, linkUrl, state: 'published', scheduledAt: at, publishedAt: at, attempts: 1, externalId, externalUrl, createdAt: new Date(at.getTime() - DAY) };
  };
  const scheduled = (platform: SocialPlatform, offset: number, hour: number, body: string, linkUrl: string | null = null) => ({
    accountId: ids[platform],
    body,
    linkUrl,
    state: 'scheduled',
    scheduledAt: day(offset, hour),
    createdAt: new Date(now - HOUR),
  });
  const rows = [
    published('linkedin', -7, 9, 'Zero trust is not a product you buy. It is a plan you run. Our new playbook walks CIOs through the first 90 days.', link),
    published('x', -6, 14, 'Zero trust in 90 days: identity first, then segmentation. The playbook is out.', link),
    published('facebook', -5, 11, 'New on the blog: five questions to ask before your next security audit.'),
    published('linkedin', -3, 16, 'Thank you to everyone who joined Tuesday’s webinar on pipeline attribution. The recording is live.'),
    {
      accountId: ids.x,
      body: 'Join us live on Thursday: building an ABM program that sales trusts.',
      state: 'failed',
      scheduledAt: day(-2, 15),
      attempts: 4,
      lastError: 'X answered 429 while publishing the post: Too Many Requests.',
      createdAt: day(-3, 10),
    },
    scheduled('linkedin', 1, 9, 'Webinar next week: how demand-gen teams measure content that actually converts. Save your seat.', link),
    scheduled('x', 1, 13, 'What does a good MQL look like in 2027? Thread coming Thursday.'),
    scheduled('facebook', 2, 10, 'Our customer story with a 40-person SaaS team is live.'),
    scheduled('linkedin', 4, 8, 'Five lessons from a year of account-based campaigns.'),
    { accountId: ids.x, body: 'Draft: teaser for the Q1 benchmark report.', state: 'draft', createdAt: new Date(now - 2 * HOUR) },
  ];
  await deps.db.insert(socialPosts).values(rows.map((r) => ({ ...r, updatedAt: r.createdAt })));
  return { accounts: 3, connected, posts: rows.length };
}

// Social publishing's API shapes: connected accounts (LinkedIn, X, Facebook; a token pasted here,
// verified with the platform, sealed at rest) and posts (draft → scheduled → publishing →
// published | failed, or cancelled) placed on a calendar.
//
// Routes (staff, under /api/content/social):
//   accounts                 GET (the connected accounts, never their tokens)                      content.read
//   accounts                 POST {platform, accessToken} (verified, sealed; reconnects the same one) content.configure
//   accounts/:accountId      DELETE (disconnect: the token is forgotten, the account kept as disconnected) content.configure
//   posts                    GET (from, to, accountId?, state?: the calendar's posts)                content.read
//   posts                    POST {accountId, body, linkUrl?, assetId?, versionId?, scheduledAt?}   content.create
//   posts/:postId            GET, PATCH {body?, linkUrl?, scheduledAt?} (a draft or scheduled post), DELETE (a draft or cancelled one)  content.read; content.create
//   posts/:postId/cancel     POST (a scheduled or failed post)                                       content.create
//   posts/:postId/retry      POST (a failed post goes out again now)                                 content.create
import { z } from 'zod';

const uuid = z.string().uuid('is not an id');

export const SOCIAL_PLATFORMS = ['linkedin', 'x', 'facebook'] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

export const SOCIAL_PLATFORM_LABELS: Record<SocialPlatform, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
};

/** The most characters a post's text may have on each platform (a link counts apart). */
export const SOCIAL_TEXT_LIMITS: Record<SocialPlatform, number> = {
  linkedin: 3000,
  x: 280,
  facebook: 63206,
};

/** Characters a link takes in an X post (t.co shortens every link to 23). */
export const X_LINK_LENGTH = 23;

/** The characters a post counts against its platform's limit: X counts its link too (as 23 + a space). */
export function postLength(platform: SocialPlatform, body: string, linkUrl?: string | null): number {
  const text = [...body].length;
  return platform === 'x' && linkUrl ? text + 1 + X_LINK_LENGTH : text;
}

export const SOCIAL_ACCOUNT_STATES = ['connected', 'disconnected', 'expired'] as const;
export type SocialAccountState = (typeof SOCIAL_ACCOUNT_STATES)[number];

export const SOCIAL_POST_STATES = ['draft', 'scheduled', 'publishing', 'published', 'failed', 'cancelled'] as const;
export type SocialPostState = (typeof SOCIAL_POST_STATES)[number];
export const SOCIAL_POST_STATE_LABELS: Record<SocialPostState, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  publishing: 'Publishing',
  published: 'Published',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export interface SocialAccountView {
  id: string;
  platform: SocialPlatform;
  name: string;
  externalId: string;
  state: SocialAccountState;
  lastError: string | null;
  tokenExpiresAt: string | null;
  connectedBy: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
}

export const connectAccountSchema = z.strictObject({
  platform: z.enum(SOCIAL_PLATFORMS),
  /** The account's OAuth access token (for Facebook, the page's token). */
  accessToken: z.string().trim().min(8, 'is too short to be an access token').max(4096),
  tokenExpiresAt: z.string().datetime({ offset: true, message: 'must be a date-time such as 2027-01-31T12:00:00Z' }).optional(),
});
export type ConnectAccountInput = z.infer<typeof connectAccountSchema>;

export const accountParams = z.strictObject({ accountId: uuid });
export const postParams = z.strictObject({ postId: uuid });

export interface SocialPostView {
  id: string;
  account: { id: string; platform: SocialPlatform; name: string; state: SocialAccountState };
  body: string;
  linkUrl: string | null;
  asset: { id: string; title: string } | null;
  versionId: string | null;
  state: SocialPostState;
  scheduledAt: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  externalId: string | null;
  externalUrl: string | null;
  publishedAt: string | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
}

const dateTime = z.string().datetime({ offset: true, message: 'must be a date-time such as 2027-01-31T09:30:00Z' });
const linkUrl = z.string().trim().url('must be a URL such as https://example.com/whitepaper').max(2000);

export const createPostSchema = z.strictObject({
  accountId: uuid,
  body: z.string().trim().min(1, 'must not be empty').max(SOCIAL_TEXT_LIMITS.facebook),
  linkUrl: linkUrl.nullish(),
  assetId: uuid.nullish(),
  versionId: uuid.nullish(),
  /** When it goes out; absent or null keeps it as a draft. */
  scheduledAt: dateTime.nullish(),
});
export type CreatePostInput = z.infer<typeof createPostSchema>;

export const updatePostSchema = z.strictObject({
  body: z.string().trim().min(1, 'must not be empty').max(SOCIAL_TEXT_LIMITS.facebook).optional(),
  linkUrl: linkUrl.nullish(),
  /** A date-time schedules (or reschedules) it; null makes a scheduled post a draft again. */
  scheduledAt: dateTime.nullish(),
});
export type UpdatePostInput = z.infer<typeof updatePostSchema>;

export const listPostsQuerySchema = z
  .strictObject({
    from: dateTime,
    to: dateTime,
    accountId: uuid.optional(),
    state: z.enum(SOCIAL_POST_STATES).optional(),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 100 * 86_400_000, { message: 'must be at most 100 days after from', path: ['to'] });
export type ListPostsQuery = z.infer<typeof listPostsQuerySchema>;

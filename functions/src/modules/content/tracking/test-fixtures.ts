// Test fixtures of campaign links and tracking URLs: a fresh database with a user of every role,
// the tracking routes and the activity module's timeline behind the real handler kit wired as the
// root wires them, a clock that moves only when told, and assets, campaigns, contacts and leads
// written as rows.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Role } from '@shared/roles';
import type { AssetType } from '@shared/contracts/content';
import { createHttpHandler, type HttpHandler } from '../../../http/create-http-handler';
import { FAST_AUTH_ENV, testClock, usersForEveryRole, type TestClock } from '../../../../test/support/identity-fixtures';
import { invoke, type InvokeRequest, type InvokeResponse } from '../../../../test/support/invoke';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { activityModule, contentHooks } from '../../../composition';
import { insertContacts } from '../../compliance/testing';
import { trackingRoutes } from './routes';

export const TEST_TRACKING_SECRET = 'test-tracking-secret-0123456789-abcdefghij';
export const BASE_URL = 'https://crm.example.com';

export interface TrackingTestContext extends TestContext {
  clock: TestClock;
  tokens: Record<Role, string>;
  userIds: Record<Role, string>;
  content: HttpHandler;
  activity: HttpHandler;
  /** Calls the tracking routes as a role (default content_creator) or without a token (`as: null`). */
  call<T = unknown>(request: Omit<InvokeRequest, 'token'> & { as?: Role | null }): Promise<InvokeResponse<T>>;
}

export async function createTrackingTestContext(): Promise<TrackingTestContext> {
  // Real time (access tokens are checked against it), moved only when a test says so.
  const clock = testClock();
  const ctx = await createTestDeps({ env: { ...FAST_AUTH_ENV, TRACKING_SECRET: TEST_TRACKING_SECRET, PUBLIC_BASE_URL: BASE_URL }, now: clock.now });
  const { tokens, userIds } = await usersForEveryRole(ctx.deps);
  const content = createHttpHandler({ name: 'content', routes: trackingRoutes(contentHooks) }, { deps: async () => ctx.deps });
  const activity = createHttpHandler(activityModule, { deps: async () => ctx.deps });
  return {
    ...ctx,
    clock,
    tokens,
    userIds,
    content,
    activity,
    call: ({ as = 'content_creator', ...request }) => invoke(content, { ...request, ...(as ? { token: tokens[as] } : {}) }),
  };
}

/** An asset with one current version (text, a video link's url, a file's key) written as rows. */
export async function insertAsset(
  t: TestContext,
  input: { title: string; type?: AssetType; publicUrl?: string | null; body?: string; url?: string; objectKey?: string; archived?: boolean },
): Promise<string> {
  const assetId = randomUUID();
  const versionId = randomUUID();
  await t.deps.db.execute(
    sql`insert into content_assets (id, type, title, public_url, archived_at) values (${assetId}::uuid, ${input.type ?? 'landing_copy'}, ${input.title},
      ${input.publicUrl ?? null}, ${input.archived ? sql`now()` : sql`null`})`,
  );
  await t.deps.db.execute(
    sql`insert into content_asset_versions (id, asset_id, number, source, body, url, object_key, file_name, content_type)
      values (${versionId}::uuid, ${assetId}::uuid, 1, ${input.objectKey ? 'upload' : 'edit'}, ${input.body ?? null}, ${input.url ?? null},
              ${input.objectKey ?? null}, ${input.objectKey ? 'guide.pdf' : null}, ${input.objectKey ? 'application/pdf' : null})`,
  );
  await t.deps.db.execute(sql`update content_assets set current_version_id = ${versionId}::uuid where id = ${assetId}::uuid`);
  return assetId;
}

export async function insertEmailCampaign(t: TestContext, name: string): Promise<string> {
  const id = randomUUID();
  await t.deps.db.execute(sql`insert into email_campaigns (id, name, status) values (${id}::uuid, ${name}, 'draft')`);
  return id;
}

export async function insertCallCampaign(t: TestContext, name: string): Promise<string> {
  const id = randomUUID();
  await t.deps.db.execute(sql`insert into call_campaigns (id, name, seller_name, seller_phone) values (${id}::uuid, ${name}, 'Pivotal', '+12125550199')`);
  return id;
}

export async function insertContact(t: TestContext, fullName: string): Promise<string> {
  const [id] = await insertContacts(t.deps.db, [{ email: `${fullName.toLowerCase().replace(/\W+/g, '.')}@example.com`, fullName }]);
  return id!;
}

export async function insertLead(t: TestContext, input: { campaignId: string; campaignKind: 'email' | 'call'; contactId: string }): Promise<string> {
  const id = randomUUID();
  await t.deps.db.execute(
    sql`insert into leads (id, source, campaign_id, campaign_kind, contact_id) values (${id}::uuid, 'manual', ${input.campaignId}::uuid, ${input.campaignKind}, ${input.contactId}::uuid)`,
  );
  return id;
}

/** The path of a tracking URL (`/r/{code}.{sig}`). */
export const pathOf = (url: string) => new URL(url).pathname;

export const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

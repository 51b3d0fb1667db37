// The sending engine with the production kit against the local SES stand-in answering a fifth of
// SendEmail calls with throttling: every admitted recipient gets exactly one message (counted per
// address in the emulator's store), personalized, with signed tracking links and the RFC 8058
// headers; the rate gate in dynalite paces the batches.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEmailDocument } from '@shared/contracts/email-content';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { ensureMainTable, startDynamo, type DynamoEmulator } from '../../../../../infra/local/emulators/dynamo';
import { startSesWithStandin, type SesStandin } from '../../../../../infra/local/emulators/ses-standin';
import { queryOne } from '../../../db/rows';
import { emailHooks } from '../../../composition';
import { emailAssetUrl } from '../asset-url';
import { verifyTrackingToken } from '../content';
import { saveVariantContent } from '../campaigns/variant-content';
import { findVariant } from '../campaigns/service';
import { sendBatch } from './batch-sender';
import { finaliseSend, prepareSend } from './engine';
import { createSendingKit } from './kit';
import { listOf, person, recipientStates, sendingCampaign, suppress, verifiedSender } from './test-fixtures';
import { emailCampaigns } from '../../../db/schema';

const SECRET = 'kit-test-tracking-secret-0123456789abcdef';

interface StoredMail {
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: Array<{ name: string; value: string }>;
}

async function storedMail(ses: SesStandin): Promise<StoredMail[]> {
  const res = await fetch(`${ses.endpoint}/store`);
  return ((await res.json()) as { emails: StoredMail[] }).emails;
}

describe('sending through the production kit and the SES stand-in', () => {
  let ctx: TestContext;
  let ses: SesStandin;
  let dynamo: DynamoEmulator;

  beforeAll(async () => {
    [ses, dynamo] = await Promise.all([startSesWithStandin({ throttleFraction: 0.2, seed: 7 }), startDynamo({})]);
    await ensureMainTable(dynamo.endpoint, 'pivotal-kit', 'us-east-1');
    ctx = await createTestDeps({
      env: {
        SES_ENDPOINT: ses.endpoint,
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        TABLE_NAME: 'pivotal-kit',
        TRACKING_SECRET: SECRET,
        PUBLIC_BASE_URL: 'https://crm.example.com',
        EMAIL_BATCH_SIZE: '25',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await ctx?.close();
    await ses?.stop();
    await dynamo?.stop();
  });

  it('sends every admitted recipient exactly once despite a fifth of the calls throttled', async () => {
    const senderId = await verifiedSender(ctx.deps, { ratePerSecond: 200 });
    const { listId, contactIds } = await listOf(ctx.deps, Array.from({ length: 120 }, (_, i) => person(9000 + i)));
    await ctx.deps.db.execute(sql`update contacts set first_name = 'Ada' || split_part(full_name, ' ', 2) where id = any(${sql.param(contactIds)}::uuid[])`);
    await suppress(ctx.deps, ['person9000@example0.com', 'person9001@example1.com']);
    const campaignId = await sendingCampaign(ctx.deps, { listId, senderId });
    // Content as the editor saves it: a greeting with a merge field, a button, the default footer.
    await ctx.deps.db.update(emailCampaigns).set({ status: 'draft' }).where(eq(emailCampaigns.id, campaignId));
    const variant = await findVariant(ctx.deps.db, campaignId);
    await saveVariantContent(
      { ...ctx.deps, assetUrl: (key) => emailAssetUrl(ctx.deps.config, key) },
      campaignId,
      variant.id,
      { mode: 'blocks', document: newEmailDocument(), subject: 'News for {{ contact.first_name }}', preheader: '' },
      null,
    );
    await ctx.deps.db.update(emailCampaigns).set({ status: 'sending' }).where(eq(emailCampaigns.id, campaignId));

    const kit = createSendingKit(ctx.deps, { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))) });
    const plan = await prepareSend(ctx.deps, emailHooks, campaignId);
    // The batches at once, as the workflow's Map runs them: they share the identity's rate gate.
    const results = await Promise.all(plan.batches.map((b) => sendBatch(ctx.deps, kit, b)));
    expect(results.every((r) => r.outcome === 'done')).toBe(true);
    expect(await finaliseSend(ctx.deps, campaignId)).toMatchObject({ status: 'sent' });
    expect(await recipientStates(ctx.deps, campaignId)).toEqual({ sent: 118 });
    expect(ses.stats().throttled).toBeGreaterThan(10);

    const mail = await storedMail(ses);
    const perAddress = new Map<string, number>();
    for (const m of mail) for (const to of m.destination.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect(perAddress.size).toBe(118);
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    expect(perAddress.has('person9000@example0.com')).toBe(false);

    const one = mail.find((m) => m.destination.to[0] === 'person9042@example2.com')!;
    expect(one.subject).toBe('News for Ada9042');
    expect(one.body.html).toContain('Hi Ada9042,');
    const header = (name: string) => one.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
    expect(header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const listed = header('List-Unsubscribe')!;
    expect(listed).toMatch(/^<https:\/\/crm\.example\.com\/t\/u\/[A-Za-z0-9_-]+>, <mailto:news@/);
    // The unsubscribe, open and click tokens verify with the secret and name this recipient.
    const recipient = await queryOne<{ id: string }>(ctx.deps.db, sql`select id::text from email_recipients where campaign_id = ${campaignId}::uuid and email = 'person9042@example2.com'`);
    const token = /\/t\/u\/([A-Za-z0-9_-]+)>/.exec(listed)![1]!;
    expect(verifyTrackingToken(SECRET, token)).toEqual({ k: 'u', c: campaignId, r: recipient!.id });
    const click = /href="https:\/\/crm\.example\.com\/t\/c\/([A-Za-z0-9_-]+)"/.exec(one.body.html!)![1]!;
    expect(verifyTrackingToken(SECRET, click)).toEqual({ k: 'c', c: campaignId, r: recipient!.id, l: 0 });
    expect(one.body.html).toMatch(/<img src="https:\/\/crm\.example\.com\/t\/o\/[A-Za-z0-9_-]+"/);
    expect(one.body.html).not.toContain('https://example.com"');
  }, 120_000);
});

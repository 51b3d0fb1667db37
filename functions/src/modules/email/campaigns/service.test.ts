import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { SYSTEM_ACTOR } from '../../../core/actor';
import { AppError } from '../../../core/app-error';
import { emailCampaigns, emailVariants } from '../../../db/schema';
import { emailHooks } from '../../../composition';
import { listOf, person, verifiedSender } from '../sending/test-fixtures';
import { newEmailDocument, type SaveEmailContent } from '@shared/contracts/email-content';
import { emailAssetUrl } from '../asset-url';
import { preflightCampaign } from './preflight';
import { previewVariant, saveVariantContent } from './variant-content';
import {
  addVariant,
  cloneCampaign,
  createCampaign,
  createFollowUp,
  deleteCampaign,
  findCampaign,
  getCampaign,
  listCampaigns,
  scheduleCampaign,
  updateCampaign,
} from './service';

const content = (subject: string): SaveEmailContent => ({ mode: 'blocks', document: newEmailDocument(), subject, preheader: '' });

const rejection = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('campaigns', () => {
  const contentDeps = () => ({ ...ctx.deps, assetUrl: (key: string) => emailAssetUrl(ctx.deps.config, key) });
  let ctx: TestContext;
  let senderId: string;
  let listId: string;
  beforeAll(async () => {
    ctx = await createTestDeps();
    senderId = await verifiedSender(ctx.deps);
    ({ listId } = await listOf(ctx.deps, Array.from({ length: 12 }, (_, i) => person(i))));
  }, 60_000);
  afterAll(async () => ctx?.close());

  it('creates a draft with one variant and edits it with optimistic versions', async () => {
    const created = await createCampaign(ctx.deps, SYSTEM_ACTOR, { name: 'Launch', audience: { kind: 'list', id: listId } });
    expect(created).toMatchObject({ status: 'draft', version: 1, audience: { kind: 'list', id: listId }, audienceName: expect.any(String) });
    expect(created.variants.map((v) => v.key)).toEqual(['A']);

    const edited = await updateCampaign(ctx.deps, SYSTEM_ACTOR, created.id, { name: 'Launch day', senderProfileId: senderId, version: 1 });
    expect(edited).toMatchObject({ name: 'Launch day', senderProfileId: senderId, version: 2 });
    const stale = await rejection(updateCampaign(ctx.deps, SYSTEM_ACTOR, created.id, { name: 'Lost edit', version: 1 }));
    expect(stale.code).toBe('stale_write');
    expect((await getCampaign(ctx.deps, created.id)).name).toBe('Launch day');
  });

  it('clones with the content and deletes only drafts', async () => {
    const created = await createCampaign(ctx.deps, SYSTEM_ACTOR, { name: 'Webinar', audience: { kind: 'list', id: listId }, senderProfileId: senderId });
    await addVariant(ctx.deps, created.id);
    const copy = await cloneCampaign(ctx.deps, SYSTEM_ACTOR, created.id);
    expect(copy).toMatchObject({ name: 'Webinar (copy)', status: 'draft', audience: { kind: 'list', id: listId } });
    expect(copy.variants.map((v) => v.key)).toEqual(['A', 'B']);

    await ctx.deps.db.update(emailCampaigns).set({ status: 'sending' }).where(eq(emailCampaigns.id, copy.id));
    expect((await rejection(deleteCampaign(ctx.deps, copy.id))).code).toBe('conflict');
    await deleteCampaign(ctx.deps, created.id);
    expect((await rejection(getCampaign(ctx.deps, created.id))).code).toBe('not_found');
  });

  it('refuses to schedule while pre-flight has a red item, naming it, and schedules once it is clean', async () => {
    const draft = await createCampaign(ctx.deps, SYSTEM_ACTOR, { name: 'Newsletter', audience: { kind: 'list', id: listId } });
    const refused = await rejection(scheduleCampaign(ctx.deps, emailHooks, SYSTEM_ACTOR, draft.id, { schedule: { kind: 'at', at: '2099-01-01T09:00:00Z' }, version: 1 }));
    expect(refused.code).toBe('conflict');
    const red = (refused.extra?.items as Array<{ id: string; status: string }>).map((i) => i.id);
    expect(red).toEqual(['sender', 'content']);

    await updateCampaign(ctx.deps, SYSTEM_ACTOR, draft.id, { senderProfileId: senderId, version: 1 });
    // Content with no unsubscribe link is red; the editor's starting document has one in its footer.
    await ctx.deps.db.update(emailVariants).set({ subject: 'News', html: '<p>News</p>', text: 'News' }).where(eq(emailVariants.campaignId, draft.id));
    const bare = await preflightCampaign(ctx.deps, emailHooks, await findCampaign(ctx.deps.db, draft.id));
    expect(bare.filter((i) => i.status === 'red').map((i) => i.id)).toEqual(['unsubscribe']);
    await saveVariantContent(contentDeps(), draft.id, draft.variants[0]!.id, content('Spring news for {{ contact.first_name | default: "you" }}'), null);
    const items = await preflightCampaign(ctx.deps, emailHooks, await findCampaign(ctx.deps.db, draft.id));
    expect(items.filter((i) => i.status === 'red')).toEqual([]);
    expect(items.find((i) => i.id === 'audience')).toMatchObject({ status: 'green', reason: '12 of 12 would be sent to; 0 left out by the contact gate.' });
    expect(items.find((i) => i.id === 'dry_render')).toMatchObject({ status: 'green', reason: 'All 12 recipients render.' });

    const scheduled = await scheduleCampaign(ctx.deps, emailHooks, SYSTEM_ACTOR, draft.id, { schedule: { kind: 'at', at: '2099-01-01T09:00:00Z' }, version: 3 });
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledAt: '2099-01-01T09:00:00.000Z', version: 4 });
    expect((await rejection(updateCampaign(ctx.deps, SYSTEM_ACTOR, draft.id, { name: 'Too late', version: 4 }))).code).toBe('conflict');
  });

  it('saves content compiled, with its tracked links; a Liquid error is a 400 naming the field', async () => {
    const draft = await createCampaign(ctx.deps, SYSTEM_ACTOR, { name: 'Content', audience: { kind: 'list', id: listId }, senderProfileId: senderId });
    const variantId = draft.variants[0]!.id;
    const broken = await rejection(saveVariantContent(contentDeps(), draft.id, variantId, content('Hi {{ contact.first_name'), null));
    expect(broken.code).toBe('invalid');
    expect(broken.errors?.map((e) => e.field)).toContain('body.subject');

    await saveVariantContent(contentDeps(), draft.id, variantId, content('Hello {{ contact.first_name | default: "there" }}'), null);
    const [saved] = await ctx.deps.db.select().from(emailVariants).where(eq(emailVariants.id, variantId));
    expect(saved!.html).toContain('Learn more');
    expect(saved!.text).not.toBe('');
    expect(saved!.links).toEqual([{ index: 0, url: 'https://example.com' }]);

    const preview = await previewVariant(ctx.deps, draft.id, { variantId });
    expect(preview.subject).toMatch(/^Hello \S+/);
    expect(preview.html).toContain('https://example.com');
  });

  it('makes follow-ups whose audience is the failed, or the non-openers, of the campaign', async () => {
    const parent = await createCampaign(ctx.deps, SYSTEM_ACTOR, { name: 'Spring', audience: { kind: 'list', id: listId }, senderProfileId: senderId });
    expect((await rejection(createFollowUp(ctx.deps, SYSTEM_ACTOR, parent.id, { kind: 'failed' }))).code).toBe('conflict');
    await ctx.deps.db.update(emailCampaigns).set({ status: 'sent', startedAt: ctx.deps.now() }).where(eq(emailCampaigns.id, parent.id));
    // Three sent (one opened by a person, one only by a machine), two failed.
    await ctx.deps.db.execute(sql`insert into email_recipients (campaign_id, contact_id, email, status, opened_at, machine_opened_at)
      select ${parent.id}::uuid, c.id, c.email, s.status, s.opened, s.machine
      from (select id, email, row_number() over (order by id) as n from contacts where email like 'person%') c
      join (values (1, 'sent', now(), null::timestamptz), (2, 'sent', null, now()), (3, 'sent', null, null), (4, 'failed', null, null), (5, 'failed', null, null))
        as s(n, status, opened, machine) on s.n = c.n`);

    const failed = await createFollowUp(ctx.deps, SYSTEM_ACTOR, parent.id, { kind: 'failed' });
    expect(failed).toMatchObject({ status: 'draft', parentCampaignId: parent.id, followUp: 'failed', audience: null, name: 'Spring — resend to failed' });
    const failedItems = await preflightCampaign(ctx.deps, emailHooks, await findCampaign(ctx.deps.db, failed.id));
    expect(failedItems.find((i) => i.id === 'audience')?.reason).toMatch(/^2 of 2 /);

    const nonOpeners = await createFollowUp(ctx.deps, SYSTEM_ACTOR, parent.id, { kind: 'non_openers' });
    const items = await preflightCampaign(ctx.deps, emailHooks, await findCampaign(ctx.deps.db, nonOpeners.id));
    expect(items.find((i) => i.id === 'audience')?.reason).toMatch(/^2 of 2 /);
  });

  it('lists newest first a page at a time, by status and by name', async () => {
    const first = await listCampaigns(ctx.deps, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await listCampaigns(ctx.deps, { limit: 2, cursor: first.nextCursor! });
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect(second.items.every((c) => !first.items.some((f) => f.id === c.id))).toBe(true);
    const scheduled = await listCampaigns(ctx.deps, { limit: 50, status: 'scheduled' });
    expect(scheduled.items.map((c) => c.name)).toEqual(['Newsletter']);
    const named = await listCampaigns(ctx.deps, { limit: 50, q: 'spring' });
    expect(named.items.map((c) => c.name).sort()).toEqual(['Spring', 'Spring — non-openers', 'Spring — resend to failed']);
  });
});

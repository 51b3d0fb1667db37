// A variant's content: saved through the content library (compiled once at save; Liquid or MJML
// problems are a 400 naming the field, nothing saved) with its trackable links, previewed as a
// contact (or the sample values), and sent as a test through the sender profile's provider with
// the unsubscribe headers every campaign message carries.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Preview } from '@shared/contracts/email';
import type { SaveEmailContent } from '@shared/contracts/email-content';
import type { Deps } from '../../../core/deps';
import { AppError, notFound } from '../../../core/app-error';
import { contacts, emailCampaigns, emailVariants } from '../../../db/schema';
import { compileContent, createPersonalizer, mergeContext, prepareTracking, sampleMergeContext } from '../content';
import { createProvider } from '../delivery';
import { senderForSending } from '../settings';
import { prepareVariant, recordsOf, renderMessage, trackingBase } from '../sending/kit';
import { findCampaign, findVariant } from './service';
import { staleCampaign } from './transitions';

type ContentDeps = Pick<Deps, 'db' | 'now' | 'config'> & { assetUrl: (key: string) => string };

/** A render that failed on a Liquid error, as the 400 of the request that asked for it. */
export function liquidProblem(error: unknown, prefix: string): unknown {
  if (!(error instanceof AppError) || error.code !== 'unprocessable') return error;
  const errors = (error.errors ?? []).map((e) => ({ field: `${prefix}${e.field}`, message: e.message }));
  return new AppError('invalid', { errors, detail: errors.map((e) => `${e.field}: ${e.message}`).join('; ') || error.message, cause: error });
}

/** Compiles and stores a draft variant's content; answers 400 naming each field with a problem. */
export async function saveVariantContent(deps: ContentDeps, campaignId: string, variantId: string, input: SaveEmailContent, userId: string | null): Promise<void> {
  const campaign = await findCampaign(deps.db, campaignId);
  if (campaign.status !== 'draft') throw new AppError('conflict', { detail: 'Only a draft campaign’s content can be changed.', extra: { status: campaign.status } });
  await findVariant(deps.db, campaignId, variantId);
  const compiled = await compileContent(input, { assetUrl: deps.assetUrl });
  if (compiled.issues.length) {
    const errors = compiled.issues.map((issue) => ({ field: `body.${issue.field}`, message: issue.line ? `${issue.reason} (line ${issue.line})` : issue.reason }));
    throw new AppError('invalid', { errors, detail: errors.map((e) => `${e.field}: ${e.message}`).join('; ') });
  }
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(emailVariants)
      .set({
        mode: input.mode,
        document: input.mode === 'blocks' ? (input.document ?? null) : null,
        subject: compiled.subject,
        preheader: compiled.preheader,
        mjml: compiled.mjml,
        html: compiled.html,
        text: compiled.text,
        // The click redirect finds each tracked link's target here by its index.
        links: prepareTracking(compiled.html).links,
        updatedAt: now,
      })
      .where(and(eq(emailVariants.id, variantId), eq(emailVariants.campaignId, campaignId)));
    const [moved] = await tx
      .update(emailCampaigns)
      .set({ version: sql`${emailCampaigns.version} + 1`, updatedBy: userId, updatedAt: now })
      .where(and(eq(emailCampaigns.id, campaignId), eq(emailCampaigns.status, 'draft')))
      .returning({ id: emailCampaigns.id });
    if (!moved) throw staleCampaign(campaign.version);
  });
}

async function contactRecords(deps: Pick<Deps, 'db'>, contactId: string | null | undefined) {
  if (!contactId) return null;
  const [contact] = await deps.db.select({ id: contacts.id, accountId: contacts.accountId }).from(contacts).where(and(eq(contacts.id, contactId), isNull(contacts.deletedAt)));
  if (!contact) throw notFound('contact');
  const records = await recordsOf(deps.db, [{ contactId: contact.id, accountId: contact.accountId }]);
  return { contact: records.contacts.get(contact.id) ?? null, account: (contact.accountId && records.accounts.get(contact.accountId)) || null };
}

/** The message as this contact (or the sample values) would get it, links as written. */
export async function previewVariant(deps: Pick<Deps, 'db' | 'now' | 'config'>, campaignId: string, input: { variantId?: string | undefined; contactId?: string | null | undefined }): Promise<Preview> {
  const campaign = await findCampaign(deps.db, campaignId);
  const variant = await findVariant(deps.db, campaignId, input.variantId);
  const records = await contactRecords(deps, input.contactId);
  const sender = campaign.senderProfileId ? await senderForSending(deps, campaign.senderProfileId).catch(() => null) : null;
  const unsubscribeUrl = `${trackingBase(deps.config, sender?.trackingHost ?? null)}/t/u/preview`;
  const context = records
    ? mergeContext({
        contact: records.contact,
        account: records.account,
        campaign: { name: campaign.name },
        sender: { fromName: sender?.from.name ?? '', fromEmail: sender?.from.address ?? null, postalAddress: sender?.postalAddress ?? '' },
        links: { unsubscribeUrl, preferencesUrl: unsubscribeUrl },
      })
    : sampleMergeContext();
  try {
    const parts = createPersonalizer({ subject: variant.subject, html: variant.html, text: variant.text }).render(context);
    const preheader = createPersonalizer({ subject: variant.preheader, html: '', text: '' }).render(context).subject;
    return { ...parts, preheader };
  } catch (error) {
    throw liquidProblem(error, 'variant.');
  }
}

/** Sends the variant to the team's addresses as the sender profile would, rendered as a contact or the sample values. */
export async function testSendVariant(
  deps: Pick<Deps, 'db' | 'now' | 'config'>,
  campaignId: string,
  input: { to: string[]; variantId?: string | undefined; contactId?: string | null | undefined },
): Promise<{ sent: Array<{ to: string; messageId: string }> }> {
  const campaign = await findCampaign(deps.db, campaignId);
  if (!campaign.senderProfileId) throw new AppError('conflict', { detail: 'Choose a sender profile before sending a test.' });
  const sender = await senderForSending(deps, campaign.senderProfileId);
  const variant = await findVariant(deps.db, campaignId, input.variantId);
  const records = await contactRecords(deps, input.contactId);
  let prepared;
  try {
    prepared = prepareVariant(variant);
  } catch (error) {
    throw liquidProblem(error, 'variant.');
  }
  const base = trackingBase(deps.config, sender.trackingHost);
  const provider = createProvider(sender.provider, { config: deps.config });
  const sent: Array<{ to: string; messageId: string }> = [];
  for (const to of input.to) {
    let message;
    try {
      // A test is no recipient of the campaign: its links verify but lead nowhere.
      message = renderMessage(deps.config, {
        campaign,
        sender,
        variant: prepared,
        recipient: { id: 'test', email: to },
        contact: records?.contact ?? null,
        account: records?.account ?? null,
        base,
        sample: !records,
      });
    } catch (error) {
      throw liquidProblem(error, 'variant.');
    }
    message = { ...message, subject: `[Test] ${message.subject}` };
    const { messageId } = await provider.send({ ...message, tags: { ...message.tags, test: 'true' } });
    sent.push({ to, messageId });
  }
  return { sent };
}

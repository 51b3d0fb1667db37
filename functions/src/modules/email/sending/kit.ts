// The sending kit wired to the content and delivery libraries: each variant is prepared once per
// batch (tracking markers found, Liquid parsed), each recipient's message is rendered from their
// contact and account, its links and open pixel signed, the RFC 8058 unsubscribe headers added;
// it goes out through the sender profile's provider, paced by the rate gate of its identity with
// today's cap of its warm-up plan.
import { inArray } from 'drizzle-orm';
import { PREFERENCES_URL_VARIABLE, UNSUBSCRIBE_URL_VARIABLE } from '@shared/contracts/email-content';
import type { Deps } from '../../../core/deps';
import { AppError } from '../../../core/app-error';
import { accounts, contacts } from '../../../db/schema';
import { createPersonalizer, mergeContext, prepareTracking, sampleMergeContext, signTrackingToken, unsubscribeHeaders, type Personalizer, type PreparedTracking } from '../content';
import { createProvider, paceSends, type EmailProvider, type OutgoingMessage } from '../delivery';
import { senderForSending, type SenderForSending } from '../settings';
import type { ClaimedRecipient } from './batches';
import type { EmailContentLinks } from '../hooks';
import type { BatchComposer, CampaignRowOf, Composed, SenderRow, SendingKit, VariantRow } from './ports';
import { reasonOf } from './ports';

export type KitDeps = Pick<Deps, 'db' | 'config' | 'aws' | 'now'>;

/** The secret tracking links are signed with (the local stack keeps one under DATA_DIR; Lambda requires it). */
export function trackingSecret(config: Deps['config']): string {
  if (!config.TRACKING_SECRET) throw new AppError('unavailable', { detail: 'TRACKING_SECRET is not set: tracking and unsubscribe links cannot be signed.' });
  return config.TRACKING_SECRET;
}

/** Where one recipient's /t/ links point: the sender's verified tracking domain, else the product's public URL. */
export function trackingBase(config: Deps['config'], trackingHost: string | null): string {
  return trackingHost ? `https://${trackingHost}` : config.PUBLIC_BASE_URL.replace(/\/+$/, '');
}

export interface RecipientUrls {
  open: string;
  click: (index: number) => string;
  unsubscribe: string;
}

/** The signed open, click and one-click unsubscribe URLs of one recipient. */
export function recipientUrls(config: Deps['config'], base: string, campaignId: string, recipientId: number | string): RecipientUrls {
  const secret = trackingSecret(config);
  const r = String(recipientId);
  return {
    open: `${base}/t/o/${signTrackingToken(secret, { k: 'o', c: campaignId, r })}`,
    click: (index) => `${base}/t/c/${signTrackingToken(secret, { k: 'c', c: campaignId, r, l: index })}`,
    unsubscribe: `${base}/t/u/${signTrackingToken(secret, { k: 'u', c: campaignId, r })}`,
  };
}

/** A variant ready to render: its tracked links marked and its three parts parsed once. */
export interface PreparedVariant {
  tracking: PreparedTracking;
  personalizer: Personalizer;
}

export function prepareVariant(variant: Pick<VariantRow, 'subject' | 'html' | 'text'>): PreparedVariant {
  const tracking = prepareTracking(variant.html);
  return { tracking, personalizer: createPersonalizer({ subject: variant.subject, html: tracking.html, text: variant.text }) };
}

/** The address the List-Unsubscribe mailto points at: the sender's reply-to, else its From address. */
const unsubscribeMailbox = (sender: SenderForSending) => sender.replyTo ?? sender.from.address;

export interface RenderInput {
  campaign: Pick<CampaignRowOf, 'id' | 'name'>;
  sender: SenderForSending;
  variant: PreparedVariant;
  recipient: { id: number | string; email: string };
  contact: Readonly<Record<string, unknown>> | null;
  account: Readonly<Record<string, unknown>> | null;
  base: string;
  /** Render with the merge fields' sample values instead of a contact (test sends). */
  sample?: boolean;
  /** The recipient's tracking URLs of the content attached to the campaign, by merge name. */
  content?: Readonly<Record<string, string>>;
}

/** One recipient's message as it goes to the provider. Throws an AppError naming the part that failed to render. */
export function renderMessage(config: Deps['config'], input: RenderInput): OutgoingMessage {
  const urls = recipientUrls(config, input.base, input.campaign.id, input.recipient.id);
  const links = { unsubscribeUrl: urls.unsubscribe, preferencesUrl: urls.unsubscribe };
  const context = input.sample
    ? { ...sampleMergeContext(), [UNSUBSCRIBE_URL_VARIABLE]: links.unsubscribeUrl, [PREFERENCES_URL_VARIABLE]: links.preferencesUrl }
    : mergeContext({
        contact: input.contact,
        account: input.account,
        campaign: { name: input.campaign.name },
        sender: { fromName: input.sender.from.name, fromEmail: input.sender.from.address, postalAddress: input.sender.postalAddress },
        links,
        ...(input.content ? { content: input.content } : {}),
      });
  const parts = input.variant.personalizer.render(context);
  const html = input.variant.tracking.render(parts.html, { open: urls.open, click: ({ index }) => urls.click(index) });
  return {
    from: input.sender.from,
    ...(input.sender.replyTo ? { replyTo: input.sender.replyTo } : {}),
    to: input.recipient.email,
    subject: parts.subject,
    html,
    text: parts.text,
    headers: unsubscribeHeaders({ oneClickUrl: urls.unsubscribe, mailto: unsubscribeMailbox(input.sender) }).map((h) => ({ name: h.Name!, value: h.Value! })),
    ...(input.sender.configurationSet ? { configurationSet: input.sender.configurationSet } : {}),
    tags: { campaign: input.campaign.id, recipient: String(input.recipient.id) },
  };
}

/** The contacts and accounts of these recipients, read in two statements. */
export async function recordsOf(
  db: Deps['db'],
  recipients: ReadonlyArray<{ contactId: string | null; accountId: string | null }>,
): Promise<{ contacts: Map<string, Record<string, unknown>>; accounts: Map<string, Record<string, unknown>> }> {
  const contactIds = [...new Set(recipients.map((r) => r.contactId).filter((id): id is string => id !== null))];
  const accountIds = [...new Set(recipients.map((r) => r.accountId).filter((id): id is string => id !== null))];
  const [people, companies] = await Promise.all([
    contactIds.length ? db.select().from(contacts).where(inArray(contacts.id, contactIds)) : Promise.resolve([]),
    accountIds.length ? db.select().from(accounts).where(inArray(accounts.id, accountIds)) : Promise.resolve([]),
  ]);
  return { contacts: new Map(people.map((p) => [p.id, p])), accounts: new Map(companies.map((a) => [a.id, a])) };
}

async function composerFor(
  deps: KitDeps,
  sender: SenderForSending,
  input: { campaign: CampaignRowOf; variants: readonly VariantRow[] },
  contentLinks: EmailContentLinks | undefined,
): Promise<BatchComposer<OutgoingMessage>> {
  const prepared = new Map<string, PreparedVariant | Error>();
  for (const v of input.variants) {
    try {
      prepared.set(v.id, prepareVariant(v));
    } catch (error) {
      prepared.set(v.id, error as Error);
    }
  }
  const base = trackingBase(deps.config, sender.trackingHost);
  return {
    async compose(recipients: readonly ClaimedRecipient[]): Promise<Composed<OutgoingMessage>[]> {
      const records = await recordsOf(deps.db, recipients);
      // Each recipient's tracking URLs of the campaign's content, made for the whole batch at once.
      const contactIds = [...new Set(recipients.map((r) => r.contactId).filter((id): id is string => id !== null))];
      const content = contentLinks && contactIds.length ? await contentLinks(deps, { campaignId: input.campaign.id, contactIds }) : null;
      return recipients.map((r): Composed<OutgoingMessage> => {
        const variant = r.variantId ? prepared.get(r.variantId) : undefined;
        if (!variant) return { recipientId: r.id, error: 'The recipient has no variant to send.' };
        if (variant instanceof Error) return { recipientId: r.id, error: `The content could not be prepared: ${reasonOf(variant)}` };
        try {
          const message = renderMessage(deps.config, {
            campaign: input.campaign,
            sender,
            variant,
            recipient: r,
            contact: (r.contactId ? records.contacts.get(r.contactId) : undefined) ?? null,
            account: (r.accountId ? records.accounts.get(r.accountId) : undefined) ?? null,
            base,
            ...(content && r.contactId ? { content: content.get(r.contactId) ?? {} } : {}),
          });
          return { recipientId: r.id, message: { ...message, tags: { ...message.tags, variant: r.variantId ?? 'none' } } };
        } catch (error) {
          return { recipientId: r.id, error: `The message could not be rendered: ${reasonOf(error)}` };
        }
      });
    },
  };
}

/** The production kit: content and delivery libraries, the rate gate in the main table. */
export function createSendingKit(
  deps: KitDeps,
  options: { sleep?: (ms: number) => Promise<void>; contentLinks?: EmailContentLinks } = {},
): SendingKit<OutgoingMessage> {
  // What a batch reads of its sender once (identity, configuration set, today's cap, tracking host).
  const senders = new Map<string, Promise<SenderForSending>>();
  const senderOf = (row: SenderRow) => {
    let found = senders.get(row.id);
    if (!found) {
      found = senderForSending(deps, row.id);
      senders.set(row.id, found);
    }
    return found;
  };
  const providers = new Map<string, EmailProvider>();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return {
    composer: async (input) => composerFor(deps, await senderOf(input.sender), input, options.contentLinks),
    provider: (row) => {
      let provider = providers.get(row.provider);
      if (!provider) {
        provider = createProvider(row.provider as 'ses' | 'sendgrid' | 'mailgun', { config: deps.config });
        providers.set(row.provider, provider);
      }
      return provider;
    },
    pace: async (row, want) => {
      const sender = await senderOf(row);
      return paceSends(
        deps.aws.doc,
        deps.config.TABLE_NAME,
        { identity: sender.identityKey, perSecond: sender.ratePerSecond, ...(sender.dailyCap !== null ? { dailyCap: sender.dailyCap } : {}), want },
        { sleep },
      );
    },
    sleep,
  };
}

// Fixtures of the sending engine's tests: contacts in a static list, a verified sender, a campaign
// ready to send (its variant has content) and the sending kit's provider side as a recording fake
// of the external provider, which can answer with the delivery layer's error kinds.
import { sql } from 'drizzle-orm';
import type { Deps } from '../../../core/deps';
import { SYSTEM_ACTOR } from '../../../core/actor';
import { queryOne, queryRows } from '../../../db/rows';
import { emailCampaigns, emailVariants, senderProfiles, sendingDomains } from '../../../db/schema';
import { addContactsToList, createList } from '../../audience';
import { insertContacts, insertSuppressions, type ContactSeed } from '../../compliance/testing';
import { createCampaign } from '../campaigns/service';
import type { ClaimedRecipient } from './batches';
import type { SendFailureKind, SendingKit } from './ports';
import { eq } from 'drizzle-orm';

export const person = (i: number, extra: ContactSeed = {}): ContactSeed => ({ email: `person${i}@example${i % 5}.com`, fullName: `Person ${i}`, ...extra });

export async function listOf(deps: Deps, seeds: readonly ContactSeed[], name = `List ${Date.now()}-${Math.random()}`): Promise<{ listId: string; contactIds: string[] }> {
  const contactIds = await insertContacts(deps.db, seeds);
  const list = await createList(deps, { request: { name, description: null }, userId: null });
  await addContactsToList(deps.db, list.id, { ids: contactIds } as never);
  return { listId: list.id, contactIds };
}

export async function suppress(deps: Deps, emails: readonly string[]): Promise<void> {
  await insertSuppressions(
    deps.db,
    emails.map((value) => ({ type: 'email' as const, value, reason: 'unsubscribe' as const, source: 'test', note: null })),
    { createdBy: null, at: deps.now() },
  );
}

export async function verifiedSender(deps: Deps, options: { ratePerSecond?: number } = {}): Promise<string> {
  const domain = `mail${Math.floor(Math.random() * 1e9)}.example.org`;
  const [d] = await deps.db.insert(sendingDomains).values({ domain, status: 'verified', dkimVerified: true }).returning();
  const [p] = await deps.db
    .insert(senderProfiles)
    .values({
      name: 'Marketing',
      fromName: 'Acme',
      fromAddress: `news@${domain}`,
      postalAddress: '1 Main St, Springfield',
      sendingDomainId: d!.id,
      ratePerSecond: options.ratePerSecond ?? 1000,
    })
    .returning();
  return p!.id;
}

/** A campaign to the list, in `sending` as the scheduled job leaves it, with ready content in every variant. */
export async function sendingCampaign(
  deps: Deps,
  input: { listId: string; senderId: string; variants?: number; abTest?: unknown; schedule?: unknown },
): Promise<string> {
  const campaign = await createCampaign(deps, SYSTEM_ACTOR, { name: 'Spring news', audience: { kind: 'list', id: input.listId }, senderProfileId: input.senderId });
  const keys = ['B', 'C', 'D', 'E'].slice(0, (input.variants ?? 1) - 1);
  for (const key of keys) await deps.db.insert(emailVariants).values({ campaignId: campaign.id, key });
  await deps.db.update(emailVariants).set({ subject: 'Hello {{ contact.first_name }}', html: '<p>Hi</p>', text: 'Hi' }).where(eq(emailVariants.campaignId, campaign.id));
  await deps.db
    .update(emailCampaigns)
    .set({ status: 'sending', startedAt: deps.now(), abTest: input.abTest ?? null, schedule: input.schedule ?? null })
    .where(eq(emailCampaigns.id, campaign.id));
  return campaign.id;
}

export interface FakeMessage {
  to: string;
  recipientId: number;
  variantId: string | null;
}

/** A provider stand-in: records each accepted message; `answer` may throw an error of a delivery kind instead. */
export function recordingKit(options: { answer?: (message: FakeMessage, call: number) => SendFailureKind | null; onSend?: (message: FakeMessage, call: number) => Promise<void> | void } = {}) {
  const delivered: FakeMessage[] = [];
  let calls = 0;
  const kit: SendingKit<FakeMessage> = {
    composer: async () => ({
      compose: async (recipients: readonly ClaimedRecipient[]) => recipients.map((r) => ({ recipientId: r.id, message: { to: r.email, recipientId: r.id, variantId: r.variantId } })),
    }),
    provider: () => ({
      send: async (message) => {
        const call = ++calls;
        await options.onSend?.(message, call);
        const kind = options.answer?.(message, call) ?? null;
        if (kind) throw Object.assign(new Error(`provider answered ${kind}`), { kind, ...(kind === 'throttled' ? { retryAfterMs: 1 } : {}) });
        delivered.push(message);
        return { messageId: `msg-${call}-${message.recipientId}` };
      },
    }),
    pace: async (_sender, want) => ({ granted: want, dailyCapReached: false, retryAfterMs: 0 }),
    sleep: async () => undefined,
  };
  return { kit, delivered, calls: () => calls };
}

export async function recipientStates(deps: Deps, campaignId: string): Promise<Record<string, number>> {
  const rows = await queryRows<{ status: string; n: number }>(
    deps.db,
    sql`select status, count(*)::int as n from email_recipients where campaign_id = ${campaignId}::uuid group by status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function campaignStatusOf(deps: Deps, campaignId: string): Promise<{ status: string; paused_reason: string | null }> {
  return (await queryOne<{ status: string; paused_reason: string | null }>(deps.db, sql`select status, paused_reason from email_campaigns where id = ${campaignId}::uuid`))!;
}

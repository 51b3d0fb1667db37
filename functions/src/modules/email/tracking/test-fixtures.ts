// Test fixtures for tracking, feedback and reports: a fresh database with a user of every role,
// the tracking, report and feedback routes behind the real handler kit, and campaigns, variants
// and recipients inserted as rows (the state a sent campaign leaves), with signed tokens for them.
import { sql } from 'drizzle-orm';
import type { Role } from '@shared/roles';
import { createHttpHandler, type HttpHandler } from '../../../http/create-http-handler';
import { queryOne, queryRows } from '../../../db/rows';
import type { Database } from '../../../db/connection';
import { invoke, type InvokeRequest, type InvokeResponse } from '../../../../test/support/invoke';
import { createAccountsTestContext, type AccountsTestContext } from '../../accounts/testing';
import { insertContacts } from '../../compliance/testing';
import { signTrackingToken, type TrackingKind } from '../content';
import { feedbackRoutes } from './feedback-routes';
import { reportRoutes } from './report-routes';
import { trackingRoutes } from './tracking-routes';

export const TEST_TRACKING_SECRET = 'test-tracking-secret-0123456789-abcdefghij';

export interface EmailTestContext extends AccountsTestContext {
  email: HttpHandler;
  /** Calls the email routes, as a role (default campaign_manager) or without a token (`as: null`). */
  send<T = unknown>(request: Omit<InvokeRequest, 'token'> & { as?: Role | null }): Promise<InvokeResponse<T>>;
}

export async function createEmailTestContext(options: { env?: Record<string, string> } = {}): Promise<EmailTestContext> {
  const ctx = await createAccountsTestContext({ env: { TRACKING_SECRET: TEST_TRACKING_SECRET, EMAIL_FEEDBACK_INJECTION: 'true', ...(options.env ?? {}) } });
  const email = createHttpHandler({ name: 'email', routes: [...trackingRoutes, ...reportRoutes, ...feedbackRoutes] }, { deps: async () => ctx.deps });
  return {
    ...ctx,
    email,
    send: ({ as = 'campaign_manager', ...request }) => invoke(email, { ...request, ...(as ? { token: ctx.tokens[as] } : {}) }),
  };
}

export interface LinkSeed {
  index: number;
  url: string;
}

export interface SentCampaign {
  campaignId: string;
  variantIds: Record<string, string>;
}

/** A campaign as the sending engine leaves it, with its variants (key → links) and an optional gate proof. */
export async function insertCampaign(
  db: Database,
  seed: { name: string; variants: Record<string, LinkSeed[]>; winner?: string; proof?: { audience: number; exclusions: Array<{ contactId: string; reason: string }> } },
): Promise<SentCampaign> {
  let proofId: string | null = null;
  if (seed.proof) {
    const admitted = seed.proof.audience - seed.proof.exclusions.length;
    proofId = (await queryOne<{ id: string }>(
      db,
      sql`insert into gate_proofs (channel, policy_version, rules, selection, at, audience, admitted, excluded, retain_until)
        values ('email', 0, '{}'::jsonb, '{}'::jsonb, now(), ${seed.proof.audience}, ${admitted}, '{}'::jsonb, now() + interval '1 year') returning id`,
    ))!.id;
    for (const e of seed.proof.exclusions) {
      await db.execute(sql`insert into gate_proof_exclusions (proof_id, contact_id, reason) values (${proofId}::uuid, ${e.contactId}::uuid, ${e.reason})`);
    }
  }
  const campaign = await queryOne<{ id: string }>(
    db,
    sql`insert into email_campaigns (name, status, gate_proof_id, started_at) values (${seed.name}, 'sending', ${proofId}::uuid, now()) returning id`,
  );
  const campaignId = campaign!.id;
  const variantIds: Record<string, string> = {};
  for (const [key, links] of Object.entries(seed.variants)) {
    const row = await queryOne<{ id: string }>(
      db,
      sql`insert into email_variants (campaign_id, key, subject, html, links) values (${campaignId}::uuid, ${key}, ${`Subject ${key}`}, '<p>Hi</p>', ${JSON.stringify(links)}::jsonb) returning id`,
    );
    variantIds[key] = row!.id;
  }
  if (seed.winner) await db.execute(sql`update email_campaigns set winner_variant_id = ${variantIds[seed.winner]!}::uuid where id = ${campaignId}::uuid`);
  if (proofId) await db.execute(sql`update gate_proofs set campaign_id = ${campaignId}::uuid where id = ${proofId}::uuid`);
  return { campaignId, variantIds };
}

export interface RecipientSeed {
  email: string;
  fullName?: string;
  variantId?: string | null;
  status?: string;
  reason?: string | null;
  messageId?: string | null;
  /** Defaults to an hour ago for sent recipients. */
  sentAt?: Date | null;
  /** Insert without a contact (an erased person). */
  noContact?: boolean;
}

export interface SeededRecipient {
  id: string;
  contactId: string | null;
  email: string;
}

/** Contacts and their recipient rows, in the seeds' order. */
export async function insertRecipients(db: Database, campaignId: string, seeds: RecipientSeed[]): Promise<SeededRecipient[]> {
  const contactIds = await insertContacts(db, seeds.map((s) => ({ email: s.email, ...(s.fullName ? { fullName: s.fullName } : {}) })));
  const out: SeededRecipient[] = [];
  for (const [i, s] of seeds.entries()) {
    const status = s.status ?? 'sent';
    const sentAt = s.sentAt === undefined ? (status === 'sent' ? new Date(Date.now() - 3600_000) : null) : s.sentAt;
    const contactId = s.noContact ? null : contactIds[i]!;
    const row = await queryOne<{ id: string }>(
      db,
      sql`insert into email_recipients (campaign_id, contact_id, email, variant_id, status, reason, message_id, sent_at)
        values (${campaignId}::uuid, ${contactId}::uuid, ${s.email}, ${s.variantId ?? null}::uuid, ${status}, ${s.reason ?? null}, ${s.messageId ?? null},
                ${sentAt ? sentAt.toISOString() : null}::timestamptz)
        returning id::text as id`,
    );
    out.push({ id: row!.id, contactId, email: s.email });
  }
  return out;
}

export const tokenFor = (kind: TrackingKind, campaignId: string, recipientId: string, link?: number, secret: string = TEST_TRACKING_SECRET) =>
  signTrackingToken(secret, { k: kind, c: campaignId, r: recipientId, ...(link === undefined ? {} : { l: link }) });

/** Everything tracking may have written about a recipient and its contact. */
export async function footprint(db: Database, recipient: SeededRecipient) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select opened_at, machine_opened_at, clicked_at, unsubscribed_at, delivered_at, complained_at, bounce from email_recipients where id = ${recipient.id}::bigint`,
  );
  const events = await queryRows<{ kind: string; machine: boolean; link_index: number | null; source_event_id: string; detail: unknown }>(
    db,
    sql`select kind, machine, link_index, source_event_id, detail from email_events where recipient_id = ${recipient.id}::bigint order by id`,
  );
  const touches = await queryRows<{ kind: string; source_event_id: string; summary: string | null }>(
    db,
    sql`select kind, source_event_id, summary from touches where contact_id = ${recipient.contactId}::uuid order by occurred_at, id`,
  );
  const suppressions = await queryRows<{ reason: string; source: string; note: string | null }>(
    db,
    sql`select reason, source, note from suppressions where type = 'email' and value = ${recipient.email}`,
  );
  const consent = await queryRows<{ status: string; source: string; evidence: string | null }>(
    db,
    sql`select status, source, evidence from contact_consent_history where contact_id = ${recipient.contactId}::uuid order by id`,
  );
  return { recipient: row!, events, touches, suppressions, consent };
}

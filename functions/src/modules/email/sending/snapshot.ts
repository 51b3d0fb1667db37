// The snapshot: at send time a campaign's audience is frozen into email_recipients through the
// contact gate (admitAudience, with its proof, holding the admitted under the campaign until they
// are sent). In the same transaction each recipient gets its variant (A/B: the test share split
// evenly at random among the variants, the rest held for the winner), its send time (local-time
// schedules) and its batch. A campaign is snapshotted once: its gate proof marks it done.
import { randomInt } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { DateTime, IANAZone } from 'luxon';
import type { AbTest, CampaignSchedule } from '@shared/contracts/email';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { queryRows } from '../../../db/rows';
import { emailCampaigns, emailVariants } from '../../../db/schema';
import { admitAudience, type AdmittedContact } from '../../activity';
import type { EmailHooks } from '../hooks';
import type { CampaignRow } from '../campaigns/views';
import { campaignAudience, selectionOf } from './campaign-audience';
import { planBatches } from './batches';

/** How long the gate holds a campaign's admitted contacts at most (released as each is sent). */
export const HOLD_DAYS = 14;

export const holderOf = (campaignId: string) => `email:${campaignId}`;

export interface SnapshotResult {
  proofId: string;
  admitted: number;
  /** Recipients written (an address shared by two admitted contacts is written once). */
  recipients: number;
  held: number;
  batches: number;
}

/** Fisher–Yates with a cryptographic source: the A/B split must not follow id order. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Each admitted contact's variant: without a test (or once a winner is known) everyone gets the
 * one variant; with a test, `testShare` percent (rounded, at least one per variant when there are
 * enough people) chosen at random are dealt round-robin to the variants and the rest are held.
 */
export function assignVariants<T>(admitted: readonly T[], variantIds: readonly string[], abTest: AbTest | null, winnerId: string | null): Array<{ item: T; variantId: string | null }> {
  if (!variantIds.length) throw new Error('A campaign without content cannot be sent.');
  if (winnerId || !abTest || variantIds.length < 2) {
    const only = winnerId ?? variantIds[0]!;
    return admitted.map((item) => ({ item, variantId: only }));
  }
  const order = shuffled(admitted);
  const share = Math.min(order.length, Math.max(Math.round((order.length * abTest.testShare) / 100), Math.min(order.length, variantIds.length)));
  return order.map((item, i) => ({ item, variantId: i < share ? variantIds[i % variantIds.length]! : null }));
}

/**
 * When a recipient in `zone` may be sent to: a local-time schedule's date and time in their zone
 * (the fallback zone when theirs is missing or unknown); null (as soon as possible) otherwise.
 */
export function sendAfterFor(schedule: CampaignSchedule | null, zone: string | null): Date | null {
  if (!schedule || schedule.kind !== 'local') return null;
  const where = zone && IANAZone.isValidZone(zone) ? zone : schedule.fallbackZone;
  const local = DateTime.fromISO(`${schedule.date}T${schedule.time}`, { zone: IANAZone.isValidZone(where) ? where : 'UTC' });
  return local.toJSDate();
}

/** The earliest instant a local-time schedule can start anywhere (its date and time at UTC+14). */
export function firstLocalInstant(schedule: Extract<CampaignSchedule, { kind: 'local' }>): Date {
  return DateTime.fromISO(`${schedule.date}T${schedule.time}`, { zone: 'Pacific/Kiritimati' }).toJSDate();
}

type SnapshotDeps = Pick<Deps, 'db' | 'config' | 'now'>;

/**
 * Freezes the audience of a campaign once. Concurrent calls (a retried Prepare) serialize on the
 * campaign row; the second finds the proof and does nothing.
 */
export async function snapshotCampaign(deps: SnapshotDeps, hooks: EmailHooks, campaignId: string): Promise<SnapshotResult | null> {
  return deps.db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const [row] = await tx.select().from(emailCampaigns).where(eq(emailCampaigns.id, campaignId)).for('update');
    if (!row || row.gateProofId) return null;
    const now = deps.now();
    const variants = await tx.select({ id: emailVariants.id }).from(emailVariants).where(eq(emailVariants.campaignId, campaignId)).orderBy(asc(emailVariants.key));
    const audience = await campaignAudience(tx, hooks, row);
    const admitted = await admitAudience(tx, audience, {
      channel: 'email',
      at: now,
      campaign: { id: campaignId },
      selection: selectionOf(row),
      actorId: row.updatedBy ?? row.createdBy,
      retainDays: deps.config.GATE_PROOF_RETENTION_DAYS,
      hold: { holder: holderOf(campaignId), until: new Date(now.getTime() + HOLD_DAYS * 86_400_000) },
    });
    const withEmail = admitted.admitted.filter((c): c is AdmittedContact & { email: string } => !!c.email);
    const assigned = assignVariants(
      withEmail,
      variants.map((v) => v.id),
      (row.abTest as AbTest | null) ?? null,
      row.winnerVariantId,
    );
    const schedule = (row.schedule as CampaignSchedule | null) ?? null;
    const zones = schedule?.kind === 'local' ? await contactZones(tx, withEmail.map((c) => c.contactId)) : new Map<string, string | null>();
    const sendAfter = assigned.map(({ item }) => sendAfterFor(schedule, zones.get(item.contactId) ?? null)?.toISOString() ?? null);
    const recipients = await insertRecipients(tx, campaignId, {
      contactIds: assigned.map((a) => a.item.contactId),
      accountIds: assigned.map((a) => a.item.accountId),
      emails: assigned.map((a) => a.item.email.trim().toLowerCase()),
      variantIds: assigned.map((a) => a.variantId),
      sendAfter,
      at: now,
    });
    const batches = await planBatches(tx, campaignId, deps.config.EMAIL_BATCH_SIZE);
    await tx.update(emailCampaigns).set({ gateProofId: admitted.proofId, updatedAt: now }).where(eq(emailCampaigns.id, campaignId));
    return {
      proofId: admitted.proofId,
      admitted: admitted.counts.admitted,
      recipients: recipients.written,
      held: recipients.held,
      batches,
    };
  });
}

async function contactZones(db: Database, contactIds: readonly string[]): Promise<Map<string, string | null>> {
  if (!contactIds.length) return new Map();
  const rows = await queryRows<{ id: string; timezone: string | null }>(
    db,
    sql`select id::text, timezone from contacts where id = any(${sql.param(contactIds)}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.timezone]));
}

/** Writes the recipients in one statement; a second contact with an address already written is skipped (one copy per address). */
async function insertRecipients(
  db: Database,
  campaignId: string,
  input: { contactIds: string[]; accountIds: (string | null)[]; emails: string[]; variantIds: (string | null)[]; sendAfter: (string | null)[]; at: Date },
): Promise<{ written: number; held: number }> {
  if (!input.contactIds.length) return { written: 0, held: 0 };
  const rows = await queryRows<{ status: string }>(
    db,
    sql`insert into email_recipients (campaign_id, contact_id, account_id, email, variant_id, status, send_after, updated_at)
        select ${campaignId}::uuid, t.contact_id::uuid, t.account_id::uuid, t.email, t.variant_id::uuid,
               case when t.variant_id is null then 'held' else 'queued' end, t.send_after::timestamptz, ${input.at.toISOString()}::timestamptz
        from unnest(${sql.param(input.contactIds)}::text[], ${sql.param(input.accountIds)}::text[], ${sql.param(input.emails)}::text[],
                    ${sql.param(input.variantIds)}::text[], ${sql.param(input.sendAfter)}::text[])
             as t(contact_id, account_id, email, variant_id, send_after)
        on conflict (campaign_id, email) do nothing
        returning status`,
  );
  return { written: rows.length, held: rows.filter((r) => r.status === 'held').length };
}

/**
 * Sends the held remainder of an A/B test to the winner: they become queued with its variant
 * and are numbered into new batches. Answers how many were released.
 */
export async function releaseHeldToWinner(db: Database, campaignId: string, winnerId: string, batchSize: number, at: Date): Promise<number> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const released = await queryRows<{ id: number }>(
      tx,
      sql`update email_recipients set status = 'queued', variant_id = ${winnerId}::uuid, updated_at = ${at.toISOString()}::timestamptz
          where campaign_id = ${campaignId}::uuid and status = 'held' returning id`,
    );
    await planBatches(tx, campaignId, batchSize);
    return released.length;
  });
}

export const campaignRowById = async (db: Database, id: string): Promise<CampaignRow | undefined> =>
  (await db.select().from(emailCampaigns).where(and(eq(emailCampaigns.id, id))))[0];

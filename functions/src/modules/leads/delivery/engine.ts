// Sending a lead's deliveries. The workflow's one task claims the lead's due deliveries with a
// conditional update (pending, failed and due, or `sending` whose claim outlived its lease: a task
// that crashed mid-send), sends each, writes a receipt per attempt and moves the delivery on:
// delivered (2xx), failed with the next attempt's time (408, 429, 5xx, timeout, network error,
// exponential backoff), or dead (any other answer, a refused target, or the last attempt spent).
// When every delivery of the lead is delivered the lead becomes published, once (the transition
// is state-guarded; the `published` hook runs in its transaction: the portal's replacement loop). A claim is never sent by two tasks at once; a task retried after a crash
// sends again with the same Idempotency-Key (the delivery id), and the client keeps the first.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { DELIVERY_IDEMPOTENCY_HEADER, DELIVERY_SIGNATURE_HEADER, type DeliveryKind, type DeliveryReceipt } from '@shared/contracts/lead-delivery';
import { AppError } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { deliveryAttempts, deliveryConfigs, leadDeliveries, leads, organisations } from '../../../db/schema';
import type { SealedSecrets } from '../../../adapters/sealed-secrets';
import type { LeadsHooks } from '../hooks';
import { transitionLead } from '../leads/transitions';
import { campaignNameSql, openSecret } from './configs';
import { buildPayload, csvText, formBody, signatureHeader, type DeliverableLead, type FieldMapEntry } from './payload';
import { sendRequest, type SendOutcome } from './send';
import { backoffSeconds, resolveTarget, TargetRefused, verdictOf, type AttemptVerdict } from '../../../adapters/outbound-target';

/** How long a claim holds: longer than the workflow task's timeout, so only a dead task's claim is taken over. */
export const CLAIM_LEASE_SECONDS = 180;
/** How often a lead whose delivery another task holds is looked at again. */
export const CLAIM_POLL_SECONDS = 30;

export interface DeliveryKit {
  secrets: SealedSecrets;
}

type Config = typeof deliveryConfigs.$inferSelect;
type DeliveryRow = typeof leadDeliveries.$inferSelect;

export { backoffSeconds, verdictOf, type AttemptVerdict };

/** The lead as delivery reads it (null when it is gone). */
export async function loadDeliverableLead(db: Database, leadId: string): Promise<DeliverableLead | null> {
  const [row] = await db
    .select({
      lead: leads,
      clientName: organisations.name,
      campaignName: campaignNameSql(leads.campaignId),
    })
    .from(leads)
    .leftJoin(organisations, eq(organisations.id, leads.clientOrgId))
    .where(and(eq(leads.id, leadId), isNull(leads.deletedAt)));
  if (!row) return null;
  const { lead } = row;
  return {
    id: lead.id,
    contactId: lead.contactId,
    accountId: lead.accountId,
    source: lead.source,
    approvedAt: lead.reviewedAt,
    fields: (lead.fields ?? {}) as Record<string, unknown>,
    answers: (lead.answers ?? {}) as Record<string, unknown>,
    campaignId: lead.campaignId,
    campaignKind: lead.campaignKind as DeliverableLead['campaignKind'],
    campaignName: row.campaignName,
    clientOrgId: lead.clientOrgId ?? '',
    clientName: row.clientName ?? '',
  };
}

/** One send through one configuration: the HTTP request (or the CSV file), not yet recorded. */
export async function sendOnce(
  deps: Deps,
  kit: DeliveryKit,
  config: Config,
  lead: DeliverableLead,
  deliveryId: string,
  event: 'lead.delivered' | 'lead.test' = 'lead.delivered',
): Promise<SendOutcome & { verdict: AttemptVerdict }> {
  const fieldMap = config.fieldMap as FieldMapEntry[];
  const started = performance.now();
  const failed = (verdict: AttemptVerdict, error: string) => ({ httpStatus: null, responseExcerpt: null, error, durationMs: Math.round(performance.now() - started), verdict });
  if (config.kind === 'csv') {
    const key = `lead-deliveries/${config.id}/${deliveryId}.csv`;
    try {
      await deps.aws.s3.send(new PutObjectCommand({ Bucket: deps.config.BUCKET_NAME, Key: key, Body: csvText([lead], fieldMap), ContentType: 'text/csv' }));
    } catch (error) {
      return failed('retry', `The file could not be written (${(error as Error).name}).`);
    }
    return { httpStatus: null, responseExcerpt: `Written to ${key}.`, error: null, durationMs: Math.round(performance.now() - started), verdict: 'delivered' };
  }
  let target;
  try {
    target = await resolveTarget(config.url ?? '', { allowLoopback: deps.config.DELIVERY_ALLOW_PRIVATE_TARGETS });
  } catch (error) {
    if (error instanceof TargetRefused) return failed('dead', `Refused: ${error.message}`);
    throw error;
  }
  let secret: string | null;
  try {
    secret = await openSecret(kit.secrets, config);
  } catch (error) {
    return failed('retry', `The signing secret could not be read (${error instanceof AppError ? (error.detail ?? error.code) : (error as Error).name}).`);
  }
  const body = config.kind === 'webhook' ? JSON.stringify(buildPayload(lead, deliveryId, fieldMap, event)) : formBody(lead, fieldMap);
  const headers: Record<string, string> = {
    'content-type': config.kind === 'webhook' ? 'application/json' : 'application/x-www-form-urlencoded',
    [DELIVERY_IDEMPOTENCY_HEADER]: deliveryId,
  };
  if (secret) headers[DELIVERY_SIGNATURE_HEADER] = signatureHeader(secret, body, Math.floor(deps.now().getTime() / 1000));
  const outcome = await sendRequest(target, { headers, body, timeoutMs: deps.config.DELIVERY_TIMEOUT_MS });
  return { ...outcome, verdict: verdictOf(outcome) };
}

function describeFailure(outcome: SendOutcome): string {
  if (outcome.error) return outcome.error;
  return `The client answered ${outcome.httpStatus}${outcome.responseExcerpt ? `: ${outcome.responseExcerpt.slice(0, 200)}` : ''}`;
}

/** Claims the lead's due deliveries: one conditional update, so a delivery is in one task's hands at a time. */
async function claimDue(db: Database, leadId: string, now: Date): Promise<DeliveryRow[]> {
  const leaseEnd = new Date(now.getTime() - CLAIM_LEASE_SECONDS * 1000);
  return db
    .update(leadDeliveries)
    .set({ status: 'sending', attempts: sql`${leadDeliveries.attempts} + 1`, nextAttemptAt: null, updatedAt: now })
    .where(
      and(
        eq(leadDeliveries.leadId, leadId),
        or(
          eq(leadDeliveries.status, 'pending'),
          and(eq(leadDeliveries.status, 'failed'), lte(leadDeliveries.nextAttemptAt, now)),
          and(eq(leadDeliveries.status, 'sending'), lte(leadDeliveries.updatedAt, leaseEnd)),
        ),
      ),
    )
    .returning();
}

/** Writes the attempt's receipt and moves the delivery on (only while it is still this claim's). */
async function record(deps: Deps, delivery: DeliveryRow, outcome: SendOutcome & { verdict: AttemptVerdict }, at: Date): Promise<void> {
  const max = deps.config.DELIVERY_MAX_ATTEMPTS;
  const now = deps.now();
  let status: 'delivered' | 'failed' | 'dead' = outcome.verdict === 'delivered' ? 'delivered' : 'failed';
  if (outcome.verdict === 'dead' || (outcome.verdict === 'retry' && delivery.attempts >= max)) status = 'dead';
  const nextAttemptAt = status === 'failed' ? new Date(now.getTime() + backoffSeconds(deps.config.DELIVERY_RETRY_BASE_SECONDS, delivery.attempts) * 1000) : null;
  await deps.db.transaction(async (tx) => {
    await tx.insert(deliveryAttempts).values({
      deliveryId: delivery.id,
      attempt: sql`(select coalesce(max(${deliveryAttempts.attempt}), 0) + 1 from ${deliveryAttempts} where ${deliveryAttempts.deliveryId} = ${delivery.id})`,
      at,
      httpStatus: outcome.httpStatus,
      responseExcerpt: outcome.responseExcerpt,
      error: outcome.error,
      durationMs: outcome.durationMs,
    });
    await tx
      .update(leadDeliveries)
      .set({
        status,
        nextAttemptAt,
        lastError: status === 'delivered' ? null : describeFailure(outcome).slice(0, 500),
        deliveredAt: status === 'delivered' ? now : null,
        updatedAt: now,
      })
      .where(and(eq(leadDeliveries.id, delivery.id), eq(leadDeliveries.status, 'sending'), eq(leadDeliveries.attempts, delivery.attempts)));
  });
}

/** Publishes the lead when all its deliveries are delivered; true when this call did it. */
export async function publishIfDelivered(deps: Deps, leadId: string, hooks: LeadsHooks = {}): Promise<boolean> {
  return deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const [lead] = await tx.select({ state: leads.state }).from(leads).where(eq(leads.id, leadId)).for('update');
    if (lead?.state !== 'approved') return false;
    const rows = await tx.select({ status: leadDeliveries.status }).from(leadDeliveries).where(eq(leadDeliveries.leadId, leadId));
    if (!rows.length || rows.some((r) => r.status !== 'delivered')) return false;
    const at = deps.now();
    await transitionLead(tx, { leadId, to: 'published', actor: { kind: 'system' }, at, set: { publishedAt: at } });
    await hooks.published?.(tx, { leadId, at });
    return true;
  });
}

export interface RunResult {
  leadId: string;
  next: 'wait' | 'done';
  waitSeconds: number;
}

/** The workflow's task: sends what is due (again while more falls due at once), then says how long to wait, or done. */
export async function runLeadDeliveries(deps: Deps, kit: DeliveryKit, leadId: string, hooks: LeadsHooks = {}): Promise<RunResult> {
  for (let round = 0; round < 50; round++) {
    const claimed = await claimDue(deps.db, leadId, deps.now());
    if (claimed.length) {
      const lead = await loadDeliverableLead(deps.db, leadId);
      const configs = await deps.db.select().from(deliveryConfigs).where(inArray(deliveryConfigs.id, claimed.map((d) => d.configId)));
      for (const delivery of claimed) {
        const at = deps.now();
        const config = configs.find((c) => c.id === delivery.configId);
        const outcome =
          !lead || !config || config.deletedAt
            ? { httpStatus: null, responseExcerpt: null, error: !lead ? 'The lead was removed.' : 'The configuration was removed.', durationMs: 0, verdict: 'dead' as const }
            : await sendOnce(deps, kit, config, lead, delivery.id);
        await record(deps, delivery, outcome, at);
      }
    }
    const rest = await deps.db
      .select({ status: leadDeliveries.status, nextAttemptAt: leadDeliveries.nextAttemptAt, updatedAt: leadDeliveries.updatedAt })
      .from(leadDeliveries)
      .where(and(eq(leadDeliveries.leadId, leadId), inArray(leadDeliveries.status, ['pending', 'failed', 'sending'])));
    if (!rest.length) {
      await publishIfDelivered(deps, leadId, hooks);
      return { leadId, next: 'done', waitSeconds: 0 };
    }
    const now = deps.now().getTime();
    const dueIn = Math.min(
      ...rest.map((r) =>
        r.status === 'pending'
          ? 0
          : r.status === 'failed'
            ? (r.nextAttemptAt?.getTime() ?? now) - now
            : // Another task's claim: look again soon (it usually ends in seconds), at the latest when its lease is over.
              Math.min(CLAIM_POLL_SECONDS * 1000, r.updatedAt.getTime() + CLAIM_LEASE_SECONDS * 1000 - now),
      ),
    );
    if (dueIn > 0 || !claimed.length) return { leadId, next: 'wait', waitSeconds: Math.max(1, Math.ceil(dueIn / 1000)) };
  }
  return { leadId, next: 'wait', waitSeconds: 1 };
}

/** The workflow's Catch: the lead's claims still held go back to failed, due at once, for the sweeper or a retry. */
export async function failLeadDeliveries(deps: Deps, leadId: string, error: { Error?: string; Cause?: string } | undefined): Promise<void> {
  deps.logger.error('lead delivery workflow failed', { leadId, error: error?.Error });
  await deps.db
    .update(leadDeliveries)
    .set({ status: 'failed', nextAttemptAt: deps.now(), lastError: `Sending stopped on an unexpected error (${String(error?.Error ?? 'unknown').slice(0, 120)}).`, updatedAt: deps.now() })
    .where(and(eq(leadDeliveries.leadId, leadId), eq(leadDeliveries.status, 'sending')));
}

export const receiptOf = (row: typeof deliveryAttempts.$inferSelect): DeliveryReceipt => ({
  attempt: row.attempt,
  at: row.at.toISOString(),
  httpStatus: row.httpStatus,
  responseExcerpt: row.responseExcerpt,
  error: row.error,
  durationMs: row.durationMs,
});

export type { DeliveryKind };

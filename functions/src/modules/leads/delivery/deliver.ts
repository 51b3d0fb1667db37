// One-click delivery of an approved lead: a delivery for every active configuration of its client
// that covers its campaign (once per pair), then the delivery workflow. Also the manual retry of a
// dead or failed delivery, and the sweeper that restarts the workflow for deliveries left due
// (a Catch, a lost StartExecution, a crashed task's claim).
import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../../core/app-error';
import type { Deps, ScheduledJob } from '../../../core/deps';
import { deliveryConfigs, leadDeliveries, leads } from '../../../db/schema';
import { startWorkflowExecution } from '../../../workflows/start-execution';
import { LEAD_DELIVERY_WORKFLOW_NAME } from '../../../workflows/lead-delivery';
import { CLAIM_LEASE_SECONDS, type DeliveryKit } from './engine';
import { deliverySecretsFor } from './secrets';

export const deliveryKitOf = (deps: Deps): DeliveryKit => ({ secrets: deliverySecretsFor(deps.config) });

/** Starts the lead's delivery workflow (a second one at the same time sends nothing twice: claims are conditional). */
export async function startLeadDeliveryWorkflow(deps: Deps, leadId: string): Promise<void> {
  await startWorkflowExecution(deps.aws.sfn, LEAD_DELIVERY_WORKFLOW_NAME, `${leadId}-${deps.now().getTime()}`, { leadId });
}

/**
 * Creates the lead's deliveries and starts sending them (idempotent: a pair already made is kept).
 * `configIds` names the configurations to use (a lead of an order: the order's); without it, every
 * active configuration of the lead's client that covers its campaign.
 */
export async function deliverLead(deps: Deps, leadId: string, actorId: string | null, options: { configIds?: string[] } = {}): Promise<void> {
  const [lead] = await deps.db
    .select({ state: leads.state, clientOrgId: leads.clientOrgId, campaignId: leads.campaignId })
    .from(leads)
    .where(and(eq(leads.id, leadId), isNull(leads.deletedAt)));
  if (!lead) throw notFound('lead');
  if (lead.state !== 'approved') throw new AppError('conflict', { detail: `Only an approved lead is delivered; this one is ${lead.state.replace('_', ' ')}.` });
  const named = options.configIds;
  if (named && !named.length) throw new AppError('conflict', { detail: 'No delivery configuration is named for this lead.' });
  if (!named && !lead.clientOrgId) throw new AppError('conflict', { detail: 'This lead has no client to deliver to: set its campaign’s client first.' });
  const configs = await deps.db
    .select({ id: deliveryConfigs.id })
    .from(deliveryConfigs)
    .where(
      and(
        named ? inArray(deliveryConfigs.id, named) : eq(deliveryConfigs.clientOrgId, lead.clientOrgId!),
        eq(deliveryConfigs.active, true),
        isNull(deliveryConfigs.deletedAt),
        named ? undefined : lead.campaignId ? or(isNull(deliveryConfigs.campaignId), eq(deliveryConfigs.campaignId, lead.campaignId)) : isNull(deliveryConfigs.campaignId),
      ),
    );
  if (!configs.length) throw new AppError('conflict', { detail: 'The client has no active delivery configuration for this lead’s campaign.' });
  const now = deps.now();
  await deps.db
    .insert(leadDeliveries)
    .values(configs.map((c) => ({ leadId, configId: c.id, createdAt: now, updatedAt: now })))
    .onConflictDoNothing({ target: [leadDeliveries.leadId, leadDeliveries.configId] });
  deps.logger.info('lead delivery requested', { leadId, actorId, configs: configs.length });
  // The deliveries are kept: should the workflow not start now, the sweeper starts it within minutes.
  await startLeadDeliveryWorkflow(deps, leadId).catch((error: unknown) =>
    deps.logger.error('lead delivery workflow did not start; the sweeper will', { leadId, error: (error as Error).name }),
  );
}

/** A dead or failed delivery, sent again now with a fresh round of attempts (409 for any other). */
export async function retryDelivery(deps: Deps, deliveryId: string): Promise<void> {
  const now = deps.now();
  const [moved] = await deps.db
    .update(leadDeliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: null, updatedAt: now })
    .where(and(eq(leadDeliveries.id, deliveryId), inArray(leadDeliveries.status, ['dead', 'failed'])))
    .returning({ leadId: leadDeliveries.leadId });
  if (!moved) {
    const [row] = await deps.db.select({ status: leadDeliveries.status }).from(leadDeliveries).where(eq(leadDeliveries.id, deliveryId));
    if (!row) throw notFound('delivery');
    throw new AppError('conflict', { detail: `Only a dead or failed delivery is retried; this one is ${row.status}.` });
  }
  await startLeadDeliveryWorkflow(deps, moved.leadId).catch((error: unknown) =>
    deps.logger.error('lead delivery workflow did not start; the sweeper will', { leadId: moved.leadId, error: (error as Error).name }),
  );
}

/** How long a due delivery is left to its own workflow before the sweeper starts another. */
export const SWEEP_GRACE_SECONDS = 120;

/** Starts the workflow for leads whose deliveries are due and untouched for a while; answers the leads. */
export async function sweepLeadDeliveries(deps: Deps, limit = 100): Promise<string[]> {
  const now = deps.now().getTime();
  const stale = new Date(now - SWEEP_GRACE_SECONDS * 1000);
  const staleClaim = new Date(now - (CLAIM_LEASE_SECONDS + SWEEP_GRACE_SECONDS) * 1000);
  const rows = await deps.db
    .selectDistinct({ leadId: leadDeliveries.leadId })
    .from(leadDeliveries)
    .where(
      or(
        and(eq(leadDeliveries.status, 'pending'), lte(leadDeliveries.updatedAt, stale)),
        and(eq(leadDeliveries.status, 'failed'), lte(leadDeliveries.nextAttemptAt, stale)),
        and(eq(leadDeliveries.status, 'sending'), lte(leadDeliveries.updatedAt, staleClaim)),
      ),
    )
    .limit(limit);
  for (const { leadId } of rows) {
    await startLeadDeliveryWorkflow(deps, leadId).catch((error: unknown) => deps.logger.error('lead delivery sweep could not start', { leadId, error: (error as Error).name }));
    // Touched, so the next sweep leaves it to the execution just started for a while.
    const at = deps.now();
    await deps.db
      .update(leadDeliveries)
      .set({ updatedAt: at, nextAttemptAt: sql`case when ${leadDeliveries.status} = 'failed' then ${at.toISOString()}::timestamptz else ${leadDeliveries.nextAttemptAt} end` })
      .where(and(eq(leadDeliveries.leadId, leadId), inArray(leadDeliveries.status, ['pending', 'failed'])));
  }
  return rows.map((r) => r.leadId);
}

export const leadDeliverySweepJob: ScheduledJob = {
  name: 'lead-delivery-sweep',
  everySeconds: 60,
  runAtStartup: true,
  run: async (deps) => {
    await sweepLeadDeliveries(deps);
  },
};

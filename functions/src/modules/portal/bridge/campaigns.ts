// The campaigns that work an order: call and email campaigns linked to it. A campaign works one
// order at a time (a second order's link answers 409); linking again to the same order changes
// nothing. Linking leaves the campaign's audience as its manager set it (the order's segment is on
// the order to choose); whatever the audience, the order's client suppressions keep their people
// out of its dials and sends (./order-gate.ts), and its leads carry the order.
import { and, asc, eq } from 'drizzle-orm';
import { ORDER_CHANNEL_LABELS, type OrderChannel } from '@shared/contracts/portal';
import type { OrderCampaign } from '@shared/contracts/portal-pacing';
import type { Deps } from '../../../core/deps';
import { AppError, invalid, notFound } from '../../../core/app-error';
import { orderCampaigns } from '../../../db/schema';
import type { PortalHooks } from '../hooks';
import { orderInScope, type TenantScope } from '../tenant';
import { bridgeHooksOf } from './bridge';

/** Orders campaigns may be linked to (not yet done, not given up). */
const LINKABLE_STATES: readonly string[] = ['approved', 'live', 'paused'];

const CHANNEL_KINDS: Record<OrderChannel, readonly ('call' | 'email')[]> = { email: ['email'], telemarketing: ['call'], both: ['call', 'email'] };

export async function listOrderCampaigns(deps: Pick<Deps, 'db'>, hooks: PortalHooks, scope: TenantScope, orderId: string): Promise<{ items: OrderCampaign[] }> {
  const order = await orderInScope(deps.db, scope, orderId);
  const bridge = bridgeHooksOf(hooks);
  const links = await deps.db.select().from(orderCampaigns).where(eq(orderCampaigns.orderId, order.id)).orderBy(asc(orderCampaigns.linkedAt));
  const items = await Promise.all(
    links.map(async (l) => ({
      campaignId: l.campaignId,
      campaignKind: l.campaignKind as 'call' | 'email',
      name: (await bridge.findCampaign(deps.db, l.campaignId))?.name ?? null,
      linkedAt: l.linkedAt.toISOString(),
    })),
  );
  return { items };
}

export async function linkCampaign(
  deps: Pick<Deps, 'db' | 'now'>,
  hooks: PortalHooks,
  input: { scope: TenantScope; orderId: string; campaignId: string; campaignKind: 'call' | 'email' },
): Promise<{ items: OrderCampaign[] }> {
  const order = await orderInScope(deps.db, input.scope, input.orderId);
  if (!LINKABLE_STATES.includes(order.state)) throw new AppError('conflict', { detail: `Campaigns work approved, live or paused orders; this one is ${order.state.replace('_', ' ')}.` });
  const campaign = await bridgeHooksOf(hooks).findCampaign(deps.db, input.campaignId);
  if (!campaign || campaign.kind !== input.campaignKind) throw invalid('body.campaignId', `is not ${input.campaignKind === 'call' ? 'a call' : 'an email'} campaign`);
  const channel = order.channel as OrderChannel;
  if (!CHANNEL_KINDS[channel].includes(input.campaignKind)) {
    throw invalid('body.campaignKind', `does not fit the order's channel (${ORDER_CHANNEL_LABELS[channel].toLowerCase()})`);
  }
  // The key (kind, campaign) makes "one order per campaign" the database's rule, whoever races.
  await deps.db
    .insert(orderCampaigns)
    .values({ orderId: order.id, campaignId: campaign.id, campaignKind: campaign.kind, linkedBy: input.scope.userId, linkedAt: deps.now() })
    .onConflictDoNothing();
  const [link] = await deps.db
    .select({ orderId: orderCampaigns.orderId })
    .from(orderCampaigns)
    .where(and(eq(orderCampaigns.campaignKind, campaign.kind), eq(orderCampaigns.campaignId, campaign.id)));
  if (link?.orderId !== order.id) throw new AppError('conflict', { detail: 'This campaign already works another order: unlink it there first.' });
  return listOrderCampaigns(deps, hooks, input.scope, order.id);
}

export async function unlinkCampaign(
  deps: Pick<Deps, 'db'>,
  hooks: PortalHooks,
  input: { scope: TenantScope; orderId: string; campaignId: string; campaignKind: 'call' | 'email' },
): Promise<{ items: OrderCampaign[] }> {
  const order = await orderInScope(deps.db, input.scope, input.orderId);
  const removed = await deps.db
    .delete(orderCampaigns)
    .where(and(eq(orderCampaigns.orderId, order.id), eq(orderCampaigns.campaignKind, input.campaignKind), eq(orderCampaigns.campaignId, input.campaignId)))
    .returning({ campaignId: orderCampaigns.campaignId });
  if (!removed.length) throw notFound('campaign of this order');
  return listOrderCampaigns(deps, hooks, input.scope, order.id);
}

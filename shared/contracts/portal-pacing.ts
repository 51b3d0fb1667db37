// Pacing of an order and the bridge that makes an order workable. Pacing: delivered against ordered
// against time elapsed, with a forecast at the current rate; over pace slows the order's dialer
// queues and email sends, under pace raises an alert (a task) to its campaign manager. The bridge:
// a campaign manager turns an approved order into a domain set (its targets) and a segment (its
// criteria, within that set), then links call and email campaigns to it.
import { z } from 'zod';

const uuid = z.string().uuid();

export const PACE_STATUSES = ['on_pace', 'over', 'under'] as const;
export type PaceStatus = (typeof PACE_STATUSES)[number];
export const PACE_STATUS_LABELS: Record<PaceStatus, string> = { on_pace: 'On pace', over: 'Over pace', under: 'Under pace' };

/** One day of the order's window: what the pace plan expected by then and what was delivered by then (cumulative). */
export const pacePointSchema = z.object({
  day: z.string(),
  expected: z.number().int(),
  delivered: z.number().int().nullable(),
  /** The forecast at the current rate (days after today only). */
  forecast: z.number().int().nullable(),
});
export type PacePoint = z.infer<typeof pacePointSchema>;

export const orderPacingSchema = z.object({
  orderId: uuid,
  ordered: z.number().int(),
  delivered: z.number().int(),
  /** What the pace plan expected by today. */
  expectedToDate: z.number().int(),
  /** Share of the window elapsed, 0–1. */
  elapsed: z.number(),
  status: z.enum(PACE_STATUSES).nullable(),
  /** Delivered by the end date at the current rate. */
  forecastTotal: z.number().int(),
  /** The day the volume is reached at the current rate (null: not within a year). */
  forecastDoneOn: z.string().nullable(),
  /** The throttle applied to the order's campaigns now: 1 = full speed, 0 = stopped. */
  throttle: z.number(),
  series: z.array(pacePointSchema),
});
export type OrderPacing = z.infer<typeof orderPacingSchema>;

export const pacingOverviewSchema = z.object({
  items: z.array(
    z.object({
      orderId: uuid,
      reference: z.string(),
      name: z.string(),
      orgName: z.string(),
      ordered: z.number().int(),
      delivered: z.number().int(),
      expectedToDate: z.number().int(),
      status: z.enum(PACE_STATUSES).nullable(),
      endsOn: z.string(),
    }),
  ),
});
export type PacingOverview = z.infer<typeof pacingOverviewSchema>;

/** Turn an order into its audience: a domain set of its targets and a segment of its criteria within it. */
export const orderBridgeSchema = z.strictObject({
  /** Names default to the order's reference and name. */
  domainSetName: z.string().trim().min(1).max(200).optional(),
  segmentName: z.string().trim().min(1).max(200).optional(),
});
export const orderBridgeResultSchema = z.object({ domainSetId: uuid, segmentId: uuid, matchedDomains: z.number().int(), contacts: z.number().int() });
export type OrderBridgeResult = z.infer<typeof orderBridgeResultSchema>;

export const orderCampaignLinkSchema = z.strictObject({ campaignId: uuid, campaignKind: z.enum(['call', 'email']) });

/** A campaign linked to an order (name null: the campaign was deleted since). */
export const orderCampaignSchema = z.object({
  campaignId: uuid,
  campaignKind: z.enum(['call', 'email']),
  name: z.string().nullable(),
  linkedAt: z.string(),
});
export type OrderCampaign = z.infer<typeof orderCampaignSchema>;
export const orderCampaignListSchema = z.object({ items: z.array(orderCampaignSchema) });

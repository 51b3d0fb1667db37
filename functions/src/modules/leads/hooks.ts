// What the leads module needs from the others, wired at the root (functions/src/composition.ts).
// Leads read contacts and accounts through functions/src/records and the call's row directly; a
// hook is added here when a rule belongs to another module.
import type { Database } from '../../db/connection';

export interface LeadsHooks {
  /** The client order a campaign's leads are for (the portal's bridge), with its client; null when it works none. */
  orderForCampaign?(db: Database, campaignId: string, kind: 'call' | 'email'): Promise<{ orderId: string; clientOrgId: string } | null>;
}

export const noLeadsHooks: LeadsHooks = {};

// What the leads module needs from the others, wired at the root (functions/src/composition.ts).
// Leads read contacts and accounts through functions/src/records and the call's row directly; a
// hook is added here when a rule belongs to another module. A lead that carries an order
// (leads.order_id) is published to that order by the portal: after its approval commits
// (`approved`), and inside the transaction that publishes it after a delivery (`published`: the
// replacement loop).
import type { Deps } from '../../core/deps';
import type { Database } from '../../db/connection';

export interface LeadsHooks {
  /** The client order a campaign's leads are for (the portal's bridge), with its client; null when it works none. */
  orderForCampaign?(db: Database, campaignId: string, kind: 'call' | 'email'): Promise<{ orderId: string; clientOrgId: string } | null>;
  /**
   * After a lead's approval has committed. Answers true when another module took the lead (a lead
   * of an order: published to it, or handed to the order's delivery), so the campaign's own
   * delivery at once is skipped; false for a lead it has nothing to do with.
   */
  approved?(deps: Deps, input: { leadId: string; actorId: string | null }): Promise<boolean>;
  /** Inside the transaction that publishes a lead (approved → published after its deliveries). */
  published?(tx: Database, input: { leadId: string; at: Date }): Promise<void>;
}

export const noLeadsHooks: LeadsHooks = {};

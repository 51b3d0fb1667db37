// What the portal module needs from the others, wired at the root (functions/src/composition.ts).
// Each part adds the hook its work needs here (building a domain set and a segment from an order,
// counting who is reachable, creating a user), so the portal never imports another module.
import type { SQL } from 'drizzle-orm';
import type { AccountCap } from '@shared/contracts/activity';
import type { FilterGroup } from '@shared/contracts/filters';
import { AppError } from '../../core/app-error';
import type { Deps } from '../../core/deps';
import type { Database } from '../../db/connection';

type AudienceDeps = Pick<Deps, 'db' | 'now' | 'hooks'>;

/** The bridge: the audience module's domain sets and segments, the campaigns, the contact policy and tasks. */
export interface BridgeHooks {
  /** A new domain set from pasted domains, matched to accounts. */
  createDomainSet(deps: AudienceDeps, input: { name: string; text: string; userId: string | null }): Promise<{ id: string; matched: number }>;
  /** The same set with its entries replaced and matched again. */
  replaceDomainSet(deps: AudienceDeps, input: { id: string; name: string; text: string }): Promise<{ id: string; matched: number }>;
  createSegment(deps: AudienceDeps, input: { name: string; description: string; filter: FilterGroup; userId: string | null }): Promise<{ id: string }>;
  updateSegment(deps: AudienceDeps, input: { id: string; name: string; description: string; filter: FilterGroup }): Promise<{ id: string }>;
  /** How many live contacts a segment filter matches now. */
  countSegment(deps: AudienceDeps, filter: FilterGroup): Promise<number>;
  /** The call or email campaign of this id (not deleted), or null. */
  findCampaign(db: Database, campaignId: string): Promise<{ id: string; kind: 'call' | 'email'; name: string } | null>;
  /** The contact policy's account caps in force. */
  accountCaps(db: Database): Promise<AccountCap[]>;
  /** A task for a staff user (the order's manager), due at a UTC wall time. */
  createTask(db: Database, input: { title: string; assigneeId: string; dueLocal: string; note: string; at: Date }): Promise<{ id: string }>;
}

/** What the contact gate would do with an audience now: how many it holds, admits, and why it leaves the others out. */
export interface ReachCounts {
  audience: number;
  admitted: number;
  /** Per reason (the compliance guard's first, then the contact policy's), how many are left out. */
  excluded: Record<string, number>;
}

export interface PortalHooks {
  /**
   * The contact gate's preview (compliance: suppressions, consent, calling hours; the contact
   * policy: frequency, quiet periods, account caps) over `contacts`, a query answering contact
   * ids, on one channel at an instant. Counts only; writes nothing.
   */
  previewReach: (db: Database, contacts: SQL, options: { channel: 'email' | 'phone'; at: Date }) => Promise<ReachCounts>;
  bridge?: BridgeHooks;
}

export const noPortalHooks: PortalHooks = {
  previewReach: async () => {
    throw new AppError('unavailable', { detail: 'Reachability is not wired in this build.' });
  },
};

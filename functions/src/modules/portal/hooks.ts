// What the portal module needs from the others, wired at the root (functions/src/composition.ts).
// Each part adds the hook its work needs here (building a domain set and a segment from an order,
// counting who is reachable, creating a user), so the portal never imports another module.
import type { SQL } from 'drizzle-orm';
import { AppError } from '../../core/app-error';
import type { Database } from '../../db/connection';

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
}

export const noPortalHooks: PortalHooks = {
  previewReach: async () => {
    throw new AppError('unavailable', { detail: 'Reachability is not wired in this build.' });
  },
};

// What the portal module needs from the others, wired at the root (functions/src/composition.ts).
// Each part adds the hook its work needs here (building a domain set and a segment from an order,
// counting who is reachable, creating a user), so the portal never imports another module.
import type { AccountCap } from '@shared/contracts/activity';
import type { FilterGroup } from '@shared/contracts/filters';
import type { SQL } from 'drizzle-orm';
import { AppError } from '../../core/app-error';
import type { LeadState } from '@shared/contracts/leads';
import type { Role } from '@shared/roles';
import type { Actor } from '../../core/actor';
import type { leads } from '../../db/schema';
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

/** The leads module's one transition function (checked against LEAD_TRANSITIONS, audited). */
export type LeadTransition = (
  tx: Database,
  input: {
    leadId: string;
    to: LeadState;
    actor: { kind: 'person'; userId: string; roles: readonly Role[] } | { kind: 'system' };
    reasonCode?: string | null;
    note?: string | null;
    at: Date;
    set?: Partial<typeof leads.$inferInsert>;
  },
) => Promise<{ from: LeadState; to: LeadState }>;

/** What the portal's leads part reaches in the leads module: transitions and delivery. */
export interface PortalLeadsHooks {
  transitionLead: LeadTransition;
  /** Creates the lead's deliveries through the named configurations and starts sending them (the lead QA delivery). */
  deliverLead(deps: Deps, leadId: string, actorId: string | null, options: { configIds: string[] }): Promise<void>;
}

/** A user as the identity module answers it. */
export interface IdentityUser {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  status: 'active' | 'deactivated';
}

/** What the portal's users part reaches in the identity module (sessions end on deactivation; Cognito kept in step). */
export interface PortalUsersHooks {
  createUser(
    deps: Deps,
    input: {
      request: { username: string; email: string; firstName: string; lastName: string; password: string; roles: Role[]; orgId?: string; clientAdmin?: boolean; mustChangePassword?: boolean };
      context: Actor;
    },
  ): Promise<IdentityUser>;
  deactivateUser(deps: Deps, input: { userId: string; context: Actor }): Promise<IdentityUser>;
  reactivateUser(deps: Deps, input: { userId: string; context: Actor }): Promise<IdentityUser>;
}

export interface PortalHooks {
  /**
   * The contact gate's preview (compliance: suppressions, consent, calling hours; the contact
   * policy: frequency, quiet periods, account caps) over `contacts`, a query answering contact
   * ids, on one channel at an instant. Counts only; writes nothing.
   */
  previewReach: (db: Database, contacts: SQL, options: { channel: 'email' | 'phone'; at: Date }) => Promise<ReachCounts>;
  leads: PortalLeadsHooks;
  users: PortalUsersHooks;
  bridge?: BridgeHooks;
}

const refused = (what: string) => async (): Promise<never> => {
  throw new Error(`${what} is not wired: the composition root installs it.`);
};

export const noPortalHooks: PortalHooks = {
  previewReach: async () => {
    throw new AppError('unavailable', { detail: 'Reachability is not wired in this build.' });
  },
  leads: { transitionLead: refused('Moving a lead'), deliverLead: refused('Delivering a lead') },
  users: { createUser: refused('Creating a user'), deactivateUser: refused('Deactivating a user'), reactivateUser: refused('Reactivating a user') },
};

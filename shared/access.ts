// The access policy: every role set the product uses, named by what it lets a user do. Route
// tables declare a capability instead of listing roles, and screens hide what the user cannot
// do with the same names, so the API and the SPA cannot drift apart. Only this table says
// which roles hold a capability.
import type { Role } from './roles';

const READERS = ['admin', 'campaign_manager', 'quality_analyst', 'agent'] as const satisfies readonly Role[];
const MANAGERS = ['admin', 'campaign_manager'] as const satisfies readonly Role[];

export const ACCESS_POLICY = {
  /** Accounts, contacts, their history, global search, lists, suppression checks (an agent's within their reach: `records.all`). */
  'records.read': READERS,
  /**
   * Every account and contact, and the suppression list (its addresses and numbers are people's).
   * A reader without it (an agent) reads only the records of the call campaigns they are assigned
   * to, their callbacks and their calls, and checks numbers against the list without browsing it
   * (docs/decisions/0009).
   */
  'records.all': ['admin', 'campaign_manager', 'quality_analyst'],
  /** Create, change, delete and bulk-edit records; lists, segments, domain sets; add suppressions. */
  'records.write': MANAGERS,
  /** Segments (definitions and live previews) and domain-set match reports. */
  'audience.analyse': ['admin', 'campaign_manager', 'quality_analyst'],
  /** A contact's consent record: everyone on the staff side may see it. */
  'consent.read': ['admin', 'campaign_manager', 'agent', 'quality_analyst', 'content_creator'],
  /** Record an opt-in or opt-out (agents do it on the phone). */
  'consent.write': ['admin', 'campaign_manager', 'agent'],
  /** Lift a suppression: only admins, because it makes someone reachable again. */
  'suppressions.remove': ['admin'],
  /** Uploads, import jobs and profiles, and exports (data leaving the system in bulk). */
  'imports.run': MANAGERS,
  /** Users, roles, organisations, the audit trail, the design system. */
  admin: ['admin'],
  /** Email campaigns: build and send. */
  'email.send': MANAGERS,
  /** Deliverability: sending and tracking domains, IP pools, warm-up plans, sender profiles. */
  'email.configure': ['admin'],
  /** The agent console: presence, the dialer's calls, wrap-up, manual dials on assigned campaigns. */
  'calls.make': ['admin', 'campaign_manager', 'agent'],
  /**
   * Play a call's recording: an agent their own calls', everyone who reviews calls (call managers,
   * lead QA) any call's. The record timeline offers every recording to whoever reads the record.
   */
  'calls.listen': READERS,
  /** Call campaigns (scripts, forms, dispositions, agents), the dialer's queues and settings, call reports. */
  'calls.manage': MANAGERS,
  /** SIP trunks and caller ids. */
  'telephony.configure': ['admin'],
  /** The lead QA workflow. */
  'leads.review': ['admin', 'campaign_manager', 'quality_analyst'],
  /** QA settings of campaigns (client, checklist, account criteria), the reason-code catalogue, client delivery configurations. */
  'leads.configure': MANAGERS,
  /** Client orders of every organisation: read them, their pacing and their leads. */
  'orders.read': ['admin', 'campaign_manager', 'quality_analyst'],
  /** Review, approve and run orders: states, the bridge to audiences and campaigns, orders on a client's behalf. */
  'orders.manage': MANAGERS,
  /** The content library: assets, their versions and reports, social posts, the Resources Centre's log. */
  'content.read': ['admin', 'campaign_manager', 'quality_analyst', 'agent', 'content_creator'],
  /** Upload and edit assets, draft with AI, attach them to campaigns, schedule social posts, push to the Resources Centre. */
  'content.create': ['admin', 'campaign_manager', 'content_creator'],
  /** Connected social accounts and the Resources Centre link (endpoint, secrets, reference conflicts). */
  'content.configure': ['admin'],
  /** The client portal: a client user's own organisation's orders and deliveries. */
  'portal.client': ['client_user'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof ACCESS_POLICY;

export const CAPABILITIES = Object.keys(ACCESS_POLICY) as Capability[];

/** The roles that hold a capability. */
export function rolesFor(capability: Capability): readonly Role[] {
  return ACCESS_POLICY[capability];
}

/** True when a user holding `roles` has the capability (any one of its roles is enough). */
export function can(roles: readonly Role[], capability: Capability): boolean {
  return rolesFor(capability).some((role) => roles.includes(role));
}

export function isCapability(value: unknown): value is Capability {
  return typeof value === 'string' && Object.hasOwn(ACCESS_POLICY, value);
}

// The navigation registry: every page the app has, who may open it (a capability of the access
// policy, the same one the page's API routes declare), where it sits in the
// sidebar and how it loads. The router, the sidebar, the breadcrumbs, the command palette and
// the go-to shortcuts all read this one list, so a page cannot be reachable in one place and
// missing (or unguarded) in another. A page that is not built is not listed.
import type { ComponentType } from 'react';
import {
  Building2,
  CalendarClock,
  ClipboardCheck,
  ClipboardList,
  Contact,
  FileUp,
  Filter,
  Gauge,
  Globe2,
  Headset,
  LayoutDashboard,
  LayoutTemplate,
  Library,
  ListChecks,
  ChartColumn,
  Mail,
  Megaphone,
  MailCheck,
  Palette,
  PhoneForwarded,
  PhoneCall,
  PhoneOutgoing,
  ShieldBan,
  SlidersHorizontal,
  Users,
  type LucideIcon,
} from 'lucide-react';
import { can, type Capability } from '@shared/access';
import type { Role } from '@shared/roles';
import { useTaskBadge } from '@/features/activity/task-badge';

export type NavSection = 'workspace' | 'settings';

export const NAV_SECTION_LABELS: Record<NavSection, string> = {
  workspace: 'Workspace',
  settings: 'Settings',
};

export interface NavEntry {
  id: string;
  label: string;
  /** The route; wouter pattern syntax. */
  path: string;
  icon: LucideIcon;
  /** Who may open it: the capability of the list route its page loads ('authenticated': every signed-in user). */
  capability: Capability | 'authenticated';
  section: NavSection;
  /** The second key of its `g <key>` shortcut. */
  goKey?: string;
  /** Words the command palette also matches. */
  keywords?: string[];
  /** Loaded on first visit: each page is its own chunk. */
  load: () => Promise<{ default: ComponentType }>;
  /** The page also answers its sub-paths (`/accounts/<id>`) and routes them itself. */
  nested?: boolean;
  /** A count the sidebar shows beside the label (a hook: it may query). */
  useBadge?: () => { count: number; urgent: boolean } | null;
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  {
    id: 'dashboard',
    label: 'Dashboard',
    path: '/',
    icon: LayoutDashboard,
    capability: 'authenticated',
    section: 'workspace',
    goKey: 'd',
    keywords: ['home', 'overview', 'stats'],
    load: () => import('../pages/dashboard/dashboard-page'),
  },
  {
    id: 'accounts',
    label: 'Accounts',
    path: '/accounts',
    icon: Building2,
    capability: 'records.read',
    section: 'workspace',
    goKey: 'a',
    keywords: ['companies', 'organisations', 'firms', 'abm'],
    load: () => import('../pages/accounts/accounts-page'),
    nested: true,
  },
  {
    id: 'contacts',
    label: 'Contacts',
    path: '/contacts',
    icon: Contact,
    capability: 'records.read',
    section: 'workspace',
    goKey: 'c',
    keywords: ['people', 'leads', 'prospects', 'persons'],
    load: () => import('../pages/contacts/contacts-page'),
    nested: true,
  },
  {
    id: 'tasks',
    label: 'My tasks',
    path: '/tasks',
    icon: CalendarClock,
    capability: 'records.read',
    section: 'workspace',
    goKey: 't',
    keywords: ['to do', 'call back', 'callbacks', 'follow up', 'reminders'],
    load: () => import('../pages/tasks/my-tasks-page'),
    useBadge: useTaskBadge,
  },
  {
    id: 'orders',
    label: 'Orders',
    path: '/orders',
    icon: ClipboardList,
    capability: 'orders.read',
    section: 'workspace',
    goKey: 'o',
    keywords: ['portal', 'client orders', 'order', 'pacing', 'pace', 'delivery', 'target accounts', 'match preview', 'bridge', 'returns', 'volume'],
    load: () => import('../pages/orders/orders-page'),
    nested: true,
  },
  {
    id: 'imports',
    label: 'Imports',
    path: '/imports',
    icon: FileUp,
    capability: 'imports.run',
    section: 'workspace',
    goKey: 'i',
    keywords: ['csv', 'upload', 'import', 'drop folder', 'mapping', 'history'],
    load: () => import('../pages/imports/imports-page'),
    nested: true,
  },
  {
    id: 'segments',
    label: 'Segments',
    path: '/segments',
    icon: Filter,
    capability: 'audience.analyse',
    section: 'workspace',
    keywords: ['audience', 'filter', 'targeting', 'builder'],
    load: () => import('../pages/audience/segments-page'),
    nested: true,
  },
  {
    id: 'lists',
    label: 'Lists',
    path: '/lists',
    icon: ListChecks,
    capability: 'records.read',
    section: 'workspace',
    keywords: ['static list', 'audience', 'members'],
    load: () => import('../pages/audience/lists-page'),
    nested: true,
  },
  {
    id: 'domain-sets',
    label: 'Domain sets',
    path: '/domain-sets',
    icon: Globe2,
    capability: 'audience.analyse',
    section: 'workspace',
    keywords: ['abm', 'target accounts', 'tal', 'domains', 'match'],
    load: () => import('../pages/audience/domain-sets-page'),
    nested: true,
  },
  {
    id: 'email-campaigns',
    label: 'Campaigns',
    path: '/email/campaigns',
    icon: Mail,
    capability: 'email.send',
    section: 'workspace',
    goKey: 'e',
    keywords: ['email', 'campaign', 'send', 'newsletter', 'a/b test', 'report', 'mailing'],
    load: () => import('../pages/email/campaigns-page'),
    nested: true,
  },
  {
    id: 'email-templates',
    label: 'Templates',
    path: '/email/templates',
    icon: LayoutTemplate,
    capability: 'email.send',
    section: 'workspace',
    goKey: 'm',
    keywords: ['email', 'template', 'layout', 'design', 'editor', 'mail'],
    load: () => import('../pages/email/templates-page'),
    nested: true,
  },
  {
    id: 'call-campaigns',
    label: 'Call campaigns',
    path: '/telephony/campaigns',
    icon: PhoneOutgoing,
    capability: 'calls.manage',
    section: 'workspace',
    keywords: ['telemarketing', 'calls', 'dialer', 'script', 'qualification form', 'dispositions', 'agents', 'phone'],
    load: () => import('../pages/telephony/call-campaigns-page'),
    nested: true,
  },
  {
    id: 'telephony-console',
    label: 'Agent console',
    path: '/telephony/console',
    icon: Headset,
    capability: 'calls.make',
    section: 'workspace',
    goKey: 'p',
    keywords: ['phone', 'call', 'calls', 'softphone', 'dialer', 'telemarketing', 'agent', 'disposition', 'wrap-up', 'callback'],
    load: () => import('../pages/telephony/console-page'),
  },
  {
    id: 'telephony-auto-dialer',
    label: 'Auto-dialer',
    path: '/telephony/auto-dialer',
    icon: PhoneForwarded,
    capability: 'calls.manage',
    section: 'workspace',
    keywords: ['dialer', 'queues', 'pacing', 'abandonment', 'abandoned calls', 'call reports', 'compliance', 'telemarketing', 'control centre'],
    load: () => import('../pages/telephony/auto-dialer-page'),
  },
  // Lead QA. Entries under /leads (reports, settings) go before this one: the router and the
  // breadcrumbs take the first entry that answers an address, and this one answers /leads/*.
  {
    id: 'lead-qa',
    label: 'Lead QA',
    path: '/leads',
    icon: ClipboardCheck,
    capability: 'leads.review',
    section: 'workspace',
    goKey: 'q',
    keywords: ['leads', 'qa', 'quality', 'review', 'queue', 'approve', 'reject', 'transcript', 'recording', 'evidence', 'score', 'delivery'],
    load: () => import('../pages/leads/leads-page'),
    nested: true,
  },
  {
    id: 'lead-reports',
    label: 'Lead reports',
    path: '/leads/reports',
    icon: ChartColumn,
    capability: 'leads.review',
    section: 'workspace',
    keywords: ['leads', 'qa', 'quality', 'approval rate', 'rejection reasons', 'time in qa', 'ai agreement', 'ai cost', 'reports'],
    load: () => import('../pages/leads/reports-page'),
  },
  {
    id: 'content',
    label: 'Content',
    path: '/content',
    icon: Library,
    capability: 'content.read',
    section: 'workspace',
    goKey: 'l',
    keywords: ['assets', 'library', 'whitepaper', 'pdf', 'image', 'video', 'social', 'landing', 'copy', 'versions'],
    load: () => import('../pages/content/content-page'),
    nested: true,
  },
  {
    id: 'content-social',
    label: 'Social',
    path: '/content/social',
    icon: Megaphone,
    capability: 'content.read',
    section: 'workspace',
    keywords: ['linkedin', 'x', 'twitter', 'facebook', 'posts', 'calendar', 'schedule', 'content'],
    load: () => import('../pages/content/social-page'),
  },
  {
    id: 'suppressions',
    label: 'Suppressions',
    path: '/suppressions',
    icon: ShieldBan,
    capability: 'records.all',
    section: 'workspace',
    keywords: ['do not call', 'dnc', 'unsubscribe', 'bounce', 'blocklist', 'compliance'],
    load: () => import('../pages/compliance/suppressions-page'),
  },
  {
    id: 'users',
    label: 'Users',
    path: '/settings/users',
    icon: Users,
    capability: 'admin',
    section: 'settings',
    goKey: 'u',
    keywords: ['people', 'roles', 'team', 'accounts', 'access'],
    load: () => import('../pages/settings/users/users-page'),
  },
  {
    id: 'contact-policy',
    label: 'Contact policy',
    path: '/settings/contact-policy',
    icon: Gauge,
    capability: 'records.write',
    section: 'settings',
    keywords: ['frequency', 'caps', 'quiet period', 'account cap', 'fatigue', 'limits'],
    load: () => import('../pages/settings/policy/contact-policy-page'),
  },
  {
    id: 'email-settings',
    label: 'Email',
    path: '/settings/email',
    icon: MailCheck,
    capability: 'email.send',
    section: 'settings',
    keywords: ['sending domain', 'dkim', 'spf', 'dmarc', 'tracking domain', 'ip pool', 'warm-up', 'warmup', 'sender profile', 'deliverability'],
    load: () => import('../pages/settings/email/email-settings-page'),
  },
  {
    id: 'telephony-settings',
    label: 'Telephony',
    path: '/settings/telephony',
    icon: PhoneCall,
    capability: 'telephony.configure',
    section: 'settings',
    keywords: ['sip', 'trunk', 'telnyx', 'caller id', 'phone numbers', 'calls'],
    load: () => import('../pages/settings/telephony/telephony-settings-page'),
  },
  {
    id: 'leads-settings',
    label: 'Leads',
    path: '/leads/settings',
    icon: SlidersHorizontal,
    capability: 'leads.review',
    section: 'settings',
    keywords: ['leads', 'qa', 'quality', 'checklist', 'criteria', 'reason codes', 'reject reasons', 'delivery', 'webhook', 'dead letter', 'client'],
    load: () => import('../pages/leads/settings/leads-settings-page'),
  },
  {
    id: 'resources-centre-settings',
    label: 'Resources Centre',
    path: '/settings/resources-centre',
    icon: Library,
    capability: 'content.configure',
    section: 'settings',
    keywords: ['resources center', 'content push', 'hmac', 'signing secret', 'speakers', 'organizers', 'sponsors', 'reference data', 'sync', 'conflicts'],
    load: () => import('../pages/settings/resources-centre/resources-centre-page'),
  },
  {
    id: 'design',
    label: 'Design system',
    path: '/design',
    icon: Palette,
    capability: 'admin',
    section: 'settings',
    keywords: ['components', 'style', 'kit'],
    load: () => import('../pages/design/design-page'),
  },
];

/** Whether a user holding `roles` may open the entry's page. */
export function mayOpen(entry: Pick<NavEntry, 'capability'>, roles: readonly Role[]): boolean {
  return entry.capability === 'authenticated' ? roles.length > 0 : can(roles, entry.capability);
}

export function entriesFor(roles: readonly Role[]): NavEntry[] {
  return NAV_ENTRIES.filter((entry) => mayOpen(entry, roles));
}

/** The entry whose page is showing at `pathname`: its own path, or a sub-path of a `nested` page. */
export function entryAt(pathname: string): NavEntry | undefined {
  const normalized = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  // A page's own path wins over another page's sub-path (`/leads/settings` is not a lead of `/leads`).
  return (
    NAV_ENTRIES.find((entry) => entry.path === normalized) ??
    NAV_ENTRIES.find((entry) => entry.nested && normalized.startsWith(`${entry.path}/`))
  );
}

// The sidebar and the API agree on who may open each page: a navigation entry's capability is the
// capability of the list route its page loads, read from the server's own route tables. A page
// shown to a role the API refuses (or hidden from one it serves) fails here.
import { describe, expect, it } from 'vitest';
import { rolesFor, type Capability } from '@shared/access';
import { NAV_ENTRIES } from './navigation';

interface ServerRoute {
  method: string;
  path: string;
  access: string;
}

// A computed specifier keeps the route tables, which pull in server-only code, out of the SPA's
// type graph; at run time they load exactly as the Lambda handlers load them.
const ROUTE_TABLES = '../../../functions/src/modules/index';

async function serverRoutes(): Promise<ServerRoute[]> {
  const { apiModules } = (await import(/* @vite-ignore */ ROUTE_TABLES)) as { apiModules: { routes: ServerRoute[] }[] };
  return apiModules.flatMap((module) => module.routes);
}

/** The GET route whose answer each page lists (null: the page calls no API). */
const PAGE_LIST_ROUTES: Record<string, string | null> = {
  dashboard: '/api/me',
  accounts: '/api/accounts',
  contacts: '/api/contacts',
  imports: '/api/imports',
  segments: '/api/segments',
  lists: '/api/lists',
  'domain-sets': '/api/domain-sets',
  suppressions: '/api/suppressions',
  users: '/api/users',
  tasks: '/api/tasks/mine',
  'contact-policy': '/api/policy/history',
  'email-campaigns': '/api/email/campaigns',
  'email-templates': '/api/email/templates',
  'email-settings': '/api/email/domains',
  'telephony-console': '/api/telephony/console',
  'telephony-auto-dialer': '/api/telephony/dialer/queues',
  'call-campaigns': '/api/telephony/campaigns',
  'telephony-settings': '/api/telephony/trunks',
  'lead-reports': '/api/leads/reports',
  'content-social': '/api/content/social/posts',
  'lead-qa': '/api/leads',
  'leads-settings': '/api/leads/reason-codes',
  'resources-centre-settings': '/api/content/resources-centre/settings',
  orders: '/api/orders',
  content: '/api/content/assets',
  design: null,
};

/**
 * Pages for fewer roles than their list route serves, on purpose: agents read the call campaigns
 * they are assigned to (the console), but only managers open the page that edits campaigns.
 */
const NARROWER_PAGES: Record<string, string> = { 'call-campaigns': 'agents read their campaigns in the console' };

describe('who may open each page', () => {
  it('knows the list route of every navigation entry, and of no other', () => {
    expect(Object.keys(PAGE_LIST_ROUTES).sort()).toEqual(NAV_ENTRIES.map((entry) => entry.id).sort());
  });

  it.each(NAV_ENTRIES.filter((entry) => PAGE_LIST_ROUTES[entry.id]).map((entry) => [entry.id, entry] as const))(
    '%s: the entry needs the capability its list route declares',
    async (_id, entry) => {
      const path = PAGE_LIST_ROUTES[entry.id];
      const route = (await serverRoutes()).find((candidate) => candidate.method === 'GET' && candidate.path === path);
      expect(route, `GET ${path}`).toBeDefined();
      if (!NARROWER_PAGES[entry.id]) expect(entry.capability, `${entry.label} page and GET ${path}`).toBe(route!.access);
      // Every role that sees the page may call its list route.
      else for (const role of rolesFor(entry.capability as Capability)) expect(rolesFor(route!.access as Capability)).toContain(role);
    },
  );

  it('keeps the pages that call no API to admins', () => {
    for (const entry of NAV_ENTRIES.filter((candidate) => PAGE_LIST_ROUTES[candidate.id] === null)) expect(entry.capability).toBe('admin');
  });
});

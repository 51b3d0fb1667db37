// An agent's reach through the real route handlers: an agent reads only the contacts queued in
// their campaigns, their callbacks and their calls, and those contacts' accounts (plus their own
// tasks' accounts) — in lists, counts, search, filters, reads by id, history, timelines, notes,
// tasks, consent, list members, the dashboard and the gate's preview. A record out of reach
// answers the same 404 as a missing one. Managers, analysts and an agent who is also an analyst
// see everything. Agents cannot export or browse the suppression list.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account, AccountListResponse, Contact, ContactListResponse, HistoryResponse, SearchResponse } from '@shared/contracts/accounts';
import type { Dashboard } from '@shared/contracts/dashboard';
import type { PolicyPreviewResponse, Task, TimelineResponse } from '@shared/contracts/activity';
import type { ContactConsentResponse } from '@shared/contracts/compliance';
import type { StaticList } from '@shared/contracts/audience';
import { encodeFilter } from '@shared/contracts/filters';
import type { Role } from '@shared/roles';
import { createHttpHandler, type HttpHandler } from '../src/http/create-http-handler';
import type { ApiModule } from '../src/http/route';
import { accountsModule } from '../src/modules/accounts';
import { activityModule } from '../src/composition';
import { complianceModule } from '../src/modules/compliance';
import { audienceModule } from '../src/modules/audience';
import { issueAccessToken } from '../src/modules/identity';
import { createAccountsTestContext } from '../src/modules/accounts/testing';
import { fileContext } from './support/file-context';
import { makeUser } from './support/identity-fixtures';
import { invoke, type InvokeResponse } from './support/invoke';
import { accountTaskFor, callHandledBy, callbacksFor, campaignWith } from './support/record-reach';

const t = fileContext(() => createAccountsTestContext());
const MODULES: ApiModule[] = [accountsModule, activityModule, complianceModule, audienceModule];
let handlers: Map<ApiModule, HttpHandler>;
/** The caller: a role of the fixture, or a token. */
type Caller = Role | { token: string };
const tokens: Record<string, string> = {};

/** The module whose route table holds the path, as the gateway picks it. */
function moduleFor(method: string, path: string): ApiModule {
  const matches = (pattern: string) => new RegExp(`^${pattern.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path);
  const found = MODULES.find((m) => m.routes.some((r) => r.method === method && matches(r.path)));
  if (!found) throw new Error(`No module serves ${method} ${path}`);
  return found;
}

async function call<T = unknown>(method: string, path: string, as: Caller, options: { body?: unknown; query?: Record<string, string> } = {}): Promise<InvokeResponse<T>> {
  const token = typeof as === 'string' ? t.tokens[as] : as.token;
  return invoke<T>(handlers.get(moduleFor(method, path))!, {
    method,
    path,
    token,
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.query ? { query: options.query } : {}),
  });
}

const MISSING = '0190f0f0-0000-7000-8000-00000000dead';
const ids: Record<string, string> = {};
let listId: string;

beforeAll(async () => {
  handlers = new Map(MODULES.map((m) => [m, createHttpHandler(m, { deps: async () => t.deps })]));
  const account = async (key: string, name: string) => {
    const res = await t.call<Account>('POST', '/api/accounts', { body: { name, domain: `${name.toLowerCase()}-reach.com` } });
    expect(res.status, res.text).toBe(201);
    ids[key] = res.json.id;
  };
  const contact = async (key: string, fullName: string, accountKey?: string) => {
    const res = await t.call<Contact>('POST', '/api/contacts', {
      body: { fullName, email: `${fullName.split(' ')[0]!.toLowerCase()}@reach.example`, directPhone: '+12125550123', ...(accountKey ? { accountId: ids[accountKey] } : {}) },
    });
    expect(res.status, res.text).toBe(201);
    ids[key] = res.json.id;
  };
  await account('globex', 'Globex');
  await account('initech', 'Initech');
  await account('umbrella', 'Umbrella');
  await account('hooli', 'Hooli');
  await contact('queued', 'Quinn Queued', 'globex');
  await contact('colleague', 'Cora Colleague', 'globex');
  await contact('callback', 'Cal Callback', 'initech');
  await contact('emailTask', 'Emil Emailtask', 'initech');
  await contact('called', 'Carla Called');
  await contact('otherCampaign', 'Otto Othercampaign', 'hooli');
  await contact('deletedCampaign', 'Dora Deletedcampaign', 'hooli');

  const agent = t.userIds.agent;
  // Any item status counts: the agent may look back at a contact the dialer is done with.
  await campaignWith(t.deps.db, { agentIds: [agent], contactIds: [ids.queued!], status: 'done' });
  await campaignWith(t.deps.db, { agentIds: [t.userIds.admin], contactIds: [ids.otherCampaign!] });
  await campaignWith(t.deps.db, { agentIds: [agent], contactIds: [ids.deletedCampaign!], deleted: true });
  await callbacksFor(t.deps.db, agent, [ids.callback!]);
  await callbacksFor(t.deps.db, agent, [ids.emailTask!], 'email');
  await callHandledBy(t.deps.db, agent, ids.called!);
  await accountTaskFor(t.deps.db, agent, ids.umbrella!);

  // An agent who is also a quality analyst reads everything.
  const both = await makeUser(t.deps, { roles: ['agent', 'quality_analyst'] });
  tokens.agentAnalyst = (await issueAccessToken(t.deps, { id: both.id, roles: ['agent', 'quality_analyst'], orgId: null, tokenVersion: 0, sessionId: null })).accessToken;

  const list = await call<StaticList>('POST', '/api/lists', 'campaign_manager', { body: { name: 'Reach members' } });
  listId = list.json.id;
  const all = [ids.queued, ids.colleague, ids.callback, ids.otherCampaign] as string[];
  expect((await call('POST', `/api/lists/${listId}/members`, 'campaign_manager', { body: { selection: { ids: all } } })).status).toBe(200);
  // A note on the colleague: it must not roll up into the agent's view of Globex.
  expect((await call('POST', `/api/contacts/${ids.colleague}/notes`, 'campaign_manager', { body: { body: 'Colleague only' } })).status).toBe(201);
  expect((await call('POST', `/api/contacts/${ids.queued}/notes`, 'campaign_manager', { body: { body: 'Queued note' } })).status).toBe(201);
}, 120_000);

const REACHABLE_CONTACTS = ['queued', 'callback', 'called'];
const FOREIGN_CONTACTS = ['colleague', 'emailTask', 'otherCampaign', 'deletedCampaign'];
const REACHABLE_ACCOUNTS = ['globex', 'initech', 'umbrella'];
const FOREIGN_ACCOUNTS = ['hooli'];
const keysOf = (items: Array<{ id: string }>) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id) ?? i.id).sort();

describe('what an agent reads', () => {
  it('lists and counts only the contacts of their campaigns, callbacks and calls', async () => {
    const res = await call<ContactListResponse>('GET', '/api/contacts', 'agent', { query: { limit: '100' } });
    expect(res.status, res.text).toBe(200);
    expect(keysOf(res.json.items)).toEqual([...REACHABLE_CONTACTS].sort());
    expect(res.json.total).toEqual({ count: 3, exact: true });
  });

  it('lists only the accounts of those contacts and of their own tasks', async () => {
    const res = await call<AccountListResponse>('GET', '/api/accounts', 'agent', { query: { limit: '100' } });
    expect(keysOf(res.json.items)).toEqual([...REACHABLE_ACCOUNTS].sort());
    expect(res.json.total).toEqual({ count: 3, exact: true });
  });

  it('searches and filters within their reach only', async () => {
    const searched = await call<ContactListResponse>('GET', '/api/contacts', 'agent', { query: { q: 'reach.example' } });
    expect(keysOf(searched.json.items)).toEqual([...REACHABLE_CONTACTS].sort());
    const filter = encodeFilter({ type: 'and', conditions: [{ field: 'fullName', op: 'contains', value: 'ca' }] });
    const filtered = await call<ContactListResponse>('GET', '/api/contacts', 'agent', { query: { filter } });
    // Cal and Carla; Otto Othercampaign and Dora Deletedcampaign match too but are out of reach.
    expect(keysOf(filtered.json.items)).toEqual(['callback', 'called']);
    expect(filtered.json.total?.count).toBe(2);
    const managers = await call<ContactListResponse>('GET', '/api/contacts', 'campaign_manager', { query: { filter } });
    expect(keysOf(managers.json.items)).toEqual(['callback', 'called', 'deletedCampaign', 'otherCampaign']);
    const palette = await call<SearchResponse>('GET', '/api/search', 'agent', { query: { q: 'o' } });
    expect(keysOf(palette.json.contacts).every((k) => REACHABLE_CONTACTS.includes(k))).toBe(true);
    expect(keysOf(palette.json.accounts).every((k) => REACHABLE_ACCOUNTS.includes(k))).toBe(true);
    expect(keysOf(palette.json.accounts)).toContain('globex');
    const hooli = await call<SearchResponse>('GET', '/api/search', 'agent', { query: { q: 'hooli' } });
    expect(hooli.json).toEqual({ accounts: [], contacts: [] });
  });

  it('reads a record within reach, and only its contacts within reach on an account', async () => {
    expect((await call<Contact>('GET', `/api/contacts/${ids.called}`, 'agent')).status).toBe(200);
    const globex = await call<Account>('GET', `/api/accounts/${ids.globex}`, 'agent');
    expect(globex.status).toBe(200);
    expect(globex.json.contactCount).toBe(1);
    const contacts = await call<ContactListResponse>('GET', `/api/accounts/${ids.globex}/contacts`, 'agent');
    expect(keysOf(contacts.json.items)).toEqual(['queued']);
    expect((await call('GET', `/api/accounts/${ids.umbrella}`, 'agent')).status).toBe(200);
  });

  it('answers 404 for a record out of reach exactly as for a missing one, on every path that names it', async () => {
    const paths = (id: string, kind: 'contacts' | 'accounts') => [
      `/api/${kind}/${id}`,
      `/api/${kind}/${id}/history`,
      `/api/${kind}/${id}/timeline`,
      ...(kind === 'accounts' ? [`/api/accounts/${id}/contacts`] : [`/api/contacts/${id}/consent`]),
    ];
    const strip = (res: InvokeResponse) => ({ status: res.status, body: { ...(res.json as object), instance: undefined, requestId: undefined } });
    for (const [kind, keys] of [['contacts', FOREIGN_CONTACTS], ['accounts', FOREIGN_ACCOUNTS]] as const) {
      for (const key of keys) {
        const foreign = paths(ids[key]!, kind);
        const missing = paths(MISSING, kind);
        for (const [i, path] of foreign.entries()) {
          const [got, expected] = [await call('GET', path, 'agent'), await call('GET', missing[i]!, 'agent')];
          expect(strip(got), `${key}: ${path}`).toEqual(strip(expected));
          expect(got.status).toBe(404);
        }
      }
    }
  });

  it('writes notes, touches, consent and tasks only within reach', async () => {
    const foreign = ids.colleague!;
    expect((await call('POST', `/api/contacts/${foreign}/notes`, 'agent', { body: { body: 'hi' } })).status).toBe(404);
    expect((await call('POST', `/api/accounts/${ids.hooli}/notes`, 'agent', { body: { body: 'hi' } })).status).toBe(404);
    expect((await call('POST', `/api/contacts/${foreign}/touches`, 'agent', { body: { channel: 'call', kind: 'attempted' } })).status).toBe(404);
    expect((await call('POST', `/api/contacts/${foreign}/consent`, 'agent', { body: { channel: 'phone', status: 'opted_out', source: 'call' } })).status).toBe(404);
    // A callback booked on a foreign contact would widen the reach: refused like a missing contact.
    const task = { title: 'Call back', type: 'call_back', dueLocal: '2030-01-02T10:00', dueTimeZone: 'UTC', assigneeId: t.userIds.agent };
    const refused = await call<{ errors: Array<{ field: string }> }>('POST', '/api/tasks', 'agent', { body: { ...task, contactId: foreign } });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0]!.field).toBe('body.contactId');
    expect((await call('GET', '/api/contacts', 'agent')).json).toMatchObject({ total: { count: 3 } });

    expect((await call('POST', `/api/contacts/${ids.queued}/notes`, 'agent', { body: { body: 'Spoke to Quinn' } })).status).toBe(201);
    expect((await call('POST', `/api/contacts/${ids.queued}/consent`, 'agent', { body: { channel: 'phone', status: 'opted_in', source: 'call' } })).status).toBe(201);
    const booked = await call<Task>('POST', '/api/tasks', 'agent', { body: { ...task, contactId: ids.called } });
    expect(booked.status, booked.text).toBe(201);
    expect((await call('GET', `/api/tasks/${booked.json.id}`, 'agent')).status).toBe(200);
  });

  it('reads and changes only the tasks that are theirs or on records within reach', async () => {
    const task = { title: 'Colleague follow-up', type: 'call_back', dueLocal: '2030-01-02T10:00', dueTimeZone: 'UTC', assigneeId: t.userIds.campaign_manager };
    const managers = await call<Task>('POST', '/api/tasks', 'campaign_manager', { body: { ...task, contactId: ids.colleague } });
    expect(managers.status).toBe(201);
    for (const [method, body] of [['GET', undefined], ['PATCH', { assigneeId: t.userIds.agent }], ['DELETE', undefined]] as const) {
      const res = await call(method, `/api/tasks/${managers.json.id}`, 'agent', body ? { body } : {});
      expect(res.status, `${method}: ${res.text}`).toBe(404);
    }
    expect((await call('GET', `/api/tasks/${managers.json.id}`, 'campaign_manager')).status).toBe(200);
  });

  it('reads the timeline of a contact within reach, and an account feed that rolls up only contacts within reach', async () => {
    const contactFeed = await call<TimelineResponse>('GET', `/api/contacts/${ids.queued}/timeline`, 'agent', { query: { kinds: 'note' } });
    expect(contactFeed.json.items.map((i) => i.detail?.body)).toContain('Queued note');
    const agentsView = await call<TimelineResponse>('GET', `/api/accounts/${ids.globex}/timeline`, 'agent', { query: { kinds: 'note,field_change' } });
    expect(agentsView.status).toBe(200);
    expect(agentsView.json.items.some((i) => i.contactId === ids.colleague)).toBe(false);
    expect(agentsView.json.items.some((i) => i.contactId === ids.queued)).toBe(true);
    const managersView = await call<TimelineResponse>('GET', `/api/accounts/${ids.globex}/timeline`, 'campaign_manager', { query: { kinds: 'note,field_change' } });
    expect(managersView.json.items.some((i) => i.contactId === ids.colleague)).toBe(true);
  });

  it('pages and counts list members, dashboard figures and gate previews within reach', async () => {
    const members = await call<ContactListResponse>('GET', `/api/lists/${listId}/members`, 'agent');
    expect(keysOf(members.json.items)).toEqual(['callback', 'queued']);
    expect(members.json.total?.count).toBe(2);
    expect((await call<StaticList>('GET', `/api/lists/${listId}`, 'agent')).json.memberCount).toBe(2);
    const lists = await call<{ items: StaticList[] }>('GET', '/api/lists', 'agent');
    expect(lists.json.items.find((l) => l.id === listId)?.memberCount).toBe(2);
    expect((await call<StaticList>('GET', `/api/lists/${listId}`, 'campaign_manager')).json.memberCount).toBe(4);

    const dashboard = await call<Dashboard>('GET', '/api/dashboard', 'agent');
    expect(dashboard.status, dashboard.text).toBe(200);
    expect(dashboard.json.contacts).toEqual({ count: 3, exact: true });
    expect(dashboard.json.accounts).toEqual({ count: 3, exact: true });

    const selection = { kind: 'ids', ids: [ids.queued, ids.colleague, ids.otherCampaign] };
    const preview = await call<PolicyPreviewResponse>('POST', '/api/policy/preview', 'agent', { body: { selection, channels: ['phone'] } });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.json.channels.phone?.audience).toBe(1);
    const managers = await call<PolicyPreviewResponse>('POST', '/api/policy/preview', 'campaign_manager', { body: { selection, channels: ['phone'] } });
    expect(managers.json.channels.phone?.audience).toBe(3);
  });

  it('cannot export records or browse the suppression list', async () => {
    for (const kind of ['contacts', 'accounts']) {
      const res = await call('POST', `/api/${kind}/bulk`, 'agent', { body: { action: 'export', selection: { ids: [ids.queued] } } });
      expect(res.status).toBe(403);
    }
    expect((await call('GET', '/api/suppressions', 'agent', { query: { list: 'email' } })).status).toBe(403);
    expect((await call('POST', '/api/suppressions/check', 'agent', { body: { emails: ['quinn@reach.example'], phones: [] } })).status).toBe(200);
  });
});

describe('what everyone else reads', () => {
  const ALL_CONTACTS = [...REACHABLE_CONTACTS, ...FOREIGN_CONTACTS].sort();
  for (const as of ['admin', 'campaign_manager', 'quality_analyst', 'agent+analyst'] as const) {
    it(`${as}: every contact and account, in lists, counts, reads and timelines`, async () => {
      const caller: Caller = as === 'agent+analyst' ? { token: tokens.agentAnalyst! } : as;
      const contacts = await call<ContactListResponse>('GET', '/api/contacts', caller, { query: { limit: '100' } });
      expect(keysOf(contacts.json.items).filter((k) => ALL_CONTACTS.includes(k))).toEqual(ALL_CONTACTS);
      const accounts = await call<AccountListResponse>('GET', '/api/accounts', caller, { query: { limit: '100' } });
      expect(keysOf(accounts.json.items)).toEqual(expect.arrayContaining([...REACHABLE_ACCOUNTS, ...FOREIGN_ACCOUNTS]));
      for (const key of FOREIGN_CONTACTS) {
        expect((await call('GET', `/api/contacts/${ids[key]}`, caller)).status).toBe(200);
        expect((await call('GET', `/api/contacts/${ids[key]}/timeline`, caller)).status).toBe(200);
        expect((await call<HistoryResponse>('GET', `/api/contacts/${ids[key]}/history`, caller)).status).toBe(200);
        expect((await call<ContactConsentResponse>('GET', `/api/contacts/${ids[key]}/consent`, caller)).status).toBe(200);
      }
      expect((await call('GET', `/api/accounts/${ids.hooli}`, caller)).status).toBe(200);
      expect((await call<SearchResponse>('GET', '/api/search', caller, { query: { q: 'hooli' } })).json.accounts).toHaveLength(1);
    });
  }
});

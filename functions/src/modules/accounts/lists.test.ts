import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AccountListResponse, ContactListResponse, SearchResponse } from '@shared/contracts/accounts';
import { encodeFilter, type FilterGroup } from '@shared/contracts/filters';
import { queryWithSettings } from '../../db/planner-settings';
import { contacts } from '../../db/schema';
import { CONTACT_RESOURCE } from '../../records/fields';
import { countStatements, isIndexedSearch } from '../../records/list-records';
import { selectionCondition } from '../../records/selection';
import { createAccountsTestContext } from './test-fixtures';
import { fileContext } from '../../../test/support/file-context';

const accountIds: Record<string, string> = {};

const companies = [
  { name: 'Alpha Analytics', domain: 'alpha.io', industry: 'Software', employeeCount: 40, annualRevenue: 4e6, country: 'US', city: 'Boston', technologies: ['AWS', 'Slack'] },
  { name: 'Beta Banking', domain: 'betabank.com', industry: 'Financial Services', employeeCount: 2500, annualRevenue: 9e8, country: 'GB', city: 'London', technologies: ['Azure'] },
  { name: 'Gamma Grocers', domain: 'gamma.de', industry: 'Retail', employeeCount: 300, annualRevenue: 6e7, country: 'DE', city: 'Berlin', technologies: [] },
  { name: 'Delta Devices', domain: 'delta.fr', industry: 'Manufacturing', employeeCount: null, annualRevenue: null, country: 'FR', city: null, technologies: ['AWS'] },
];

const t = fileContext(createAccountsTestContext);
beforeAll(async () => {
  for (const c of companies) {
    const res = await t.call<{ id: string }>('POST', '/api/accounts', { body: c });
    expect(res.status, res.text).toBe(201);
    accountIds[c.domain] = res.json.id;
  }
  // 130 contacts in one statement (more than two pages of 50), spread over the four accounts.
  await t.deps.db.execute(sql`
    insert into contacts (account_id, full_name, first_name, last_name, email, job_title, seniority, country, email_confidence, research_date, created_at)
    select (array[${accountIds['alpha.io']}, ${accountIds['betabank.com']}, ${accountIds['gamma.de']}, ${accountIds['delta.fr']}])[1 + i % 4]::uuid,
           'Person ' || i, 'Person', 'Number' || lpad(i::text, 3, '0'), 'person' || i || '@list-test.example',
           case when i % 3 = 0 then 'Marketing Director' when i % 3 = 1 then 'Sales Engineer' else null end,
           (array['C-Level','VP','Director','Manager','Senior','Entry'])[1 + i % 6],
           case when i % 2 = 0 then 'US' else 'GB' end,
           i % 101, date '2024-01-01' + i,
           timestamptz '2025-01-01 00:00:00+00' + (i % 7) * interval '1 day'
    from generate_series(1, 130) as i`);
});

const listAccounts = (filter: FilterGroup, extra: Record<string, string> = {}) =>
  t.call<AccountListResponse>('GET', '/api/accounts', { query: { filter: encodeFilter(filter), limit: '200', ...extra } });
const names = (res: { json: AccountListResponse }) => res.json.items.map((i) => i.name).sort();
const one = (field: string, op: string, value?: unknown): FilterGroup => ({
  type: 'and',
  conditions: [{ field, op, ...(value !== undefined ? { value } : {}) } as FilterGroup['conditions'][number]],
});

describe('the filter language on accounts, one operator at a time', () => {
  const cases: Array<[string, FilterGroup, string[]]> = [
    ['contains (case-insensitive)', one('name', 'contains', 'ANALYTIC'), ['Alpha Analytics']],
    ['contains escapes LIKE wildcards', one('name', 'contains', '%'), []],
    ['eq (case-insensitive)', one('industry', 'eq', 'retail'), ['Gamma Grocers']],
    ['neq keeps empty values', one('city', 'neq', 'london'), ['Alpha Analytics', 'Delta Devices', 'Gamma Grocers']],
    ['starts_with', one('domain', 'starts_with', 'beta'), ['Beta Banking']],
    ['in', one('country', 'in', ['us', 'Germany']), ['Alpha Analytics', 'Gamma Grocers']],
    ['not_in', one('country', 'not_in', ['US', 'GB']), ['Delta Devices', 'Gamma Grocers']],
    ['is_empty', one('city', 'is_empty'), ['Delta Devices']],
    ['is_not_empty on a number', one('employeeCount', 'is_not_empty'), ['Alpha Analytics', 'Beta Banking', 'Gamma Grocers']],
    ['gt', one('employeeCount', 'gt', 299), ['Beta Banking', 'Gamma Grocers']],
    ['lt', one('annualRevenue', 'lt', 1e8), ['Alpha Analytics', 'Gamma Grocers']],
    ['between (inclusive, either order)', one('employeeCount', 'between', [2500, 40]), ['Alpha Analytics', 'Beta Banking', 'Gamma Grocers']],
    ['enum in', one('revenueRange', 'in', ['1M-10M', '500M-1B']), ['Alpha Analytics', 'Beta Banking']],
    ['list eq (technologies)', one('technologies', 'eq', 'AWS'), ['Alpha Analytics', 'Delta Devices']],
    ['list is_empty', one('technologies', 'is_empty'), ['Gamma Grocers']],
    ['date after', one('createdAt', 'after', '2000-01-01'), companies.map((c) => c.name).sort()],
    ['date before', one('createdAt', 'before', '2000-01-01'), []],
    [
      'nested OR inside AND',
      {
        type: 'and',
        conditions: [
          { field: 'employeeCount', op: 'is_not_empty' },
          { type: 'or', conditions: [{ field: 'country', op: 'eq', value: 'DE' }, { field: 'industry', op: 'contains', value: 'soft' }] },
        ],
      },
      ['Alpha Analytics', 'Gamma Grocers'],
    ],
  ];
  for (const [label, filter, expected] of cases) {
    it(label, async () => {
      const res = await listAccounts(filter);
      expect(res.status, res.text).toBe(200);
      expect(names(res)).toEqual(expected);
    });
  }

  it('refuses an unknown field with 400 naming it', async () => {
    const res = await t.call<{ errors: Array<{ field: string; message: string }> }>('GET', '/api/accounts', {
      query: { filter: encodeFilter({ type: 'and', conditions: [{ field: 'industry', op: 'eq', value: 'x' }, { field: 'passwordHash', op: 'eq', value: 'x' }] }) },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors[0]).toEqual({ field: 'query.filter.conditions.1.field', message: 'unknown field "passwordHash"' });
  });

  it('refuses an operator the field type does not offer, a wrong value type, and a bad enum value', async () => {
    expect((await listAccounts(one('name', 'gt', 3))).status).toBe(400);
    const nan = await listAccounts(one('employeeCount', 'eq', 'lots'));
    expect(nan.status).toBe(400);
    expect(nan.text).toContain('must be a number');
    expect((await listAccounts(one('createdAt', 'before', 'yesterday'))).status).toBe(400);
    expect((await listAccounts(one('revenueRange', 'eq', 'huge'))).status).toBe(400);
  });

  it('refuses dates that are not on the calendar with 400 naming the condition, not a database error', async () => {
    const cases: Array<[string, string]> = [
      ['before', '2026-02-30'],
      ['after', '2026-13-01'],
      ['eq', '0000-01-01'],
      ['before', '2026-02-29T10:00:00Z'],
      ['after', '2026-01-01T24:30:00Z'],
      ['before', '2026-01-01T10:61:00Z'],
      ['before', '2026-01-01T10:00:00+25:00'],
    ];
    for (const [op, value] of cases) {
      const res = await t.call<{ errors: Array<{ field: string; message: string }> }>('GET', '/api/accounts', {
        query: { filter: encodeFilter(one('createdAt', op, value)) },
      });
      expect(res.status, `${op} ${value}: ${res.text}`).toBe(400);
      expect(res.json.errors[0]!.field).toBe('query.filter.conditions.0.value');
    }
    const between = await listAccounts(one('createdAt', 'between', ['2026-01-01', '2026-04-31']));
    expect(between.status).toBe(400);
    // Real dates still filter, leap days included.
    expect((await listAccounts(one('createdAt', 'before', '2024-02-29'))).status).toBe(200);
    expect((await listAccounts(one('createdAt', 'after', '2024-02-29T23:59:59.5+05:30'))).status).toBe(200);
  });

  it('refuses a NUL character in a filter value or a search with 400, not a database error', async () => {
    const filtered = await listAccounts(one('name', 'contains', 'a\u0000b'));
    expect(filtered.status, filtered.text).toBe(400);
    expect(filtered.text).toContain('query.filter.conditions.0.value');
    const searched = await t.call('GET', '/api/accounts', { query: { q: 'a\u0000b' } });
    expect(searched.status, searched.text).toBe(400);
  });

  it('refuses numbers a whole-number column cannot hold, and a list filter on an empty record id', async () => {
    for (const value of [1.5, 1e12, -3e9]) {
      const res = await listAccounts(one('employeeCount', 'eq', value));
      expect(res.status, `${value}: ${res.text}`).toBe(400);
      expect(res.text).toContain('conditions.0.value');
    }
    expect((await listAccounts(one('annualRevenue', 'gt', 1.5))).status).toBe(200);
    const noAccount = await t.call<ContactListResponse>('GET', '/api/contacts', {
      query: { filter: encodeFilter(one('accountId', 'is_empty')), limit: '5' },
    });
    expect(noAccount.status, noAccount.text).toBe(200);
  });

  it('refuses a filter that is not in URL form', async () => {
    const res = await t.call('GET', '/api/accounts', { query: { filter: 'not-a-filter' } });
    expect(res.status).toBe(400);
  });

  it('filters custom fields as custom.<name>', async () => {
    await t.call('PATCH', `/api/accounts/${accountIds['gamma.de']}`, { body: { customFields: { region: 'DACH' } }, headers: { 'if-match': '1' } });
    const res = await listAccounts(one('custom.region', 'eq', 'dach'));
    expect(names(res)).toEqual(['Gamma Grocers']);
  });
});

describe('contact lists', () => {
  it('filters on the account through a semi-join, and on dates of the contact', async () => {
    const res = await t.call<ContactListResponse>('GET', '/api/contacts', {
      query: { filter: encodeFilter(one('accountName', 'contains', 'gamma')), limit: '200' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.items).toHaveLength(33);
    expect(new Set(res.json.items.map((c) => c.account?.name))).toEqual(new Set(['Gamma Grocers']));
    const notGamma = await t.call<ContactListResponse>('GET', '/api/contacts', {
      query: { filter: encodeFilter(one('accountName', 'neq', 'Gamma Grocers')), limit: '200' },
    });
    expect(notGamma.json.items).toHaveLength(130 - 33);
    const dated = await t.call<ContactListResponse>('GET', '/api/contacts', {
      query: { filter: encodeFilter(one('researchDate', 'between', ['2024-01-02', '2024-01-11'])), limit: '200' },
    });
    expect(dated.json.items).toHaveLength(10);
    const seniors = await t.call<ContactListResponse>('GET', '/api/contacts', {
      query: { filter: encodeFilter(one('seniority', 'in', ['VP', 'Director'])), limit: '200' },
    });
    expect(seniors.json.items.every((c) => c.seniority === 'VP' || c.seniority === 'Director')).toBe(true);
    expect(seniors.json.total).toEqual({ count: 44, exact: true });
  });

  it('searches name, email and phone digits', async () => {
    await t.call('POST', '/api/contacts', { body: { email: 'needle@haystack.example', fullName: 'Nadia Needle', directPhone: '+1 (212) 555-0199' } });
    for (const q of ['nadia', 'NEEDLE@hay', '212-555-0199', '2125550199']) {
      const res = await t.call<ContactListResponse>('GET', '/api/contacts', { query: { q } });
      expect(res.json.items.map((c) => c.fullName), q).toEqual(['Nadia Needle']);
    }
    const palette = await t.call<SearchResponse>('GET', '/api/search', { query: { q: 'alpha' }, as: 'quality_analyst' });
    expect(palette.status).toBe(200);
    expect(palette.json.accounts.map((a) => a.domain)).toEqual(['alpha.io']);
    expect((await t.call('GET', '/api/search', { query: { q: ' ' } })).status).toBe(400);
  });

  it("counts a search without a sequential scan, whatever the planner guesses of the term's frequency", async () => {
    // "person1@" is one address; "Person 1" names Person 1, 10–19 and 100–130: 42 contacts.
    const res = await t.call<ContactListResponse>('GET', '/api/contacts', { query: { q: 'person1@', limit: '5' } });
    expect(res.json.total).toEqual({ count: 1, exact: true });
    const broad = await t.call<ContactListResponse>('GET', '/api/contacts', { query: { q: 'Person 1', limit: '5' } });
    expect(broad.json.total).toEqual({ count: 42, exact: true });

    const where = selectionCondition(CONTACT_RESOURCE, { q: 'person 1' });
    const count = countStatements(contacts, where, { search: isIndexedSearch('person 1') });
    expect(count.settings).not.toBeNull();
    expect(countStatements(contacts, where, { search: isIndexedSearch('p1') }).settings).toBeNull();
    await t.deps.db.execute(sql`analyze contacts`);
    const plan = (await queryWithSettings<{ 'QUERY PLAN': string }>(t.deps.db, count.settings!, sql`explain ${count.capped}`))
      .map((r) => r['QUERY PLAN'])
      .join('\n');
    const indexed = (await t.deps.db.execute(sql`select 1 from pg_indexes where indexname = 'contacts_search_trgm_idx'`)) as unknown as { rows: unknown[] };
    // Without the trigram index (a database without pg_trgm) a scan is all there is.
    // (On 130 rows the planner picks another index; on 1,000,000 the trigram one, bench/lists.)
    if (indexed.rows.length > 0) expect(plan).not.toMatch(/Seq Scan on contacts/);
    else expect(plan).toMatch(/Seq Scan on contacts/);
  });

  it('walks every page exactly once, in order, for each sort and direction, with ties on the sort key', async () => {
    for (const [sort, order] of [
      ['createdAt', 'desc'],
      ['createdAt', 'asc'],
      ['lastName', 'asc'],
      ['jobTitle', 'desc'],
      ['researchDate', 'asc'],
      ['country', 'asc'],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      let first: ContactListResponse | null = null;
      do {
        const res: { status: number; json: ContactListResponse; text: string } = await t.call<ContactListResponse>('GET', '/api/contacts', {
          query: { sort, order, limit: '50', ...(cursor ? { cursor } : {}) },
        });
        expect(res.status, res.text).toBe(200);
        first ??= res.json;
        if (pages > 0) expect(res.json.total).toBeNull();
        seen.push(...res.json.items.map((c) => c.id));
        cursor = res.json.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages, `${sort} ${order}`).toBe(3);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(131);
      expect(first!.total).toEqual({ count: 131, exact: true });
    }
  });

  it('keeps a cursor valid while rows are added before it', async () => {
    const page1 = await t.call<ContactListResponse>('GET', '/api/contacts', { query: { sort: 'lastName', order: 'asc', limit: '20' } });
    const expected = await t.call<ContactListResponse>('GET', '/api/contacts', { query: { sort: 'lastName', order: 'asc', limit: '20', cursor: page1.json.nextCursor! } });
    await t.call('POST', '/api/contacts', { body: { email: 'aaron@early.example', fullName: 'Aaron Aardvark' } });
    const page2 = await t.call<ContactListResponse>('GET', '/api/contacts', { query: { sort: 'lastName', order: 'asc', limit: '20', cursor: page1.json.nextCursor! } });
    expect(page2.json.items.map((c) => c.id)).toEqual(expected.json.items.map((c) => c.id));
  });

  it('refuses a forged cursor and a cursor of another sort', async () => {
    const page = await t.call<ContactListResponse>('GET', '/api/contacts', { query: { sort: 'lastName', limit: '5' } });
    const other = await t.call('GET', '/api/contacts', { query: { sort: 'email', limit: '5', cursor: page.json.nextCursor! } });
    expect(other.status).toBe(400);
    expect((await t.call('GET', '/api/contacts', { query: { cursor: 'garbage' } })).status).toBe(400);
    const forged = Buffer.from(JSON.stringify(['createdAt', 'desc', "x'); drop table contacts; --", '0190f0f0-0000-7000-8000-000000000000'])).toString('base64url');
    expect((await t.call('GET', '/api/contacts', { query: { cursor: forged } })).status).toBe(400);
  });

  it('refuses a cursor whose sort value is not a real value of the sort type', async () => {
    const id = '0190f0f0-0000-7000-8000-000000000000';
    const cursorOf = (sort: string, order: string, value: string) => Buffer.from(JSON.stringify([sort, order, value, id])).toString('base64url');
    const bad: Array<[string, string, string]> = [
      ['createdAt', 'desc', '2026-99-99 10:00:00+00'],
      ['createdAt', 'desc', '2026-02-30 10:00:00.123456+00'],
      ['createdAt', 'desc', '2026-01-01 25:00:00+00'],
      ['createdAt', 'desc', '2026-01-01 10:00:00+99'],
      ['researchDate', 'asc', '2026-04-31'],
      ['researchDate', 'asc', '0000-01-01'],
      ['lastName', 'asc', 'nul\u0000byte'],
    ];
    for (const [sort, order, value] of bad) {
      const res = await t.call<{ errors: Array<{ field: string }> }>('GET', '/api/contacts', {
        query: { sort, order, cursor: cursorOf(sort, order, value) },
      });
      expect(res.status, `${sort} ${value}: ${res.text}`).toBe(400);
      expect(res.json.errors[0]!.field).toBe('query.cursor');
    }
    const accountCursor = (value: string) => Buffer.from(JSON.stringify(['employeeCount', 'asc', value, id])).toString('base64url');
    for (const value of ['99999999999', '2147483648']) {
      expect((await t.call('GET', '/api/accounts', { query: { sort: 'employeeCount', order: 'asc', cursor: accountCursor(value) } })).status).toBe(400);
    }
    const revenueCursor = Buffer.from(JSON.stringify(['annualRevenue', 'asc', '1e999', id])).toString('base64url');
    expect((await t.call('GET', '/api/accounts', { query: { sort: 'annualRevenue', order: 'asc', cursor: revenueCursor } })).status).toBe(400);
    // A well-formed cursor for a real instant is still accepted.
    const good = await t.call('GET', '/api/contacts', { query: { sort: 'createdAt', order: 'desc', cursor: cursorOf('createdAt', 'desc', '2024-02-29 10:00:00.5+05:30') } });
    expect(good.status, good.text).toBe(200);
  });

  it('refuses sorting on a field without an index', async () => {
    expect((await t.call('GET', '/api/contacts', { query: { sort: 'timezone' } })).status).toBe(400);
  });

  it("lists an account's contacts and 404s for an unknown account", async () => {
    const res = await t.call<ContactListResponse>('GET', `/api/accounts/${accountIds['alpha.io']}/contacts`, { query: { limit: '100' } });
    expect(res.json.items).toHaveLength(32);
    expect((await t.call('GET', '/api/accounts/0190f0f0-0000-7000-8000-000000000000/contacts')).status).toBe(404);
  });
});

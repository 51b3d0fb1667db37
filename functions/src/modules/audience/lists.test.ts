import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ContactListResponse } from '@shared/contracts/accounts';
import type { ListMembersResult, Segment, SegmentPreview, StaticList } from '@shared/contracts/audience';
import type { FilterGroup } from '@shared/contracts/filters';
import { queryOne } from '../../db/rows';
import { withRawTransaction } from '../../db/raw-sql';
import { addImportedContactsToList } from './import-hook';
import { applyComplianceGuard } from '../compliance';
import { addAccountContactsToList, addContactsToList, listAudienceSql } from './lists';
import { segmentAudienceSql } from './segments';
import { createAudienceTestContext } from './test-fixtures';
import { fileContext } from '../../../test/support/file-context';

const accountIds: string[] = [];

const where = (...conditions: FilterGroup['conditions']): FilterGroup => ({ type: 'and', conditions });

async function count(query: ReturnType<typeof sql>): Promise<number> {
  return Number((await queryOne<{ n: number }>(t.deps.db, query))?.n ?? 0);
}

async function newList(name: string): Promise<StaticList> {
  const res = await t.call<StaticList>('POST', '/api/lists', { body: { name } });
  expect(res.status, res.text).toBe(201);
  return res.json;
}

async function allMembers(listId: string, query: Record<string, string> = {}): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; text: string; json: ContactListResponse } = await t.call<ContactListResponse>('GET', `/api/lists/${listId}/members`, { query: { limit: '50', ...query, ...(cursor ? { cursor } : {}) } });
    expect(res.status, res.text).toBe(200);
    ids.push(...res.json.items.map((i) => i.id));
    cursor = res.json.nextCursor;
  } while (cursor);
  return ids;
}

const t = fileContext(createAudienceTestContext);
beforeAll(async () => {
  for (const [name, domain] of [
    ['Alpha Analytics', 'alpha.io'],
    ['Beta Banking', 'betabank.com'],
  ]) {
    const res = await t.callAccounts<{ id: string }>('POST', '/api/accounts', { body: { name, domain } });
    expect(res.status, res.text).toBe(201);
    accountIds.push(res.json.id);
  }
  // 130 contacts (more than two pages of 50) over two accounts, in one statement.
  await t.deps.db.execute(sql`
    insert into contacts (account_id, full_name, email, seniority, country, direct_phone, consent_status)
    select (array[${accountIds[0]}, ${accountIds[1]}])[1 + i % 2]::uuid, 'Person ' || i, 'person' || i || '@' || (case when i % 10 = 0 then 'blocked.example.com' else 'lists.example.com' end),
           (array['C-Level','VP','Director','Manager','Senior','Entry'])[1 + i % 6], case when i % 2 = 0 then 'US' else 'GB' end,
           '+1415555' || lpad(i::text, 4, '0'), case when i % 13 = 0 then 'opted-out' else null end
    from generate_series(1, 130) as i`);
});

describe('static lists', () => {
  it('creates, renames and refuses a second live list of the same name', async () => {
    const list = await newList('Q3 webinar');
    expect(list).toMatchObject({ name: 'Q3 webinar', origin: 'manual', memberCount: 0 });
    expect((await t.call('POST', '/api/lists', { body: { name: 'q3 WEBINAR' } })).status).toBe(409);
    const renamed = await t.call<StaticList>('PATCH', `/api/lists/${list.id}`, { body: { name: 'Q3 webinar (EMEA)' } });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.json.name).toBe('Q3 webinar (EMEA)');
    expect((await t.call('POST', '/api/lists', { body: { name: '   ' } })).status).toBe(400);
    expect((await t.call('GET', '/api/lists/not-a-uuid')).status).toBe(400);
  });

  it('lets agents read lists but not change them', async () => {
    const list = await newList('Agents can see');
    expect((await t.call('GET', `/api/lists/${list.id}`, { as: 'agent' })).status).toBe(200);
    expect((await t.call('POST', '/api/lists', { as: 'agent', body: { name: 'Nope' } })).status).toBe(403);
    expect((await t.call('POST', `/api/lists/${list.id}/members`, { as: 'quality_analyst', body: { selection: { ids: [accountIds[0]] } } })).status).toBe(403);
    expect((await t.call('GET', '/api/lists', { as: 'client_user' })).status).toBe(403);
  });

  it('adds by filter across all pages in one go, then removes by filter and by ids', async () => {
    const list = await newList('US contacts');
    const added = await t.call<ListMembersResult>('POST', `/api/lists/${list.id}/members`, { body: { selection: { filter: where({ field: 'country', op: 'eq', value: 'US' }) } } });
    expect(added.status, added.text).toBe(200);
    expect(added.json).toMatchObject({ changed: 65, memberCount: 65 });

    // Adding again changes nothing; the member pages hold every US contact once.
    const again = await t.call<ListMembersResult>('POST', `/api/lists/${list.id}/members`, { body: { selection: { filter: where({ field: 'country', op: 'eq', value: 'US' }) } } });
    expect(again.json.changed).toBe(0);
    const members = await allMembers(list.id);
    expect(members).toHaveLength(65);
    expect(new Set(members).size).toBe(65);

    const vp = await count(sql`select count(*)::int as n from contacts where country = 'US' and seniority = 'VP'`);
    const removed = await t.call<ListMembersResult>('POST', `/api/lists/${list.id}/members/remove`, { body: { selection: { filter: where({ field: 'seniority', op: 'eq', value: 'VP' }) } } });
    expect(removed.status, removed.text).toBe(200);
    expect(removed.json).toMatchObject({ changed: vp, memberCount: 65 - vp });

    const two = members.filter((id) => !(members.indexOf(id) % 2)).slice(0, 2);
    const byIds = await t.call<ListMembersResult>('POST', `/api/lists/${list.id}/members/remove`, { body: { selection: { ids: two } } });
    expect(byIds.json.memberCount).toBe(65 - vp - byIds.json.changed);
    expect((await allMembers(list.id)).some((id) => two.includes(id))).toBe(false);
  });

  it('adds by ids and by an audience filter, except some', async () => {
    const list = await newList('Hand picked');
    const some = (await t.call<ContactListResponse>('GET', `/api/lists/${list.id}/members`)).json.items;
    expect(some).toEqual([]);
    const ids = (await t.deps.db.execute(sql`select id from contacts order by id limit 3`)) as unknown as { rows: Array<{ id: string }> };
    const byIds = await t.call<ListMembersResult>('POST', `/api/lists/${list.id}/members`, { body: { selection: { ids: ids.rows.map((r) => r.id) } } });
    expect(byIds.json).toMatchObject({ changed: 3, memberCount: 3 });

    const suppressedBefore = await t.call<ListMembersResult>('POST', `/api/lists/${list.id}/members`, {
      body: { selection: { filter: where({ field: 'emailConsent', op: 'eq', value: 'opted_out' }), except: [ids.rows[0]!.id] } },
    });
    expect(suppressedBefore.status, suppressedBefore.text).toBe(200);
    const optedOut = await count(sql`select count(*)::int as n from contacts where consent_status = 'opted-out' and id <> ${ids.rows[0]!.id}::uuid and id not in (select id from contacts order by id limit 3)`);
    expect(suppressedBefore.json.changed).toBe(optedOut);
  });

  it('serves members in the contact list row shape, with its filters and sorts', async () => {
    const list = await newList('Shape check');
    await t.call('POST', `/api/lists/${list.id}/members`, { body: { selection: { filter: where({ field: 'seniority', op: 'eq', value: 'C-Level' }) } } });
    const members = await t.call<ContactListResponse>('GET', `/api/lists/${list.id}/members`, { query: { sort: 'fullName', order: 'asc', limit: '5' } });
    expect(members.status, members.text).toBe(200);
    const contacts = await t.callAccounts<ContactListResponse>('GET', '/api/contacts', { query: { limit: '1' } });
    expect(Object.keys(members.json.items[0]!).sort()).toEqual(Object.keys(contacts.json.items[0]!).sort());
    expect(members.json.items[0]!.account).not.toBeNull();
    expect(members.json.total).toEqual({ count: 21, exact: true });
    const names = members.json.items.map((i) => i.fullName!);
    expect(names).toEqual([...names].sort());
  });

  it('answers 404 for a missing or deleted list and 400 for a bad filter', async () => {
    const list = await newList('Short lived');
    expect((await t.call('DELETE', `/api/lists/${list.id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/lists/${list.id}`)).status).toBe(404);
    expect((await t.call('DELETE', `/api/lists/${list.id}`)).status).toBe(404);
    expect((await t.call('POST', `/api/lists/${list.id}/members`, { body: { selection: { ids: [accountIds[0]] } } })).status).toBe(404);
    // The name is free again.
    await newList('Short lived');

    const other = await newList('Bad filters');
    const bad = await t.call<{ errors: Array<{ field: string }> }>('POST', `/api/lists/${other.id}/members`, {
      body: { selection: { filter: where({ field: 'passwordHash', op: 'eq', value: 'x' }) } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]!.field).toBe('body.selection.filter.conditions.0.field');
    const badId = await t.call<{ errors: Array<{ field: string }> }>('POST', `/api/lists/${other.id}/members`, {
      body: { selection: { filter: where({ field: 'inList', op: 'eq', value: 'not-a-list' }) } },
    });
    expect(badId.status).toBe(400);
    expect(badId.json.errors[0]!.field).toBe('body.selection.filter.conditions.0.value');
  });

  it('offers addContactsToList to other modules and a set-based hook to the importer', async () => {
    const list = await newList('From elsewhere');
    const { added } = await addContactsToList(t.deps.db, list.id, { filter: where({ field: 'accountDomain', op: 'eq', value: 'alpha.io' }) });
    expect(added).toBe(65);
    const contactIds = ((await t.deps.db.execute(sql`select id from contacts where account_id = ${accountIds[1]}::uuid order by id limit 10`)) as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
    await withRawTransaction(t.deps.dbHandle, (query) => addImportedContactsToList(query, { listId: list.id, contactIds: [...contactIds, contactIds[0]!] }));
    expect((await t.call<StaticList>('GET', `/api/lists/${list.id}`)).json.memberCount).toBe(75);
    await expect(addContactsToList(t.deps.db, '00000000-0000-4000-8000-000000000000', { ids: contactIds })).rejects.toMatchObject({ code: 'not_found' });
  });

  it("adds the contacts of selected accounts, and hands lists and segments to the compliance guard", async () => {
    const list = await newList('Account contacts');
    const { added } = await addAccountContactsToList(t.deps.db, list.id, { filter: where({ field: 'domain', op: 'eq', value: 'betabank.com' }) });
    expect(added).toBe(65);
    expect((await addAccountContactsToList(t.deps.db, list.id, { ids: accountIds })).added).toBe(65);

    const fromList = await applyComplianceGuard(t.deps.db, { kind: 'query', sql: listAudienceSql(list.id) }, { channel: 'email' });
    expect(fromList.counts?.audience).toBe(130);
    const fromSegment = await applyComplianceGuard(
      t.deps.db,
      { kind: 'query', sql: segmentAudienceSql(where({ field: 'inList', op: 'eq', value: list.id }, { field: 'country', op: 'eq', value: 'US' })) },
      { channel: 'email' },
    );
    expect(fromSegment.counts?.audience).toBe(65);
  });
});

describe('segments', () => {
  it('previews a count and a first page with audience criteria', async () => {
    await t.deps.db.execute(sql`insert into suppressions (type, value, reason, source) values ('domain', 'example.com', 'manual', 'test'), ('phone', '+14155550007', 'manual', 'test')`);
    const all = await t.call<SegmentPreview>('POST', '/api/segments/preview', { body: { filter: where({ field: 'emailSuppressed', op: 'eq', value: true }), limit: 5 } });
    expect(all.status, all.text).toBe(200);
    expect(all.json).toMatchObject({ count: 130, exact: true });
    expect(all.json.rows).toHaveLength(5);
    await t.deps.db.execute(sql`delete from suppressions where value = 'example.com'`);
    await t.deps.db.execute(sql`insert into suppressions (type, value, reason, source) values ('domain', 'blocked.example.com', 'manual', 'test')`);

    const cases: Array<[FilterGroup, number]> = [
      // blocked.example.com is not a registrable domain of its own, but the entry still covers its hosts.
      [where({ field: 'emailSuppressed', op: 'eq', value: true }), 13],
      [where({ field: 'emailSuppressed', op: 'eq', value: false }, { field: 'country', op: 'eq', value: 'US' }), 52],
      [where({ field: 'phoneSuppressed', op: 'eq', value: true }), 1],
      [where({ field: 'emailConsent', op: 'eq', value: 'opted_out' }), 10],
      [where({ field: 'phoneConsent', op: 'in', value: ['unknown', 'opted_in'] }), 120],
      [where({ field: 'accountDomain', op: 'eq', value: 'https://www.betabank.com/about' }, { field: 'seniority', op: 'in', value: ['VP', 'Manager'] }), 44],
    ];
    for (const [filter, expected] of cases) {
      const res = await t.call<SegmentPreview>('POST', '/api/segments/preview', { body: { filter } });
      expect(res.status, res.text).toBe(200);
      expect(res.json.count, JSON.stringify(filter)).toBe(expected);
    }
    const bad = await t.call('POST', '/api/segments/preview', { body: { filter: where({ field: 'emailConsent', op: 'eq', value: 'maybe' }) } });
    expect(bad.status).toBe(400);
    expect((await t.call('POST', '/api/segments/preview', { as: 'agent', body: { filter: where() } })).status).toBe(403);
  });

  it('saves a segment, and snapshots it into a static list that later changes do not touch', async () => {
    const source = await newList('Seed list');
    await t.call('POST', `/api/lists/${source.id}/members`, { body: { selection: { filter: where({ field: 'country', op: 'eq', value: 'GB' }) } } });
    const filter = where({ field: 'inList', op: 'eq', value: source.id }, { type: 'or', conditions: [{ field: 'seniority', op: 'eq', value: 'VP' }, { field: 'seniority', op: 'eq', value: 'Manager' }] });
    const created = await t.call<Segment>('POST', '/api/segments', { body: { name: 'GB leaders', filter } });
    expect(created.status, created.text).toBe(201);
    expect((await t.call('POST', '/api/segments', { body: { name: 'gb LEADERS', filter } })).status).toBe(409);
    expect((await t.call('POST', '/api/segments', { body: { name: 'Broken', filter: where({ field: 'nope', op: 'eq', value: 1 }) } })).status).toBe(400);

    const preview = await t.call<SegmentPreview>('POST', '/api/segments/preview', { body: { filter } });
    const snapshot = await t.call<StaticList>('POST', `/api/segments/${created.json.id}/list`, { body: { name: 'GB leaders (snapshot)' } });
    expect(snapshot.status, snapshot.text).toBe(201);
    expect(snapshot.json).toMatchObject({ origin: 'segment', originId: created.json.id, memberCount: preview.json.count });
    expect(preview.json.count).toBe(44);

    // The segment follows the data; the snapshot does not.
    await t.call('POST', `/api/lists/${source.id}/members/remove`, { body: { selection: { filter: where({ field: 'seniority', op: 'eq', value: 'VP' }) } } });
    expect((await t.call<SegmentPreview>('POST', '/api/segments/preview', { body: { filter } })).json.count).toBe(22);
    expect((await t.call<StaticList>('GET', `/api/lists/${snapshot.json.id}`)).json.memberCount).toBe(44);
    expect((await t.call('POST', `/api/segments/${created.json.id}/list`, { body: { name: 'GB leaders (snapshot)' } })).status).toBe(409);

    // Deleting the source list empties "in list" criteria on it.
    await t.call('DELETE', `/api/lists/${source.id}`);
    expect((await t.call<SegmentPreview>('POST', '/api/segments/preview', { body: { filter } })).json.count).toBe(0);

    const updated = await t.call<Segment>('PATCH', `/api/segments/${created.json.id}`, { body: { name: 'GB leaders v2' } });
    expect(updated.json.name).toBe('GB leaders v2');
    // Segments are an analysis tool: quality analysts read them, agents work from lists.
    expect((await t.call<{ items: Segment[] }>('GET', '/api/segments', { as: 'quality_analyst' })).json.items.map((s) => s.name)).toContain('GB leaders v2');
    expect((await t.call('GET', '/api/segments', { as: 'agent' })).status).toBe(403);
    expect((await t.call('GET', `/api/segments/${created.json.id}`, { as: 'agent' })).status).toBe(403);
    expect((await t.call('DELETE', `/api/segments/${created.json.id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/segments/${created.json.id}`)).status).toBe(404);
  });
});

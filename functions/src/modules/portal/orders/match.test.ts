// The match preview on a known data set (matched and unmatched domains, contacts fitting the
// criteria or not, a globally suppressed address, an opted-out contact without a phone, a domain
// on the client's own list), and the client's suppression list: normalised on the way in, always
// the caller's organisation's, never reaching another organisation's preview.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ClientSuppressionAddResult, ClientSuppressionPage, MatchPreview } from '@shared/contracts/portal';
import { fileContext } from '../../../../test/support/file-context';
import { accounts, clientSuppressions, contacts, orders } from '../../../db/schema';
import { countQueries, insertSuppressions, recordConsentChange } from '../../compliance/testing';
import { clientWithToken, createPortalTestContext, orderFixture, organisationFixture, staffWithToken } from '../test-fixtures';

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

const t = fileContext(createPortalTestContext);

async function account(domain: string, fields: Partial<typeof accounts.$inferInsert> = {}): Promise<string> {
  const [row] = await t.deps.db.insert(accounts).values({ name: domain, domain, country: 'US', industry: 'Software', employeeRange: '51-200', ...fields }).returning({ id: accounts.id });
  return row!.id;
}

async function contact(accountId: string, fields: Partial<typeof contacts.$inferInsert>): Promise<string> {
  const [row] = await t.deps.db
    .insert(contacts)
    .values({ accountId, country: 'US', timezone: 'America/New_York', ...fields })
    .returning({ id: contacts.id });
  return row!.id;
}

describe('the match preview and the client suppression list', () => {
  const world = async () => {
    const orgA = await organisationFixture(t, 'Match Buyer A');
    const orgB = await organisationFixture(t, 'Match Buyer B');
    const alpha = await account('alpha-match.com');
    const beta = await account('beta-match.com', { employeeCount: 150, employeeRange: null });
    const gamma = await account('gamma-match.com');
    const delta = await account('delta-match.com', { country: 'DE' });
    await contact(alpha, { fullName: 'Ann Reach', email: 'ann@alpha-match.com', jobTitle: 'VP Sales', directPhone: '+12125550101' });
    await contact(alpha, { fullName: 'Ben Suppressed', email: 'ben@alpha-match.com', jobTitle: 'vp of marketing', directPhone: '+12125550102' });
    await contact(alpha, { fullName: 'Cal Engineer', email: 'cal@alpha-match.com', jobTitle: 'Engineer (VPN team)', directPhone: '+12125550103' });
    const dee = await contact(beta, { fullName: 'Dee Optout', email: 'dee@beta-match.com', jobTitle: 'VP IT' });
    await contact(beta, { fullName: 'Eve Emailonly', email: 'eve@beta-match.com', jobTitle: 'Senior VP, Finance' });
    await contact(gamma, { fullName: 'Fay Clientlist', email: 'fay@gamma-match.com', jobTitle: 'VP Ops', directPhone: '+12125550106' });
    await contact(delta, { fullName: 'Gus Abroad', email: 'gus@delta-match.com', jobTitle: 'VP Sales', country: 'DE', timezone: 'Europe/Berlin' });
    await insertSuppressions(t.deps.db, [{ type: 'email', value: 'ben@alpha-match.com', reason: 'manual', source: 'test', note: null }], { createdBy: null, at: t.deps.now() });
    await recordConsentChange(t.deps.db, { contactId: dee, channel: 'email', status: 'opted_out', source: 'test', evidence: null, recordedAt: t.deps.now(), recordedBy: null, at: t.deps.now() });
    const domains = ['alpha-match.com', 'beta-match.com', 'gamma-match.com', 'delta-match.com', 'zz-unheld.com', 'aa-unheld.com'];
    const orderA = await orderFixture(t, { orgId: orgA, domains });
    const orderB = await orderFixture(t, { orgId: orgB, domains });
    const criteria = { countries: ['US'], industries: [], sizes: ['51-200'], revenues: [], titles: ['VP'], seniorities: [], functions: [] };
    await t.deps.db.update(orders).set({ criteria, channel: 'both' }).where(sql`${orders.id} in (${orderA}, ${orderB})`);
    return { orgA, orgB, orderA, orderB };
  };

  it('counts domains held, contacts fitting, reachable by email and phone, and why the others are not', async () => {
    const { orgA, orgB, orderA, orderB } = await world();
    const a = await clientWithToken(t, orgA);
    const b = await clientWithToken(t, orgB);
    // A's own list holds gamma; B's list holds Ann's address: each applies to its own organisation only.
    const added = await t.api<ClientSuppressionAddResult>(a.token, { method: 'POST', path: '/api/portal/suppressions', body: { entries: [{ kind: 'domain', value: 'https://www.gamma-match.com/' }] } });
    expect(added.json).toEqual({ added: 1, duplicates: 0, invalid: [] });
    await t.api(b.token, { method: 'POST', path: '/api/portal/suppressions', body: { entries: [{ kind: 'email', value: 'ANN@alpha-match.com' }] } });

    const res = await t.api<MatchPreview>(a.token, { method: 'GET', path: `/api/portal/orders/${orderA}/match` });
    expect(res.status, res.text).toBe(200);
    const preview = res.json;
    expect(preview).toMatchObject({
      targets: 6,
      matchedDomains: 4,
      unmatchedDomains: 2,
      unmatchedSample: ['aa-unheld.com', 'zz-unheld.com'],
      accounts: 4,
      // Ann, Ben, Dee, Eve, Fay fit; Cal's title has no word VP, Gus is in Germany.
      contacts: 5,
      notFitting: 2,
      // Ann and Eve by email (Ben suppressed, Dee opted out, Fay on the client's list); Ann and Ben by phone.
      reachableEmail: 2,
      reachablePhone: 2,
      reachable: 2,
    });
    const excluded = Object.fromEntries(preview.excluded.map((e) => [`${e.channel}:${e.reason}`, e.count]));
    expect(excluded).toEqual({ 'both:client_suppressed': 1, 'email:suppressed_email': 1, 'email:opted_out': 1, 'phone:no_phone': 2 });

    // B's preview of the same list: gamma is not on B's list, Ann is.
    const other = (await t.api<MatchPreview>(b.token, { method: 'GET', path: `/api/portal/orders/${orderB}/match` })).json;
    expect(other).toMatchObject({ contacts: 5, reachableEmail: 2, reachablePhone: 2 });
    expect(Object.fromEntries(other.excluded.map((e) => [`${e.channel}:${e.reason}`, e.count]))).toEqual({
      'both:client_suppressed': 1,
      'email:suppressed_email': 1,
      'email:opted_out': 1,
      'phone:no_phone': 2,
    });

    // Staff read the same numbers.
    const staff = await staffWithToken(t, ['quality_analyst']);
    const staffView = await t.api<MatchPreview>(staff.token, { method: 'GET', path: `/api/orders/${orderA}/match` });
    expect(staffView.json.contacts).toBe(5);
    expect(staffView.json.reachableEmail).toBe(2);
  });

  it('counts a 500-domain list against thousands of contacts in as many statements as a 5-domain list', async () => {
    const org = await organisationFixture(t, 'Bulk Buyer');
    const client = await clientWithToken(t, org);
    await t.deps.db.execute(sql`insert into accounts (name, domain, country, industry) select 'Bulk ' || i, 'bulk' || i || '.com', 'US', 'Software' from generate_series(1, 400) i`);
    await t.deps.db.execute(
      sql`insert into contacts (account_id, full_name, email, job_title, direct_phone, country, timezone)
        select a.id, 'Person ' || a.domain || j, 'p' || j || '@' || a.domain, case when j % 2 = 0 then 'VP Sales' else 'Analyst' end,
               '+1212' || lpad((row_number() over ())::text, 7, '0'), 'US', 'America/Chicago'
        from accounts a, generate_series(1, 10) j where a.domain like 'bulk%.com'`,
    );
    const domains = Array.from({ length: 500 }, (_, i) => `bulk${i + 1}.com`);
    const orderId = await orderFixture(t, { orgId: org });
    const put = await t.api(client.token, { method: 'PUT', path: `/api/portal/orders/${orderId}/targets`, body: { domains } });
    expect(put.status, put.text).toBe(200);
    await t.deps.db.update(orders).set({ criteria: { titles: ['vp'] } }).where(eq(orders.id, orderId));
    const small = await orderFixture(t, { orgId: org, domains: domains.slice(0, 5) });
    const statements = async (id: string) => {
      const counter = countQueries(t.database.handle);
      try {
        const res = await t.api<MatchPreview>(client.token, { method: 'GET', path: `/api/portal/orders/${id}/match` });
        return { preview: res.json, count: counter.count };
      } finally {
        counter.restore();
      }
    };
    const few = await statements(small);
    const many = await statements(orderId);
    expect(few.preview).toMatchObject({ targets: 5, matchedDomains: 5, contacts: 50 });
    expect(many.preview).toMatchObject({ targets: 500, matchedDomains: 400, unmatchedDomains: 100, contacts: 2000, notFitting: 2000, reachableEmail: 2000 });
    expect(many.preview.unmatchedSample).toHaveLength(50);
    expect(many.count).toBe(few.count);
  });

  it('keeps each organisation\'s suppression list to itself: listing, paging, deleting', async () => {
    const orgA = await organisationFixture(t, 'Supp Buyer A');
    const orgB = await organisationFixture(t, 'Supp Buyer B');
    const a = await clientWithToken(t, orgA);
    const b = await clientWithToken(t, orgB);
    const post = (token: string, body: unknown) => t.api<ClientSuppressionAddResult & Problem>(token, { method: 'POST', path: '/api/portal/suppressions', body });
    const list = (token: string, query: Record<string, string> = {}) => t.api<ClientSuppressionPage & Problem>(token, { method: 'GET', path: '/api/portal/suppressions', query });

    const csv = 'Email,Domain,Phone\r\n Jo@Rival.com ,www.rival.com,+44 20 7946 0958\r\nbad-address,,\r\njo@rival.com,,(212) 555-0199\r\n';
    const added = await post(a.token, { csv });
    expect(added.status, added.text).toBe(200);
    expect(added.json).toEqual({ added: 4, duplicates: 1, invalid: [{ line: 3, value: 'bad-address', reason: 'is not an email address' }] });
    expect((await post(a.token, { entries: [{ kind: 'email', value: 'JO@rival.com' }] })).json).toEqual({ added: 0, duplicates: 1, invalid: [] });
    await post(b.token, { entries: [{ kind: 'domain', value: 'rival.com' }] });

    const page1 = await list(a.token, { limit: '3' });
    expect(page1.json.total).toBe(4);
    const page2 = await list(a.token, { limit: '3', cursor: page1.json.nextCursor! });
    const all = [...page1.json.items, ...page2.json.items];
    expect(all.map((s) => `${s.kind}:${s.value}`).sort()).toEqual(['domain:rival.com', 'email:jo@rival.com', 'phone:+12125550199', 'phone:+442079460958']);
    expect(page2.json.nextCursor).toBeNull();
    expect((await list(a.token, { kind: 'phone' })).json.items).toHaveLength(2);

    const bEntries = (await list(b.token)).json.items;
    expect(bEntries.map((s) => s.value)).toEqual(['rival.com']);
    // A deleting B's id (and one of its own) removes only its own.
    const del = await t.api<{ deleted: number }>(a.token, { method: 'DELETE', path: '/api/portal/suppressions', body: { ids: [bEntries[0]!.id, all[0]!.id] } });
    expect(del.json).toEqual({ deleted: 1 });
    expect((await t.deps.db.select().from(clientSuppressions).where(eq(clientSuppressions.id, bEntries[0]!.id)))).toHaveLength(1);
    expect((await list(a.token)).json.total).toBe(3);

    const bad = await t.api<Problem>(a.token, { method: 'DELETE', path: '/api/portal/suppressions', body: { ids: ['nope'] } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors![0]!.field).toBe('body.ids.0');
    const neither = await post(a.token, {});
    expect(neither.json.errors![0]!.field).toBe('body.csv');
    const noColumn = await post(a.token, { csv: 'name\nJo' });
    expect(noColumn.json.errors).toEqual([{ field: 'csv', message: 'needs an email, domain or phone column (name it in the first row)' }]);
    // An order named with the upload must be one of mine.
    const bOrder = await orderFixture(t, { orgId: orgB });
    const before = (await list(a.token)).json.total;
    expect((await post(a.token, { entries: [{ kind: 'domain', value: 'x-corp.com' }], orderId: bOrder })).status).toBe(404);
    expect((await list(a.token)).json.total).toBe(before);
  });
});

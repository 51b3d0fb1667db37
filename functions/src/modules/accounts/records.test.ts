import { describe, expect, it } from 'vitest';
import type { Account, Contact, HistoryResponse } from '@shared/contracts/accounts';
import { createAccountsTestContext } from './test-fixtures';
import { fileContext } from '../../../test/support/file-context';

const t = fileContext(createAccountsTestContext);

describe('account upsert on the normalized domain', () => {
  it('merges www, URL and email forms of one domain into one account', async () => {
    const first = await t.call<Account>('POST', '/api/accounts', { body: { name: 'Acme Corp', domain: 'https://www.Acme.co.uk/about' } });
    expect(first.status, first.text).toBe(201);
    expect(first.json.domain).toBe('acme.co.uk');
    for (const domain of ['acme.co.uk', 'WWW.ACME.CO.UK', 'sales@eu.acme.co.uk', 'http://acme.co.uk:8080/x?y=1']) {
      const again = await t.call<Account>('POST', '/api/accounts', { body: { name: 'Acme', domain, industry: 'Software' } });
      expect(again.status, again.text).toBe(200);
      expect(again.json.id).toBe(first.json.id);
    }
    const got = await t.call<Account>('GET', `/api/accounts/${first.json.id}`);
    expect(got.json.industry).toBe('Software');
    expect(got.json.version).toBe(5);
  });

  it('takes the domain from the website, stores IDNs in punycode, and derives ranges', async () => {
    const res = await t.call<Account>('POST', '/api/accounts', {
      body: { name: 'Bücher GmbH', website: 'https://www.bücher.de', employeeCount: 120, annualRevenue: 25_000_000, country: 'Germany', phone: '030 1234567' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ domain: 'xn--bcher-kva.de', employeeRange: '51-200', revenueRange: '10M-50M', country: 'DE', phone: '+49301234567', phoneRaw: '030 1234567' });
  });

  it('matches accounts without a domain by name, case-insensitively', async () => {
    const a = await t.call<Account>('POST', '/api/accounts', { body: { name: 'Nodomain Widgets' } });
    const b = await t.call<Account>('POST', '/api/accounts', { body: { name: 'NODOMAIN widgets', city: 'Leeds' } });
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(b.json.id).toBe(a.json.id);
  });

  it('refuses a domain it cannot read, naming the field', async () => {
    const res = await t.call<{ errors: Array<{ field: string }> }>('POST', '/api/accounts', { body: { name: 'X', domain: 'localhost' } });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e) => e.field)).toContain('body.domain');
  });
});

describe('contact upsert on the normalized email', () => {
  it('treats an email in another case as the same contact and links the account of its domain', async () => {
    const account = await t.call<Account>('POST', '/api/accounts', { body: { name: 'Globex', domain: 'globex.com' } });
    const first = await t.call<Contact>('POST', '/api/contacts', { body: { email: 'Hank.Scorpio@Globex.com', fullName: 'Hank Scorpio' } });
    expect(first.status, first.text).toBe(201);
    expect(first.json).toMatchObject({ email: 'hank.scorpio@globex.com', firstName: 'Hank', lastName: 'Scorpio', accountId: account.json.id });
    expect(first.json.account?.name).toBe('Globex');
    const second = await t.call<Contact>('POST', '/api/contacts', { body: { email: '  HANK.SCORPIO@GLOBEX.COM ', jobTitle: 'CEO' } });
    expect(second.status).toBe(200);
    expect(second.json.id).toBe(first.json.id);
    expect(second.json.jobTitle).toBe('CEO');
  });

  it('never makes an account of a free-mail domain, nor links a free-mail address to one', async () => {
    const refused = await t.call<{ errors: Array<{ field: string; message: string }> }>('POST', '/api/accounts', { body: { name: 'Gmail?', domain: 'https://mail.GMAIL.com' } });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0]!.message).toContain('free-mail');
    const res = await t.call<Contact>('POST', '/api/contacts', { body: { email: 'someone@gmail.com', fullName: 'Some One' } });
    expect(res.json.accountId).toBeNull();
  });

  it('matches contacts without email by account, name and phone in any format', async () => {
    const account = await t.call<Account>('POST', '/api/accounts', { body: { name: 'Initech', domain: 'initech.com' } });
    const base = { accountId: account.json.id, fullName: 'Peter Gibbons', country: 'US' };
    const a = await t.call<Contact>('POST', '/api/contacts', { body: { ...base, directPhone: '(415) 555-0123' } });
    const b = await t.call<Contact>('POST', '/api/contacts', { body: { ...base, fullName: 'peter gibbons', directPhone: '+1 415 555 0123' } });
    const c = await t.call<Contact>('POST', '/api/contacts', { body: { ...base, directPhone: '001-415-555-0123' } });
    expect([a.status, b.status, c.status]).toEqual([201, 200, 200]);
    expect(new Set([a.json.id, b.json.id, c.json.id]).size).toBe(1);
    expect(a.json.directPhone).toBe('+14155550123');
    expect(c.json.directPhoneRaw).toBe('001-415-555-0123');
  });

  it('refuses to remove the email of a contact that has no name', async () => {
    const c = await t.call<Contact>('POST', '/api/contacts', { body: { email: 'nameless@example.org' } });
    expect(c.status, c.text).toBe(201);
    const res = await t.call('PATCH', `/api/contacts/${c.json.id}`, { body: { version: c.json.version, email: null } });
    expect(res.status, res.text).toBe(400);
  });

  it('reads US research dates and refuses impossible ones', async () => {
    const ok = await t.call<Contact>('POST', '/api/contacts', { body: { email: 'dated@example.org', researchDate: '3/7/2024' } });
    expect(ok.json.researchDate).toBe('2024-03-07');
    for (const researchDate of ['2024-02-30', '13/1/2024', '2024-1-1']) {
      expect((await t.call('POST', '/api/contacts', { body: { email: 'dated@example.org', researchDate } })).status, researchDate).toBe(400);
    }
  });

  it('refuses a contact with neither email nor name, and an unknown account', async () => {
    const none = await t.call('POST', '/api/contacts', { body: { jobTitle: 'Ghost' } });
    expect(none.status).toBe(400);
    const orphan = await t.call<{ errors: Array<{ field: string }> }>('POST', '/api/contacts', {
      body: { email: 'x@nowhere-inc.com', accountId: '0190f0f0-0000-7000-8000-000000000000' },
    });
    expect(orphan.status).toBe(400);
    expect(orphan.json.errors[0]!.field).toBe('body.accountId');
  });
});

describe('optimistic concurrency', () => {
  it('applies a PATCH with the current version and answers 409 stale_write to the stale one', async () => {
    const created = await t.call<Contact>('POST', '/api/contacts', { body: { email: 'race@example.org', fullName: 'Race Condition' } });
    const v = created.json.version;
    const first = await t.call<Contact>('PATCH', `/api/contacts/${created.json.id}`, { body: { version: v, jobTitle: 'First' } });
    expect(first.status, first.text).toBe(200);
    expect(first.json.version).toBe(v + 1);
    expect(first.headers.etag).toBe(`"${v + 1}"`);
    const stale = await t.call<{ type: string; currentVersion: number }>('PATCH', `/api/contacts/${created.json.id}`, { body: { version: v, jobTitle: 'Second' } });
    expect(stale.status).toBe(409);
    expect(stale.json.type).toMatch(/stale_write$/);
    expect(stale.json.currentVersion).toBe(v + 1);
    const viaHeader = await t.call<Contact>('PATCH', `/api/contacts/${created.json.id}`, { body: { jobTitle: 'Third' }, headers: { 'If-Match': `W/"${v + 1}"` } });
    expect(viaHeader.status, viaHeader.text).toBe(200);
    const missing = await t.call('PATCH', `/api/contacts/${created.json.id}`, { body: { jobTitle: 'No version' } });
    expect(missing.status).toBe(400);
  });

  it('answers 409 conflict when a PATCH would give a contact another live email', async () => {
    await t.call('POST', '/api/contacts', { body: { email: 'taken@example.org', fullName: 'Taken' } });
    const other = await t.call<Contact>('POST', '/api/contacts', { body: { email: 'free@example.org', fullName: 'Free' } });
    const res = await t.call<{ type: string }>('PATCH', `/api/contacts/${other.json.id}`, { body: { version: other.json.version, email: 'TAKEN@example.org' } });
    expect(res.status).toBe(409);
    expect(res.json.type).toMatch(/conflict$/);
  });
});

describe('soft delete and restore', () => {
  it('hides a deleted contact from lists, frees its email, and restores it unless the email is taken', async () => {
    const c = await t.call<Contact>('POST', '/api/contacts', { body: { email: 'gone@example.net', fullName: 'Gone Girl' } });
    expect((await t.call('DELETE', `/api/contacts/${c.json.id}`)).status).toBe(204);
    expect((await t.call('DELETE', `/api/contacts/${c.json.id}`)).status).toBe(204);
    const got = await t.call<Contact>('GET', `/api/contacts/${c.json.id}`);
    expect(got.json.deletedAt).not.toBeNull();
    const list = await t.call<{ items: Contact[] }>('GET', '/api/contacts', { query: { q: 'gone@example.net' } });
    expect(list.json.items).toHaveLength(0);
    const trash = await t.call<{ items: Contact[] }>('GET', '/api/contacts', { query: { deleted: 'only' } });
    expect(trash.json.items.map((i) => i.id)).toContain(c.json.id);

    const restored = await t.call<Contact>('POST', `/api/contacts/${c.json.id}/restore`);
    expect(restored.status, restored.text).toBe(200);
    expect(restored.json.deletedAt).toBeNull();

    await t.call('DELETE', `/api/contacts/${c.json.id}`);
    const replacement = await t.call<Contact>('POST', '/api/contacts', { body: { email: 'gone@example.net', fullName: 'New Gone' } });
    expect(replacement.status).toBe(201);
    expect(replacement.json.id).not.toBe(c.json.id);
    const blocked = await t.call('POST', `/api/contacts/${c.json.id}/restore`);
    expect(blocked.status).toBe(409);
  });

  it('answers 404 for unknown ids and 400 for malformed ones', async () => {
    expect((await t.call('GET', '/api/accounts/0190f0f0-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await t.call('DELETE', '/api/contacts/0190f0f0-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await t.call('GET', '/api/contacts/not-a-uuid')).status).toBe(400);
  });
});

describe('field history', () => {
  it('records create, update, merge, delete and restore with the changed fields and the actor', async () => {
    const a = await t.call<Account>('POST', '/api/accounts', { body: { name: 'Hist Co', domain: 'hist.example.com', industry: 'Retail' } });
    await t.call('PATCH', `/api/accounts/${a.json.id}`, { body: { version: a.json.version, industry: 'Finance', city: 'Paris' } });
    await t.call('POST', '/api/accounts', { body: { name: 'Hist Co', domain: 'example.com', city: 'Lyon' } });
    await t.call('DELETE', `/api/accounts/${a.json.id}`);
    await t.call('POST', `/api/accounts/${a.json.id}/restore`);
    const res = await t.call<HistoryResponse>('GET', `/api/accounts/${a.json.id}/history`, { as: 'quality_analyst' });
    expect(res.status).toBe(200);
    expect(res.json.items.map((i) => i.action)).toEqual(['restore', 'delete', 'merge', 'update', 'create']);
    const update = res.json.items[3]!;
    expect(update.changes).toEqual({ industry: { from: 'Retail', to: 'Finance' }, city: { from: null, to: 'Paris' } });
    expect(update.actorId).toBe(t.userIds.campaign_manager);
    expect(res.json.items[2]!.changes.city).toEqual({ from: 'Paris', to: 'Lyon' });
    const paged = await t.call<HistoryResponse>('GET', `/api/accounts/${a.json.id}/history`, { query: { limit: '2' } });
    const next = await t.call<HistoryResponse>('GET', `/api/accounts/${a.json.id}/history`, { query: { limit: '2', cursor: paged.json.nextCursor! } });
    expect(next.json.items.map((i) => i.action)).toEqual(['merge', 'update']);
  });

  it('answers 404 for the history of a record that does not exist, and keeps a deleted one readable', async () => {
    const missing = '0190f0f0-0000-7000-8000-000000000000';
    const account = await t.call('GET', `/api/accounts/${missing}/history`);
    expect(account.status).toBe(404);
    expect(account.headers['content-type']).toContain('problem+json');
    expect((await t.call('GET', `/api/contacts/${missing}/history`)).status).toBe(404);

    const c = await t.call<{ id: string }>('POST', '/api/contacts', { body: { email: 'history.gone@example.com', fullName: 'Gone Away' } });
    expect(c.status, c.text).toBe(201);
    await t.call('DELETE', `/api/contacts/${c.json.id}`);
    const deleted = await t.call<HistoryResponse>('GET', `/api/contacts/${c.json.id}/history`);
    expect(deleted.status).toBe(200);
    expect(deleted.json.items.map((i) => i.action)).toEqual(['delete', 'create']);
  });
});

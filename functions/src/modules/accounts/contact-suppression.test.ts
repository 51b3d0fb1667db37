import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact, ContactListResponse } from '@shared/contracts/accounts';
import { countQueries, insertSuppressions, suppressionEntry } from '../compliance/testing';
import { withSuppressions } from './contact-suppression';
import { createAccountsTestContext } from './test-fixtures';
import { fileContext } from '../../../test/support/file-context';

const ids: Record<string, string> = {};

const t = fileContext(createAccountsTestContext);
beforeAll(async () => {
  await insertSuppressions(
    t.deps.db,
    [
      suppressionEntry('email', 'gone@open.com', 'unsubscribe'),
      suppressionEntry('domain', 'closed.co.uk', 'client_request'),
      suppressionEntry('email', 'both@closed.co.uk', 'bounce'),
      suppressionEntry('phone', '+14155550100', 'dnc_registry'),
    ],
    { createdBy: null, at: new Date('2026-01-02T03:04:05Z') },
  );
  const people: Record<string, Record<string, unknown>> = {
    address: { email: 'Gone@Open.com', fullName: 'Address Suppressed' },
    domain: { email: 'anyone@eu.closed.co.uk', fullName: 'Domain Suppressed' },
    both: { email: 'both@closed.co.uk', fullName: 'Address And Domain' },
    phone: { email: 'caller@open.com', fullName: 'Phone Suppressed', mobilePhone: '+1 415 555 0100' },
    lookalike: { email: 'x@closed.co.uk.example.org', fullName: 'Lookalike Domain', directPhone: '+1 415 555 0101' },
    bare: { fullName: 'No Channels' },
  };
  for (const [key, body] of Object.entries(people)) {
    const res = await t.call<Contact>('POST', '/api/contacts', { body });
    expect(res.status, res.text).toBe(201);
    ids[key] = res.json.id;
  }
});

const expected = {
  address: { email: { reason: 'unsubscribe', type: 'email' }, phone: null },
  domain: { email: { reason: 'client_request', type: 'domain' }, phone: null },
  both: { email: { reason: 'bounce', type: 'email' }, phone: null },
  phone: { email: null, phone: { reason: 'dnc_registry', type: 'phone' } },
  lookalike: { email: null, phone: null },
  bare: { email: null, phone: null },
};

describe('suppression state on contacts', () => {
  it('shows on every row of a list page: the address, its domain or a phone, else null', async () => {
    const res = await t.call<ContactListResponse>('GET', '/api/contacts', { query: { limit: '50' } });
    expect(res.status, res.text).toBe(200);
    const byId = new Map(res.json.items.map((c) => [c.id, c.suppression]));
    for (const [key, suppression] of Object.entries(expected)) expect(byId.get(ids[key]!), key).toEqual(suppression);
  });

  it('shows on GET of one contact', async () => {
    for (const [key, suppression] of Object.entries(expected)) {
      const res = await t.call<Contact>('GET', `/api/contacts/${ids[key]}`);
      expect(res.status, res.text).toBe(200);
      expect(res.json.suppression, key).toEqual(suppression);
    }
  });

  it('looks a page up in one query whatever its size', async () => {
    const page = (await t.call<ContactListResponse>('GET', '/api/contacts', { query: { limit: '50' } })).json.items;
    const withBoth = page.filter((c) => c.email && (c.directPhone || c.mobilePhone));
    expect(withBoth.length).toBeGreaterThan(0);
    const counter = countQueries(t.database.handle);
    try {
      await withSuppressions(t.deps, withBoth.slice(0, 1));
      expect(counter.count).toBe(1);
      counter.reset();
      await withSuppressions(t.deps, page);
      expect(counter.count).toBe(1);
      counter.reset();
      await withSuppressions(t.deps, []);
      expect(counter.count).toBe(0);
    } finally {
      counter.restore();
    }
  });

  it('still refuses a bad list query and an unknown contact', async () => {
    expect((await t.call('GET', '/api/contacts', { query: { limit: '0' } })).status).toBe(400);
    expect((await t.call('GET', '/api/contacts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

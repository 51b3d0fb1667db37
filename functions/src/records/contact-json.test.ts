import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact, ContactListResponse } from '@shared/contracts/accounts';
import { insertSuppressions, suppressionEntry } from '../modules/compliance/testing';
import { createAccountsTestContext } from '../modules/accounts/testing';
import { fileContext } from '../../test/support/file-context';

// The list builds each contact as JSON in Postgres (contact-json.ts); GET /api/contacts/{id} maps
// the row in JavaScript (contactView with its suppression lookup). Both must answer the same object.

const t = fileContext(createAccountsTestContext);
beforeAll(async () => {
  await insertSuppressions(
    t.deps.db,
    [
      suppressionEntry('domain', 'blocked.com', 'client_request'),
      suppressionEntry('phone', '+14155550111'),
      suppressionEntry('phone', '+14155550122', 'dnc_registry'),
    ],
    { createdBy: null, at: new Date('2026-01-02T03:04:05Z') },
  );
  const account = await t.call<{ id: string }>('POST', '/api/accounts', { body: { name: 'Json Works GmbH', domain: 'jsonworks.de' } });
  const bodies: Record<string, unknown>[] = [
    {
      email: 'full@jsonworks.de',
      fullName: 'Fülle Ñame',
      firstName: 'Fülle',
      lastName: 'Ñame',
      jobTitle: 'VP "Quotes" \\ Backslash',
      jobFunction: 'Marketing',
      seniority: 'VP',
      emailConfidence: 97,
      emailStatus: 'valid',
      directPhone: '+1 415 555 0111',
      directPhoneConfidence: 80,
      mobilePhone: '+1 415 555 0122',
      mobilePhoneConfidence: 60,
      phoneExtension: '204',
      linkedinUrl: 'https://www.linkedin.com/in/full',
      city: 'Berlin',
      state: 'BE',
      country: 'DE',
      postalCode: '10115',
      timezone: 'Europe/Berlin',
      monthsInRole: 14,
      monthsAtCompany: 30,
      consentStatus: 'opted-in',
      researchDate: '2024-02-29',
      source: 'Trade show',
      customFields: { tier: 'gold', note: 'line\nbreak' },
    },
    { email: 'someone@sub.blocked.com', fullName: 'Domain Blocked', mobilePhone: '+1 415 555 0122' },
    { fullName: 'Only A Name' },
    { email: 'no.account@gmail.com', fullName: 'Free Mail', accountId: null },
  ];
  for (const body of bodies) {
    const res = await t.call('POST', '/api/contacts', { body: body.email === 'full@jsonworks.de' ? { ...body, accountId: account.json.id } : body });
    expect(res.status, res.text).toBe(201);
  }
  // Microseconds in the stored times: the API shows milliseconds, as Date#toISOString does.
  await t.deps.db.execute(sql`update contacts set created_at = '2026-01-02 03:04:05.123456+00', updated_at = '2026-07-08 09:10:11.999999+02'`);
});

describe('a contacts page built by Postgres', () => {
  it('answers for every contact exactly what GET /api/contacts/{id} answers', async () => {
    const page = await t.call<ContactListResponse>('GET', '/api/contacts', { query: { limit: '50' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^application\/json/);
    expect(page.json.items).toHaveLength(4);
    for (const item of page.json.items) {
      const one = await t.call<Contact>('GET', `/api/contacts/${item.id}`);
      expect(item).toEqual(one.json);
    }
    const full = page.json.items.find((c) => c.email === 'full@jsonworks.de')!;
    expect(full).toMatchObject({
      account: { name: 'Json Works GmbH', domain: 'jsonworks.de' },
      researchDate: '2024-02-29',
      jobTitle: 'VP "Quotes" \\ Backslash',
      customFields: { tier: 'gold', note: 'line\nbreak' },
      createdAt: '2026-01-02T03:04:05.123Z',
      updatedAt: '2026-07-08T07:10:11.999Z',
      // Both numbers are on the list: the direct number's entry shows.
      suppression: { email: null, phone: { reason: 'manual', type: 'phone' } },
    });
    expect(page.json.items.find((c) => c.email === 'someone@sub.blocked.com')!.suppression).toEqual({
      email: { reason: 'client_request', type: 'domain' },
      phone: { reason: 'dnc_registry', type: 'phone' },
    });
  });

  it('answers the trash the same way, deletion time included', async () => {
    const page = await t.call<ContactListResponse>('GET', '/api/contacts', { query: { limit: '50' } });
    const victim = page.json.items.find((c) => c.fullName === 'Only A Name')!;
    expect((await t.call('DELETE', `/api/contacts/${victim.id}`)).status).toBe(204);
    const trash = await t.call<ContactListResponse>('GET', '/api/contacts', { query: { limit: '50', deleted: 'only' } });
    expect(trash.json.items.map((c) => c.id)).toEqual([victim.id]);
    expect(trash.json.items[0]).toEqual((await t.call<Contact>('GET', `/api/contacts/${victim.id}`)).json);
    expect(trash.json.items[0]!.deletedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});

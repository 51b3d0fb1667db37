import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../../../test/support/test-deps';
import { recordConsentChange } from './consent-repo';
import { insertContacts, suppressionEntry } from './fixtures';
import { applyComplianceGuard, type Audience } from './guard';
import { insertSuppressions } from './suppressions-repo';
import { addSuppression, suppressEmail } from './suppressions';
import { SYSTEM_ACTOR } from '../../core/actor';
import { fileContext } from '../../../test/support/file-context';

const db = () => ctx.deps.db;
const ids = (list: readonly string[]): Audience => ({ kind: 'ids', ids: list });

/** The instant at which it is `time` on `date` in `zone`. */
const localInstant = (zone: string, date: string, time: string): Date =>
  DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();

async function suppress(type: 'email' | 'domain' | 'phone', value: string, reason: 'manual' | 'unsubscribe' = 'manual') {
  await insertSuppressions(db(), [suppressionEntry(type, value, reason)], { createdBy: null, at: new Date() });
}

async function consent(contactId: string, channel: 'email' | 'phone', status: 'opted_in' | 'opted_out' | 'unknown', recordedAt = new Date()) {
  await recordConsentChange(db(), { contactId, channel, status, source: 'test', evidence: null, recordedAt, recordedBy: null, at: new Date() });
}

const ctx = fileContext(createTestDeps);

describe('the compliance guard on the email channel', () => {
  it('leaves out suppressed addresses, suppressed domains (and their subdomains), opted-out contacts and contacts without email', async () => {
    const [ok, address, domain, subdomain, lookalike, optedOut, templateOut, overridden, noEmail, deleted] = await insertContacts(db(), [
      { email: 'ok@fine.example' },
      { email: 'gone@fine.example' },
      { email: 'ann@blocked.example' },
      { email: 'bob@eu.blocked.example' },
      { email: 'cy@notblocked.example' },
      { email: 'dee@fine.example' },
      { email: 'eve@fine.example', consentStatus: 'opted-out' },
      { email: 'fay@fine.example', consentStatus: 'opted-out' },
      { email: null, fullName: 'No Mail Person' },
      { email: 'del@fine.example', deleted: true },
    ]);
    await suppress('email', 'gone@fine.example');
    await suppress('domain', 'blocked.example');
    await consent(optedOut!, 'email', 'opted_out');
    // A channel record decides over the template's Consent Status.
    await consent(overridden!, 'email', 'opted_in');
    // Phone opt-out does not stop email.
    await consent(ok!, 'phone', 'opted_out');

    const all = [ok, address, domain, subdomain, lookalike, optedOut, templateOut, overridden, noEmail, deleted] as string[];
    const result = await applyComplianceGuard(db(), ids(all), { channel: 'email' });

    expect(result.contacts.map((c) => c.contactId).sort()).toEqual([ok, lookalike, overridden].sort());
    expect(result.contacts.find((c) => c.contactId === ok)?.email).toBe('ok@fine.example');
    expect(result.counts).toEqual({
      audience: 9,
      contactable: 3,
      excluded: {
        no_email: 1,
        no_phone: 0,
        phone_unverified: 0,
        suppressed_email: 1,
        suppressed_domain: 2,
        suppressed_phone: 0,
        opted_out: 2,
        unknown_time_zone: 0,
        outside_calling_window: 0,
      },
    });
  });

  it('leaves out plus-tagged aliases of a suppressed address, and tenants of a suppressed shared-hosting domain only', async () => {
    const [alias, mailbox, other, tenant, neighbour] = await insertContacts(db(), [
      { email: 'jane+news@plus.example' },
      { email: 'bob@plus.example' },
      { email: 'janet@plus.example' },
      { email: 'ann@shop.herokuapp.com' },
      { email: 'cy@other.herokuapp.com' },
    ]);
    await suppress('email', 'jane@plus.example');
    await suppress('email', 'bob+promo@plus.example');
    await suppress('domain', 'shop.herokuapp.com');

    const result = await applyComplianceGuard(db(), ids([alias, mailbox, other, tenant, neighbour] as string[]), { channel: 'email' });

    expect(result.contacts.map((c) => c.contactId).sort()).toEqual([other, neighbour].sort());
    expect(result.counts!.excluded).toMatchObject({ suppressed_email: 2, suppressed_domain: 1 });
  });

  it('matches however the address or domain was written when it was suppressed', async () => {
    const [address, subdomain] = await insertContacts(db(), [{ email: 'mixed.case@casey.com' }, { email: 'ann@eu.shouty.co.uk' }]);
    await suppressEmail(db(), '  Mixed.CASE@Casey.COM ', 'unsubscribe', 'test');
    await addSuppression(ctx.deps, {
      request: { type: 'domain', value: 'HTTPS://WWW.Shouty.CO.UK/about', reason: 'client_request' },
      context: SYSTEM_ACTOR,
    });
    const result = await applyComplianceGuard(db(), ids([address!, subdomain!]), { channel: 'email' });
    expect(result.contacts).toEqual([]);
    expect(result.counts?.excluded).toMatchObject({ suppressed_email: 1, suppressed_domain: 1 });
  });

  it('takes an audience as a query of contact ids or as a filter, and pages in id order', async () => {
    const seeds = Array.from({ length: 7 }, (_, i) => ({ email: `pager${i}@paging.example`, country: 'NZ' }));
    const created = await insertContacts(db(), seeds);
    await suppress('email', 'pager3@paging.example');
    const audience: Audience = { kind: 'query', sql: sql`select id from contacts where email like '%@paging.example'` };

    // Pages walk the audience in id order, 3 members at a time, answering the contactable among them.
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await applyComplianceGuard(db(), audience, { channel: 'email', limit: 3, counts: pages === 0, ...(after ? { after } : {}) });
      if (pages === 0) expect(page.counts).toMatchObject({ audience: 7, contactable: 6 });
      else expect(page.counts).toBeNull();
      expect(page.contacts.length).toBeLessThanOrEqual(3);
      seen.push(...page.contacts.map((c) => c.contactId));
      after = page.nextCursor ?? undefined;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen)).toEqual(new Set(created.filter((_, i) => i !== 3)));

    const byFilter = await applyComplianceGuard(
      db(),
      { kind: 'filter', filter: { type: 'and', conditions: [{ field: 'email', op: 'contains', value: '@paging.example' }] } },
      { channel: 'email' },
    );
    expect(byFilter.contacts).toHaveLength(6);
  });

  it('refuses bad input instead of guessing', async () => {
    await expect(applyComplianceGuard(db(), ids(['not-a-uuid']), { channel: 'email' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(applyComplianceGuard(db(), ids([]), { channel: 'email', limit: 0 })).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      applyComplianceGuard(db(), ids([]), { channel: 'phone', callingWindow: { start: '8am', end: '21:00' } }),
    ).rejects.toMatchObject({ code: 'invalid' });
    const empty = await applyComplianceGuard(db(), ids([]), { channel: 'email' });
    expect(empty).toEqual({ contacts: [], nextCursor: null, counts: expect.objectContaining({ audience: 0, contactable: 0 }) });
  });
});

describe('the compliance guard on the phone channel', () => {
  const NY = 'America/New_York';

  it.each([
    ['07:59', false],
    ['08:00', true],
    ['20:59', true],
    ['21:00', false],
  ])('at %s local time the contact may be called: %s', async (time, allowed) => {
    const [id] = await insertContacts(db(), [{ fullName: `Window ${time}`, directPhone: '+12125550101', timezone: NY }]);
    for (const date of ['2026-01-15', '2026-07-15']) {
      const now = localInstant(NY, date, time);
      const result = await applyComplianceGuard(db(), ids([id!]), { channel: 'phone', now });
      expect(result.contacts.length, `${date} ${time}`).toBe(allowed ? 1 : 0);
      if (!allowed) expect(result.counts?.excluded.outside_calling_window).toBe(1);
    }
  });

  it('checks the window on the spring-forward and fall-back days', async () => {
    const [id] = await insertContacts(db(), [{ fullName: 'DST Person', directPhone: '+12125550102', timezone: NY }]);
    const at = async (iso: string) => (await applyComplianceGuard(db(), ids([id!]), { channel: 'phone', now: new Date(iso) })).contacts.length;
    // 2026-03-08: clocks go from 02:00 to 03:00 EST→EDT; 08:00 EDT is 12:00Z.
    expect(await at('2026-03-08T11:59:59Z')).toBe(0);
    expect(await at('2026-03-08T12:00:00Z')).toBe(1);
    // 2026-11-01: back to EST; 21:00 EST is 02:00Z on the 2nd, 08:00 EST is 13:00Z.
    expect(await at('2026-11-01T12:59:59Z')).toBe(0);
    expect(await at('2026-11-01T13:00:00Z')).toBe(1);
    expect(await at('2026-11-02T01:59:59Z')).toBe(1);
    expect(await at('2026-11-02T02:00:00Z')).toBe(0);
    // Wall-clock time counts: at 06:00Z on the fall-back day it is 01:00 (the second time), inside 22:00–02:00.
    const night = async (iso: string) =>
      (await applyComplianceGuard(db(), ids([id!]), { channel: 'phone', now: new Date(iso), callingWindow: { start: '22:00', end: '02:00' } })).contacts.length;
    expect(await night('2026-11-01T06:00:00Z')).toBe(1);
    expect(await night('2026-11-01T06:59:59Z')).toBe(1);
    expect(await night('2026-11-01T07:00:00Z')).toBe(0);
  });

  it('uses the campaign window, including one that spans midnight', async () => {
    const [id] = await insertContacts(db(), [{ fullName: 'Narrow Window', directPhone: '+442079460000', timezone: 'Europe/London' }]);
    const run = (time: string, window: { start: string; end: string }) =>
      applyComplianceGuard(db(), ids([id!]), { channel: 'phone', now: localInstant('Europe/London', '2026-02-10', time), callingWindow: window });
    expect((await run('09:59', { start: '10:00', end: '16:00' })).contacts).toHaveLength(0);
    expect((await run('10:00', { start: '10:00', end: '16:00' })).contacts).toHaveLength(1);
    expect((await run('23:30', { start: '22:00', end: '02:00' })).contacts).toHaveLength(1);
    expect((await run('12:00', { start: '22:00', end: '02:00' })).contacts).toHaveLength(0);
  });

  it('derives the zones from state, country or phone when the contact has no time zone, and requires the window in each', async () => {
    const [texas, florida, germany, phoneOnlyUk, phoneOnlyUs, nowhere] = await insertContacts(db(), [
      { fullName: 'Tex', directPhone: '+15125550100', country: 'US', state: 'TX' },
      { fullName: 'Flo', directPhone: '+13055550100', country: 'US', state: 'Florida' },
      { fullName: 'Ger', directPhone: '+493012345678', country: 'DE' },
      { fullName: 'Uk Phone', directPhone: '+442079460001' },
      { fullName: 'Us Phone', mobilePhone: '+12125550103' },
      { fullName: 'Nowhere', directPhone: '+80012345678' },
    ]);
    const audience = ids([texas, florida, germany, phoneOnlyUk, phoneOnlyUs, nowhere] as string[]);
    // 08:30 in Chicago is 07:30 in Denver (Texas spans both): not yet.
    const early = await applyComplianceGuard(db(), audience, { channel: 'phone', now: localInstant('America/Chicago', '2026-01-15', '08:30') });
    expect(early.contacts.map((c) => c.contactId)).toEqual(expect.not.arrayContaining([texas]));
    const texasZones = await applyComplianceGuard(db(), ids([texas!]), {
      channel: 'phone',
      now: localInstant('America/Denver', '2026-01-15', '09:00'),
    });
    expect(texasZones.contacts[0]?.timeZones.sort()).toEqual(['America/Chicago', 'America/Denver']);
    // Florida spans New York's and Chicago's zones and its own law ends calls at 20:00 (calling_hour_rules):
    // 19:59 in New York may be called, 20:00 in New York (19:00 in Chicago) may not, nor 20:30.
    const floridaLate = await applyComplianceGuard(db(), ids([florida!]), { channel: 'phone', now: localInstant('America/New_York', '2026-01-15', '19:59') });
    expect(floridaLate.contacts).toHaveLength(1);
    for (const time of ['20:00', '20:30']) {
      const floridaTooLate = await applyComplianceGuard(db(), ids([florida!]), { channel: 'phone', now: localInstant('America/New_York', '2026-01-15', time) });
      expect(floridaTooLate.counts?.excluded.outside_calling_window, time).toBe(1);
    }
    // A US number with no location: every US zone, Hawaii included. 15:00 in New York is 10:00 in Honolulu.
    const usPhone = await applyComplianceGuard(db(), ids([phoneOnlyUs!]), { channel: 'phone', now: localInstant('America/New_York', '2026-01-15', '15:00') });
    expect(usPhone.contacts).toHaveLength(1);
    expect(usPhone.contacts[0]!.timeZones).toEqual(expect.arrayContaining(['Pacific/Honolulu', 'America/New_York']));
    const usPhoneMorning = await applyComplianceGuard(db(), ids([phoneOnlyUs!]), { channel: 'phone', now: localInstant('America/New_York', '2026-01-15', '11:00') });
    expect(usPhoneMorning.counts?.excluded.outside_calling_window).toBe(1);
    // Germany and a London number at noon in Berlin.
    const europe = await applyComplianceGuard(db(), ids([germany!, phoneOnlyUk!]), { channel: 'phone', now: localInstant('Europe/Berlin', '2026-01-15', '12:00') });
    expect(europe.contacts).toHaveLength(2);
    // A number of no country (+800) with no location: left out as time zone unknown.
    const unknown = await applyComplianceGuard(db(), ids([nowhere!]), { channel: 'phone', now: localInstant('UTC', '2026-01-15', '12:00') });
    expect(unknown.contacts).toHaveLength(0);
    expect(unknown.counts?.excluded.unknown_time_zone).toBe(1);
  });

  it('never dials a number kept without a country, and says why a contact with only such a number is left out', async () => {
    const [unverified, mixed] = await insertContacts(db(), [
      { fullName: 'Raw Only', timezone: 'Europe/London' },
      { fullName: 'Raw And Checked', mobilePhone: '+447700900123', timezone: 'Europe/London' },
    ]);
    await db().execute(sql`update contacts set direct_phone_raw = '020 7946 0958' where id in (${unverified}::uuid, ${mixed}::uuid)`);

    const result = await applyComplianceGuard(db(), ids([unverified!, mixed!]), { channel: 'phone', now: localInstant('Europe/London', '2026-01-15', '12:00') });

    expect(result.contacts).toEqual([expect.objectContaining({ contactId: mixed, phones: ['+447700900123'] })]);
    expect(result.counts?.excluded).toMatchObject({ phone_unverified: 1, no_phone: 0 });
  });

  it('drops suppressed numbers, keeps a contact with one number left, and honours phone opt-outs', async () => {
    const [both, oneLeft, optedOut, noPhone, emailOut] = await insertContacts(db(), [
      { fullName: 'Both Gone', directPhone: '+14155550100', mobilePhone: '+14155550101', timezone: 'America/Los_Angeles' },
      { fullName: 'One Left', directPhone: '+14155550102', mobilePhone: '+14155550103', timezone: 'America/Los_Angeles' },
      { fullName: 'Opted Out', directPhone: '+14155550104', timezone: 'America/Los_Angeles' },
      { fullName: 'No Phone', email: 'nophone@phones.example', timezone: 'America/Los_Angeles' },
      { fullName: 'Email Out', directPhone: '+14155550105', timezone: 'America/Los_Angeles' },
    ]);
    await suppress('phone', '+14155550100');
    await suppress('phone', '+14155550101');
    await suppress('phone', '+14155550102');
    await consent(optedOut!, 'phone', 'opted_out');
    await consent(emailOut!, 'email', 'opted_out');
    const result = await applyComplianceGuard(db(), ids([both, oneLeft, optedOut, noPhone, emailOut] as string[]), {
      channel: 'phone',
      now: localInstant('America/Los_Angeles', '2026-05-05', '10:00'),
    });
    expect(result.contacts.map((c) => [c.contactId, c.phones]).sort()).toEqual(
      [
        [oneLeft, ['+14155550103']],
        [emailOut, ['+14155550105']],
      ].sort(),
    );
    expect(result.counts?.excluded).toMatchObject({ suppressed_phone: 1, opted_out: 1, no_phone: 1 });
  });

  it('lets a later opt-in undo an opt-out, but not an older one recorded late', async () => {
    const [id] = await insertContacts(db(), [{ fullName: 'Changes Mind', directPhone: '+14155550106', timezone: 'America/Los_Angeles' }]);
    const now = localInstant('America/Los_Angeles', '2026-05-05', '10:00');
    await consent(id!, 'phone', 'opted_out', new Date('2026-05-01T00:00:00Z'));
    await consent(id!, 'phone', 'opted_in', new Date('2026-04-01T00:00:00Z'));
    expect((await applyComplianceGuard(db(), ids([id!]), { channel: 'phone', now })).contacts).toHaveLength(0);
    await consent(id!, 'phone', 'opted_in', new Date('2026-05-02T00:00:00Z'));
    expect((await applyComplianceGuard(db(), ids([id!]), { channel: 'phone', now })).contacts).toHaveLength(1);
  });
});

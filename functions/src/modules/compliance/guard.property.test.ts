// Property: over random contacts, suppressions, consent, time zones, instants and windows, the
// guard answers exactly what a plain in-memory evaluation of the rules answers — in particular
// it never returns a suppressed, opted-out or out-of-hours contact.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { ExclusionReason } from '@shared/contracts/compliance';
import { normalizeDomain } from '@shared/normalize';
import { createTestDeps } from '../../../test/support/test-deps';
import { recordConsentChange } from './consent-repo';
import { insertContacts, type ContactSeed } from './fixtures';
import { applyComplianceGuard, type CallingWindow } from './guard';
import { normalizeSuppressionValue } from './suppression-values';
import { insertSuppressions, type NewSuppression } from './suppressions-repo';
import { candidateZones, zoneMaps } from './time-zones';
import { fileContext } from '../../../test/support/file-context';
import { queryRows } from '../../db/rows';

const ctx = fileContext(createTestDeps);

const ZONES = [
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage',
  'Pacific/Honolulu', 'America/St_Johns', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Tokyo',
  'Australia/Sydney', 'Australia/Adelaide', 'Pacific/Auckland',
];
const PLACES: Array<{ country: string | null; state: string | null }> = [
  { country: 'US', state: 'TX' }, { country: 'US', state: 'California' }, { country: 'US', state: 'fl' }, { country: 'US', state: null },
  { country: 'CA', state: 'ON' }, { country: 'AU', state: 'NSW' }, { country: 'DE', state: null }, { country: 'IN', state: null },
  { country: 'GB', state: 'London' }, { country: null, state: null },
];
const PHONE_PREFIXES = ['+1212', '+1415', '+1416', '+1808', '+4420', '+4930', '+612', '+9122', '+813', '+800'];
const DOMAINS = ['acme.com', 'eu.acme.com', 'globex.co.uk', 'mail.globex.co.uk', 'acme.com.evil.io', 'initech.de', 'umbrella.com.au'];
const WINDOWS: CallingWindow[] = [{ start: '08:00', end: '21:00' }, { start: '09:30', end: '17:00' }, { start: '22:00', end: '02:00' }];
/** Instants near the 2026 DST changes of the US, Europe and Australia, and anywhere in the year. */
const DST_DAYS = ['2026-03-08T07:00:00Z', '2026-03-29T01:00:00Z', '2026-04-05T16:00:00Z', '2026-10-04T16:00:00Z', '2026-10-25T01:00:00Z', '2026-11-01T06:00:00Z'];

interface PersonSpec {
  hasEmail: boolean;
  domain: number;
  directPrefix: number | null;
  mobilePrefix: number | null;
  zone: number | null;
  badZone: boolean;
  place: number;
  template: 'opted-in' | 'opted-out' | 'unknown' | null;
  emailConsent: 'opted_in' | 'opted_out' | 'unknown' | null;
  phoneConsent: 'opted_in' | 'opted_out' | 'unknown' | null;
  suppressEmail: boolean;
  suppressDirect: boolean;
  suppressMobile: boolean;
  upperCase: boolean;
}

const consentArb = fc.constantFrom<'opted_in' | 'opted_out' | 'unknown' | null>(null, null, 'opted_in', 'opted_out', 'unknown');
const personArb: fc.Arbitrary<PersonSpec> = fc.record({
  hasEmail: fc.boolean(),
  domain: fc.nat(DOMAINS.length - 1),
  directPrefix: fc.option(fc.nat(PHONE_PREFIXES.length - 1)),
  mobilePrefix: fc.option(fc.nat(PHONE_PREFIXES.length - 1), { freq: 2 }),
  zone: fc.option(fc.nat(ZONES.length - 1)),
  badZone: fc.nat(9).map((n) => n === 0),
  place: fc.nat(PLACES.length - 1),
  template: fc.constantFrom<'opted-in' | 'opted-out' | 'unknown' | null>(null, null, 'opted-in', 'opted-out', 'unknown'),
  emailConsent: consentArb,
  phoneConsent: consentArb,
  suppressEmail: fc.boolean(),
  suppressDirect: fc.boolean(),
  suppressMobile: fc.boolean(),
  upperCase: fc.boolean(),
});

const shift = (time: string, minutes: number): string => {
  const [h, m] = time.split(':').map(Number);
  const total = (((h! * 60 + m! + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

/** An instant anywhere in the year, near a DST change, or exactly on (or a minute or second off) an edge of the window somewhere. */
const instantArb = (window: CallingWindow): fc.Arbitrary<Date> =>
  fc.oneof(
    fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-31T23:59:59Z'), noInvalidDate: true }),
    fc.tuple(fc.constantFrom(...DST_DAYS), fc.integer({ min: -36 * 60, max: 36 * 60 })).map(([day, minutes]) => new Date(Date.parse(day) + minutes * 60_000)),
    fc
      .tuple(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 1, max: 360 }),
        fc.constantFrom(shift(window.start, -1), window.start, shift(window.end, -1), window.end),
        fc.constantFrom(0, 59),
      )
      .map(([zone, day, time, second]) =>
        DateTime.fromISO(`2026-01-01T${time}:${String(second).padStart(2, '0')}`, { zone }).plus({ days: day - 1 }).toJSDate(),
      ),
  );

const worldArb = fc.constantFrom(...WINDOWS).chain((window) =>
  fc.record({
    people: fc.array(personArb, { minLength: 1, maxLength: 25 }),
    suppressDomains: fc.subarray([0, 2, 5, 6]),
    now: instantArb(window),
    window: fc.constant(window),
  }),
);

function msOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h! * 60 + m!) * 60_000;
}

function inWindow(now: Date, zone: string, window: CallingWindow): boolean {
  // Wall-clock time (not time elapsed since midnight, which differs on DST days).
  const local = DateTime.fromJSDate(now, { zone });
  const ms = ((local.hour * 60 + local.minute) * 60 + local.second) * 1000 + local.millisecond;
  const start = msOfDay(window.start);
  const end = msOfDay(window.end);
  return start < end ? ms >= start && ms < end : ms >= start || ms < end;
}

interface StateRule {
  region: string;
  weekday: number | null;
  start: string;
  end: string;
  closed: boolean;
}

/** A state's stricter hours (calling_hour_rules), read in each of the contact's zones by local weekday. */
function stateAllows(now: Date, zones: readonly string[], region: string | undefined, rules: readonly StateRule[]): boolean {
  if (!region) return true;
  return zones.every((zone) => {
    const weekday = DateTime.fromJSDate(now, { zone }).weekday % 7;
    return rules
      .filter((r) => r.region === region && (r.weekday === null || r.weekday === weekday))
      .every((r) => !r.closed && inWindow(now, zone, { start: r.start, end: r.end }));
  });
}

let run = 0;

describe('the compliance guard (property)', () => {
  it('answers what an in-memory evaluation of the rules answers, for both channels', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        run++;
        const db = ctx.deps.db;
        const rules = (
          await queryRows<{ country: string; region: string; weekday: number | null; start_time: string; end_time: string; closed: boolean }>(
            db,
            sql`select country, region, weekday, start_time, end_time, closed from calling_hour_rules`,
          )
        ).map((r): StateRule => ({ region: `${r.country}:${r.region}`, weekday: r.weekday, start: r.start_time, end: r.end_time, closed: r.closed }));
        await db.execute(sql`delete from contacts`);
        await db.execute(sql`delete from suppressions`);

        const seeds: ContactSeed[] = world.people.map((p, i) => {
          const place = PLACES[p.place]!;
          const phone = (prefix: number | null, n: number) =>
            prefix === null ? null : `${PHONE_PREFIXES[prefix]}${String(run * 1000 + i * 2 + n).padStart(7, '0')}`;
          return {
            fullName: `Person ${run}-${i}`,
            email: p.hasEmail ? `p${i}.r${run}@${DOMAINS[p.domain]}` : null,
            directPhone: phone(p.directPrefix, 0),
            mobilePhone: phone(p.mobilePrefix, 1),
            timezone: p.badZone ? 'Mars/Olympus_Mons' : p.zone === null ? null : ZONES[p.zone]!,
            country: place.country,
            state: place.state,
            consentStatus: p.template,
          };
        });
        const ids = await insertContacts(db, seeds);

        // Suppressions, written the way users type them (case, URLs) and normalized as the API does.
        const entries: NewSuppression[] = [];
        const add = (type: 'email' | 'domain' | 'phone', input: string) => {
          // Generated numbers are E.164 already (and not all are valid numbers of their country).
          if (type === 'phone') return void entries.push({ type, value: input, reason: 'dnc_registry', source: 'property', note: null });
          const n = normalizeSuppressionValue(type, input);
          if (!n.ok) throw new Error(`fixture value ${input} is invalid: ${n.reason}`);
          entries.push({ type: n.type, value: n.value, reason: 'manual', source: 'property', note: null });
        };
        world.people.forEach((p, i) => {
          const seed = seeds[i]!;
          if (p.suppressEmail && seed.email) add('email', p.upperCase ? seed.email.toUpperCase() : seed.email);
          if (p.suppressDirect && seed.directPhone) add('phone', seed.directPhone);
          if (p.suppressMobile && seed.mobilePhone) add('phone', seed.mobilePhone);
        });
        for (const d of world.suppressDomains) add('domain', `https://www.${DOMAINS[d]!.toUpperCase()}/`);
        await insertSuppressions(db, entries, { createdBy: null, at: new Date() });
        for (const [i, p] of world.people.entries()) {
          for (const [channel, status] of [['email', p.emailConsent], ['phone', p.phoneConsent]] as const) {
            if (status) {
              await recordConsentChange(db, { contactId: ids[i]!, channel, status, source: 'property', evidence: null, recordedAt: new Date(), recordedBy: null, at: new Date() });
            }
          }
        }

        const suppressed = new Set(entries.map((e) => `${e.type}:${e.value}`));
        const optedOut = (p: PersonSpec, channel: 'email' | 'phone') => {
          const recorded = channel === 'email' ? p.emailConsent : p.phoneConsent;
          return recorded ? recorded === 'opted_out' : p.template === 'opted-out';
        };
        const expected = (channel: 'email' | 'phone') =>
          world.people.map((p, i): ExclusionReason | null => {
            const seed = seeds[i]!;
            if (channel === 'email') {
              if (!seed.email) return 'no_email';
              if (suppressed.has(`email:${seed.email}`)) return 'suppressed_email';
              if (suppressed.has(`domain:${normalizeDomain(seed.email.split('@')[1])}`)) return 'suppressed_domain';
              return optedOut(p, 'email') ? 'opted_out' : null;
            }
            const phones = [seed.directPhone, seed.mobilePhone].filter((x): x is string => Boolean(x));
            if (!phones.length) return 'no_phone';
            if (phones.every((ph) => suppressed.has(`phone:${ph}`))) return 'suppressed_phone';
            if (optedOut(p, 'phone')) return 'opted_out';
            const zones = candidateZones({ timezone: seed.timezone, country: seed.country, state: seed.state, phones });
            if (!zones.length) return 'unknown_time_zone';
            const region = seed.country && seed.state ? zoneMaps().regionCodes.get(`${seed.country.toUpperCase()}:${seed.state.toLowerCase()}`) : undefined;
            const open = zones.every((z) => inWindow(world.now, z, world.window)) && stateAllows(world.now, zones, region, rules);
            return open ? null : 'outside_calling_window';
          });

        for (const channel of ['email', 'phone'] as const) {
          const result = await applyComplianceGuard(db, { kind: 'ids', ids }, { channel, now: world.now, callingWindow: world.window, limit: 10_000 });
          const want = expected(channel);
          const wantIds = ids.filter((_, i) => want[i] === null).sort();
          expect(result.contacts.map((c) => c.contactId), `${channel} at ${world.now.toISOString()}`).toEqual(wantIds);
          const counts: Record<string, number> = {};
          for (const reason of want) if (reason) counts[reason] = (counts[reason] ?? 0) + 1;
          for (const [reason, n] of Object.entries(result.counts!.excluded)) expect(n, reason).toBe(counts[reason] ?? 0);
          expect(result.counts!.contactable).toBe(wantIds.length);
          // Whatever comes back is never suppressed, opted out or out of hours.
          for (const c of result.contacts) {
            const i = ids.indexOf(c.contactId);
            expect(optedOut(world.people[i]!, channel)).toBe(false);
            for (const phone of c.phones) expect(suppressed.has(`phone:${phone}`)).toBe(false);
            for (const zone of c.timeZones) expect(inWindow(world.now, zone, world.window)).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
    // Sixty worlds, each written to the database and guarded twice: give a loaded CI machine time.
  }, 180_000);
});

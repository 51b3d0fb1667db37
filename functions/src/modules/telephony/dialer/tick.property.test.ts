// Property: over random contacts (numbers, places and time zones, do-not-call entries, consent
// withdrawn, accounts over their connected-calls cap, deleted), agents and instants (anywhere in
// the year, around DST changes, on the edges of the window), two dialer ticks racing round after
// round until the queue has nothing due dial exactly the contacts a plain in-memory reading of the
// rules allows — never a suppressed, out-of-window, over-cap or consent-revoked one — each once,
// on a number not on the do-not-call list, and never give one contact or one agent two calls.
// With DATABASE_URL set the ticks race on the Postgres server (SKIP LOCKED, conditional agent
// reservations); without it, on PGlite.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { fileContext } from '../../../../test/support/file-context';
import { queryRows } from '../../../db/rows';
import { candidateZones, insertContacts, insertSuppressions, recordConsentChange, type NewSuppression } from '../../compliance/testing';
import { setPresence } from '../presence';
import { dialerTick } from './tick';
import { enqueue, seedCampaign, startDialerWorld } from './test-fixtures';

const w = fileContext(startDialerWorld);

const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Pacific/Honolulu', 'Europe/London', 'Asia/Tokyo', 'Australia/Sydney'];
const PLACES: Array<{ country: string | null; state: string | null }> = [
  { country: 'US', state: 'NY' },
  { country: 'US', state: 'FL' },
  { country: 'US', state: 'Texas' },
  { country: 'US', state: 'LA' },
  { country: 'US', state: 'CA' },
  { country: 'US', state: null },
  { country: 'GB', state: null },
  { country: null, state: null },
];
const PREFIXES = ['+1212', '+1305', '+1512', '+1415', '+1808', '+4420', '+813'];
const DST_DAYS = ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2026-03-29T01:00:00Z', '2026-04-05T16:00:00Z'];
const FEDERAL = { start: '08:00', end: '21:00' };

interface Person {
  zone: number | null;
  place: number;
  direct: number | null;
  mobile: number | null;
  suppressDirect: boolean;
  suppressMobile: boolean;
  consent: 'opted_in' | 'opted_out' | null;
  template: 'opted-out' | null;
  account: number | null;
  deleted: boolean;
}

const personArb: fc.Arbitrary<Person> = fc.record({
  zone: fc.option(fc.nat(ZONES.length - 1), { freq: 2 }),
  place: fc.nat(PLACES.length - 1),
  direct: fc.option(fc.nat(PREFIXES.length - 1), { freq: 6 }),
  mobile: fc.option(fc.nat(PREFIXES.length - 1), { freq: 2 }),
  suppressDirect: fc.nat(4).map((n) => n === 0),
  suppressMobile: fc.nat(4).map((n) => n === 0),
  consent: fc.constantFrom<'opted_in' | 'opted_out' | null>(null, null, 'opted_in', 'opted_out'),
  template: fc.constantFrom<'opted-out' | null>(null, null, null, 'opted-out'),
  account: fc.option(fc.nat(2), { freq: 2 }),
  deleted: fc.nat(14).map((n) => n === 0),
});

const instantArb: fc.Arbitrary<Date> = fc.oneof(
  // North American business hours (most contacts open, the ticks have work to race over).
  fc.tuple(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 14 * 3600, max: 22 * 3600 })).map(([day, s]) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000 + s * 1000)),
  fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-31T23:59:59Z'), noInvalidDate: true }),
  fc.tuple(fc.constantFrom(...DST_DAYS), fc.integer({ min: -30 * 60, max: 30 * 60 })).map(([day, minutes]) => new Date(Date.parse(day) + minutes * 60_000)),
  fc
    .tuple(fc.constantFrom(...ZONES.slice(0, 5)), fc.integer({ min: 1, max: 360 }), fc.constantFrom('07:59:59', '08:00:00', '19:59:59', '20:00:00', '20:59:59', '21:00:00', '11:59:59', '12:00:00'))
    .map(([zone, day, time]) => DateTime.fromISO(`2026-01-01T${time}`, { zone }).plus({ days: day - 1 }).toJSDate()),
);

const worldArb = fc.record({
  people: fc.array(personArb, { minLength: 1, maxLength: 30 }),
  agents: fc.integer({ min: 1, max: 6 }),
  /** Connected calls at each account in the last day, and the campaign's cap (null: none). */
  connected: fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2)),
  cap: fc.option(fc.integer({ min: 1, max: 2 })),
  at: instantArb,
});

function inWindow(now: Date, zone: string, window: { start: string; end: string }): boolean {
  const local = DateTime.fromJSDate(now, { zone });
  const hhmmss = local.toFormat('HH:mm:ss');
  return hhmmss >= `${window.start}:00` && hhmmss < `${window.end}:00`;
}

interface StateRule {
  region: string;
  weekday: number | null;
  start: string;
  end: string;
  closed: boolean;
}

/** US state codes the places use (the guard also reads names such as "Texas"). */
const STATE_CODES: Record<string, string> = { NY: 'NY', FL: 'FL', TEXAS: 'TX', LA: 'LA', CA: 'CA' };

let run = 0;

describe('the dialer (property)', () => {
  it('dials exactly the contacts the rules allow, each once, on a number not on the do-not-call list, however two ticks race', async () => {
    const rules = (
      await queryRows<{ country: string; region: string; weekday: number | null; start_time: string; end_time: string; closed: boolean }>(
        w.deps.db,
        sql`select country, region, weekday, start_time, end_time, closed from calling_hour_rules`,
      )
    ).map((r): StateRule => ({ region: `${r.country}:${r.region}`, weekday: r.weekday, start: r.start_time, end: r.end_time, closed: r.closed }));

    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        run++;
        const db = w.deps.db;
        for (const table of ['calls', 'dialer_queues', 'call_campaigns', 'sip_trunks', 'gate_proofs', 'contact_holds', 'touches', 'contacts', 'accounts', 'suppressions']) {
          await db.execute(sql.raw(`delete from ${table}`));
        }
        w.clock.now = world.at;
        w.telnyx.dials.length = 0;

        const accountIds = (
          await queryRows<{ id: string }>(db, sql`insert into accounts (name) select 'Account ' || ${run} || '-' || n from generate_series(1, 3) n returning id`)
        ).map((r) => r.id);
        const number = (prefix: number | null, i: number, leg: number) =>
          prefix === null ? null : `${PREFIXES[prefix]}${String((run * 100 + i) * 2 + leg).padStart(7, '0').slice(-7)}`;
        const seeds = world.people.map((p, i) => ({
          fullName: `Person ${run}-${i}`,
          directPhone: number(p.direct, i, 0),
          mobilePhone: number(p.mobile, i, 1),
          timezone: p.zone === null ? null : ZONES[p.zone]!,
          country: PLACES[p.place]!.country,
          state: PLACES[p.place]!.state,
          consentStatus: p.template,
          deleted: p.deleted,
        }));
        const ids = await insertContacts(db, seeds);
        const accountOf = world.people.map((p) => (p.account === null ? null : accountIds[p.account]!));
        await db.execute(sql`update contacts c set account_id = a.account_id
          from unnest(${sql.param(ids)}::uuid[], ${sql.param(accountOf)}::uuid[]) as a(id, account_id) where c.id = a.id`);

        const suppressed = new Set<string>();
        const entries: NewSuppression[] = [];
        world.people.forEach((p, i) => {
          for (const [flag, value] of [[p.suppressDirect, seeds[i]!.directPhone], [p.suppressMobile, seeds[i]!.mobilePhone]] as const) {
            if (flag && value && !suppressed.has(value)) {
              suppressed.add(value);
              entries.push({ type: 'phone', value, reason: 'dnc_registry', source: 'property', note: null });
            }
          }
        });
        await insertSuppressions(db, entries, { createdBy: null, at: world.at });
        for (const [i, p] of world.people.entries()) {
          if (p.consent) await recordConsentChange(db, { contactId: ids[i]!, channel: 'phone', status: p.consent, source: 'property', evidence: null, recordedAt: world.at, recordedBy: null, at: world.at });
        }
        for (const [a, n] of world.connected.entries()) {
          for (let k = 0; k < n; k++) {
            await db.execute(sql`insert into touches (source_event_id, channel, kind, contact_id, account_id, occurred_at)
              select ${`r${run}-a${a}-${k}`}, 'call', 'connected', c.id, ${accountIds[a]!}::uuid, ${world.at.toISOString()}::timestamptz - interval '2 hours'
              from contacts c where c.id = any(${sql.param(ids)}::uuid[]) limit 1`);
          }
        }
        const campaignRules = world.cap === null ? null : { limits: [], quietPeriods: [], accountCaps: [{ mode: 'connected', max: world.cap, windowHours: 24 }] };
        const { campaignId, agentIds } = await seedCampaign(w.deps, { agents: world.agents, rules: campaignRules, settings: { maxConcurrentCalls: 500 } });
        // As a fill long ago left them: every contact with a number is queued, on its first number.
        const queued = ids
          .map((contactId, i) => ({ contactId, phone: seeds[i]!.directPhone ?? seeds[i]!.mobilePhone, accountId: accountOf[i] }))
          .filter((q): q is { contactId: string; phone: string; accountId: string | null } => q.phone !== null);
        await enqueue(w.deps, campaignId, queued);

        // What the rules allow, read plainly.
        const allowed = new Set<string>();
        world.people.forEach((p, i) => {
          const seed = seeds[i]!;
          if (p.deleted || !queued.some((q) => q.contactId === ids[i])) return;
          const phones = [seed.directPhone, seed.mobilePhone].filter((x): x is string => x !== null && !suppressed.has(x));
          if (!phones.length) return;
          if (p.consent ? p.consent === 'opted_out' : p.template === 'opted-out') return;
          const zones = candidateZones({ timezone: seed.timezone, country: seed.country, state: seed.state, phones: [seed.directPhone, seed.mobilePhone] });
          if (!zones.length || !zones.every((z) => inWindow(world.at, z, FEDERAL))) return;
          const region = seed.country === 'US' && seed.state ? STATE_CODES[seed.state.toUpperCase()] : undefined;
          if (region) {
            const shut = zones.some((zone) => {
              const weekday = DateTime.fromJSDate(world.at, { zone }).weekday % 7;
              return rules.some((r) => r.region === `US:${region}` && (r.weekday === null || r.weekday === weekday) && (r.closed || !inWindow(world.at, zone, r)));
            });
            if (shut) return;
          }
          if (world.cap !== null && p.account !== null && world.connected[p.account]! >= world.cap) return;
          allowed.add(ids[i]!);
        });

        // Two ticks at once, round after round (agents freed between rounds), until nothing is claimed.
        for (let round = 0; round < world.people.length + 3; round++) {
          const results = await Promise.all([dialerTick(w.deps), dialerTick(w.deps)]);
          const live = await queryRows<{ contact_id: string; n: number }>(
            db,
            sql`select contact_id, count(*)::int as n from calls where state <> 'ended' group by contact_id having count(*) > 1`,
          );
          expect(live, 'a contact with two calls at once').toEqual([]);
          const perAgent = await queryRows<{ agent_id: string }>(
            db,
            sql`select agent_id from calls where state <> 'ended' and agent_id is not null group by agent_id having count(*) > 1`,
          );
          expect(perAgent, 'an agent with two calls at once').toEqual([]);
          if (results.every((r) => r.queues.every((q) => q.claimed === 0))) break;
          // The calls end (the webhook side's work) and the agents are free again.
          await db.execute(sql`update calls set state = 'ended', ended_at = ${world.at.toISOString()}::timestamptz where state <> 'ended'`);
          for (const agent of agentIds) await setPresence(w.deps, agent, 'available', { callId: null });
        }

        const dialled = w.telnyx.dials.map((d) => d.clientState!.callId);
        const calls = await queryRows<{ id: string; contact_id: string; to_number: string }>(db, sql`select id, contact_id, to_number from calls where call_control_id is not null`);
        expect(calls.map((c) => c.id).sort()).toEqual([...dialled].sort());
        const contactsDialled = calls.map((c) => c.contact_id);
        expect(new Set(contactsDialled).size, 'a contact dialled twice').toBe(contactsDialled.length);
        expect(new Set(contactsDialled), `at ${world.at.toISOString()}`).toEqual(allowed);
        for (const call of calls) expect(suppressed.has(call.to_number)).toBe(false);
        // Nothing is left leased without a placed call.
        const stranded = await queryRows(db, sql`select i.contact_id from dialer_queue_items i left join calls c on c.id = i.call_id
          where i.status = 'dialing' and c.call_control_id is null`);
        expect(stranded).toEqual([]);
        for (const agent of agentIds) await setPresence(w.deps, agent, 'offline', { callId: null });
      }),
      { numRuns: Number(process.env.DIALER_PROPERTY_RUNS ?? 40) },
    );
    // Forty worlds of up to thirty contacts, each dialled by racing ticks round after round.
  }, 600_000);
});

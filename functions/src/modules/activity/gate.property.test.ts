// Property: over random contacts, accounts, touches, holds, suppressions, consent, time zones,
// policy versions and instants, the gate admits exactly what an in-memory evaluator of the same
// rules admits, and gives each left-out contact the same reason; the proof it writes says so.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  ATTEMPT_KINDS,
  OUTCOME_CLASSES,
  TOUCH_KINDS,
  type GateChannel,
  type OutcomeClass,
  type PolicyRules,
  type TouchKind,
} from '@shared/contracts/activity';
import { createTestDeps } from '../../../test/support/test-deps';
import { queryRows } from '../../db/rows';
import { candidateZones, insertContacts, insertSuppressions, recordConsentChange, type NewSuppression } from '../compliance/testing';
import { admitAudience, GATE_REASONS } from './gate';
import { savePolicy } from './policy';
import { recordTouches } from './touches';
import { fileContext } from '../../../test/support/file-context';

const ctx = fileContext(createTestDeps);

const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney'];
const DISPOSITIONS = ['not_interested', 'callback', 'wrong_number'];
const HOURS = [1, 24, 72, 168, 720];
const BASE = Date.parse('2026-06-15T12:00:00Z');

interface Person {
  email: boolean;
  phone: boolean;
  zone: number | null;
  account: number | null;
  template: 'opted-out' | null;
  emailConsent: 'opted_in' | 'opted_out' | null;
  phoneConsent: 'opted_in' | 'opted_out' | null;
  suppressEmail: boolean;
  suppressPhone: boolean;
  held: boolean;
}
interface TouchSpec {
  person: number;
  channel: 'email' | 'call' | 'other';
  kind: TouchKind;
  outcome: OutcomeClass | null;
  disposition: string | null;
  /** Hours before the gate's instant (negative: after it). */
  hoursAgo: number;
}

const personArb: fc.Arbitrary<Person> = fc.record({
  email: fc.boolean(),
  phone: fc.boolean(),
  zone: fc.option(fc.nat(ZONES.length - 1), { freq: 6 }),
  account: fc.option(fc.nat(2), { freq: 6 }),
  template: fc.constantFrom<'opted-out' | null>(null, null, null, 'opted-out'),
  emailConsent: fc.constantFrom<'opted_in' | 'opted_out' | null>(null, null, 'opted_in', 'opted_out'),
  phoneConsent: fc.constantFrom<'opted_in' | 'opted_out' | null>(null, null, 'opted_in', 'opted_out'),
  suppressEmail: fc.nat(5).map((n) => n === 0),
  suppressPhone: fc.nat(5).map((n) => n === 0),
  held: fc.nat(4).map((n) => n === 0),
});
const touchArb = (people: number): fc.Arbitrary<TouchSpec> =>
  fc.record({
    person: fc.nat(people - 1),
    channel: fc.constantFrom<'email' | 'call' | 'other'>('email', 'call', 'other'),
    kind: fc.constantFrom<TouchKind>(...TOUCH_KINDS, 'sent', 'attempted', 'connected'),
    outcome: fc.option(fc.constantFrom(...OUTCOME_CLASSES)),
    disposition: fc.option(fc.constantFrom(...DISPOSITIONS)),
    // Mostly inside the windows, some exactly on an edge, a few in the future.
    hoursAgo: fc.oneof(fc.integer({ min: -5, max: 800 }), fc.constantFrom(...HOURS), fc.constantFrom(0, 24, 168)),
  });
const rulesArb: fc.Arbitrary<PolicyRules> = fc.record({
  limits: fc.array(
    fc.record({ channel: fc.constantFrom('email', 'call', 'any' as const), max: fc.nat(4), windowHours: fc.constantFrom(...HOURS) }),
    { maxLength: 3 },
  ),
  quietPeriods: fc.array(
    fc
      .record({
        channel: fc.constantFrom('email', 'call', 'any' as const),
        outcome: fc.option(fc.constantFrom(...OUTCOME_CLASSES)),
        disposition: fc.option(fc.constantFrom(...DISPOSITIONS)),
        hours: fc.constantFrom(...HOURS),
      })
      .filter((q) => q.outcome !== null || q.disposition !== null),
    { maxLength: 2 },
  ),
  accountCaps: fc.array(
    fc.record({ mode: fc.constantFrom('queue', 'connected', 'positive' as const), max: fc.nat(3), windowHours: fc.constantFrom(...HOURS) }),
    { maxLength: 2 },
  ),
});
const worldArb = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.record({
    people: fc.array(personArb, { minLength: n, maxLength: n }),
    touches: fc.array(touchArb(n), { maxLength: 40 }),
    // Two policy versions: the gate must apply the one in force (the later).
    rules: fc.tuple(rulesArb, rulesArb),
    at: fc.integer({ min: 0, max: 48 * 60 }).map((minutes) => new Date(BASE + minutes * 60_000)),
    channel: fc.constantFrom<GateChannel>('email', 'phone'),
  }),
);

function inWindow(at: Date, zone: string): boolean {
  const local = DateTime.fromJSDate(at, { zone });
  const minutes = local.hour * 60 + local.minute;
  return minutes >= 8 * 60 && minutes < 21 * 60;
}

/** The rules of the gate, written plainly. */
function expectedReason(
  world: { people: Person[]; touches: TouchSpec[]; at: Date; channel: GateChannel },
  rules: PolicyRules,
  i: number,
  seeds: Array<{ email: string | null; phone: string | null; zone: string | null; account: string | null; id: string }>,
  heldElsewhere: Map<string, number>,
  admittedSoFar: Map<string, number>,
): string | null {
  const p = world.people[i]!;
  const seed = seeds[i]!;
  const optedOut = (channel: 'email' | 'phone') => {
    const recorded = channel === 'email' ? p.emailConsent : p.phoneConsent;
    return recorded ? recorded === 'opted_out' : p.template === 'opted-out';
  };
  if (world.channel === 'email') {
    if (!seed.email) return 'no_email';
    if (p.suppressEmail) return 'suppressed_email';
    if (optedOut('email')) return 'opted_out';
  } else {
    if (!seed.phone) return 'no_phone';
    if (p.suppressPhone) return 'suppressed_phone';
    if (optedOut('phone')) return 'opted_out';
    const zones = candidateZones({ timezone: seed.zone, country: null, state: null, phones: [seed.phone] });
    if (!zones.length) return 'unknown_time_zone';
    if (!zones.every((z) => inWindow(world.at, z))) return 'outside_calling_window';
  }
  const at = world.at.getTime();
  const within = (t: TouchSpec, hours: number) => {
    const when = at - t.hoursAgo * 3_600_000;
    return when > at - hours * 3_600_000 && when <= at;
  };
  const tc = world.channel === 'email' ? 'email' : 'call';
  const mine = world.touches.filter((t) => t.person === i);
  for (const l of rules.limits) {
    if (l.channel !== 'any' && l.channel !== tc) continue;
    const n = mine.filter((t) => (ATTEMPT_KINDS as readonly string[]).includes(t.kind) && (l.channel === 'any' || t.channel === l.channel) && within(t, l.windowHours)).length;
    if (n >= l.max) return 'contact_frequency';
  }
  for (const q of rules.quietPeriods) {
    if (q.channel !== 'any' && q.channel !== tc) continue;
    if (mine.some((t) => within(t, q.hours) && (q.outcome === null || t.outcome === q.outcome) && (q.disposition === null || t.disposition === q.disposition))) {
      return 'quiet_period';
    }
  }
  if (seed.account) {
    const ofAccount = world.touches.filter((t) => seeds[t.person]!.account === seed.account);
    for (const c of rules.accountCaps) {
      if (c.mode === 'queue') continue;
      const n = ofAccount.filter((t) => (c.mode === 'connected' ? t.kind === 'connected' : t.outcome === 'positive') && within(t, c.windowHours)).length;
      if (n >= c.max) return 'account_cap';
    }
    const queue = rules.accountCaps.filter((c) => c.mode === 'queue');
    if (queue.length) {
      const room = Math.max(Math.min(...queue.map((c) => c.max)) - (heldElsewhere.get(seed.account) ?? 0), 0);
      const taken = admittedSoFar.get(seed.account) ?? 0;
      if (taken >= room) return 'account_cap';
      admittedSoFar.set(seed.account, taken + 1);
    }
  }
  return null;
}

let run = 0;

describe('the contact gate (property)', () => {
  it('admits what an in-memory evaluation of the guard and the policy admits, with the same reasons, and proves it', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        run++;
        const db = ctx.deps.db;
        for (const table of ['gate_proofs', 'contact_holds', 'touches', 'contacts', 'accounts', 'suppressions', 'contact_policy_versions']) {
          await db.execute(sql.raw(`delete from ${table}`));
        }
        const accountIds = [randomUUID(), randomUUID(), randomUUID()];
        await db.execute(
          sql`insert into accounts (id, name, domain) select a.id, 'Account ' || a.id, null from unnest(${sql.param(accountIds)}::uuid[]) as a(id)`,
        );
        const raw = world.people.map((p, i) => ({
          email: p.email ? `p${i}.r${run}@example${i % 3}.com` : null,
          phone: p.phone ? `+1212555${String((run * 20 + i) % 10_000).padStart(4, '0')}` : null,
          zone: p.zone === null ? null : ZONES[p.zone]!,
          account: p.account === null ? null : accountIds[p.account]!,
        }));
        const ids = await insertContacts(
          db,
          world.people.map((p, i) => ({
            fullName: `Person ${run}-${i}`,
            email: raw[i]!.email,
            directPhone: raw[i]!.phone,
            timezone: raw[i]!.zone,
            consentStatus: p.template,
          })),
        );
        const seeds = raw.map((r, i) => ({ ...r, id: ids[i]! }));
        for (const s of seeds) if (s.account) await db.execute(sql`update contacts set account_id = ${s.account}::uuid where id = ${s.id}::uuid`);

        const entries: NewSuppression[] = [];
        world.people.forEach((p, i) => {
          if (p.suppressEmail && seeds[i]!.email) entries.push({ type: 'email', value: seeds[i]!.email!, reason: 'manual', source: 'property', note: null });
          if (p.suppressPhone && seeds[i]!.phone) entries.push({ type: 'phone', value: seeds[i]!.phone!, reason: 'dnc_registry', source: 'property', note: null });
        });
        await insertSuppressions(db, entries, { createdBy: null, at: new Date() });
        for (const [i, p] of world.people.entries()) {
          for (const [channel, status] of [['email', p.emailConsent], ['phone', p.phoneConsent]] as const) {
            if (status) await recordConsentChange(db, { contactId: ids[i]!, channel, status, source: 'property', evidence: null, recordedAt: new Date(), recordedBy: null, at: new Date() });
          }
        }
        await recordTouches(
          db,
          world.touches.map((t, n) => ({
            sourceEventId: `r${run}-t${n}`,
            channel: t.channel,
            kind: t.kind,
            contactId: ids[t.person]!,
            outcome: t.outcome,
            disposition: t.disposition,
            occurredAt: new Date(world.at.getTime() - t.hoursAgo * 3_600_000).toISOString(),
          })),
        );
        // Holds by another campaign, still running at the gate's instant.
        const heldElsewhere = new Map<string, number>();
        for (const [i, p] of world.people.entries()) {
          const account = seeds[i]!.account;
          if (!p.held || !account) continue;
          await db.execute(
            sql`insert into contact_holds (contact_id, holder, account_id, held_until) values (${ids[i]!}::uuid, 'other-campaign', ${account}::uuid, ${new Date(world.at.getTime() + 3_600_000).toISOString()}::timestamptz)`,
          );
          heldElsewhere.set(account, (heldElsewhere.get(account) ?? 0) + 1);
        }
        await savePolicy(db, { update: { rules: world.rules[0], basedOn: 0 }, actorId: null, at: new Date() });
        await savePolicy(db, { update: { rules: world.rules[1], basedOn: 1 }, actorId: null, at: new Date() });

        const result = await admitAudience(db, { kind: 'ids', ids }, {
          channel: world.channel,
          at: world.at,
          selection: { kind: 'ids' },
          actorId: null,
          retainDays: 30,
          hold: { holder: 'this-campaign', until: new Date(world.at.getTime() + 3_600_000) },
        });

        // Queue places go to an account's passing contacts in id order: evaluate in that order.
        const order = ids.map((id, i) => ({ id, i })).sort((a, b) => (a.id < b.id ? -1 : 1));
        const admittedSoFar = new Map<string, number>();
        const want = new Map<string, string | null>();
        for (const { id, i } of order) want.set(id, expectedReason(world, world.rules[1], i, seeds, heldElsewhere, admittedSoFar));

        const label = `${world.channel} at ${world.at.toISOString()}`;
        const wantAdmitted = [...want].filter(([, r]) => r === null).map(([id]) => id).sort();
        expect(result.policyVersion).toBe(2);
        expect(result.admitted.map((c) => c.contactId), label).toEqual(wantAdmitted);
        const proof = await queryRows<{ contact_id: string; reason: string }>(
          db,
          sql`select contact_id, reason from gate_proof_exclusions where proof_id = ${result.proofId}::uuid`,
        );
        const gotReasons = new Map(proof.map((r) => [r.contact_id, r.reason]));
        for (const [id, reason] of want) expect(gotReasons.get(id) ?? null, `${label}: contact ${ids.indexOf(id)}`).toBe(reason);
        const counts: Record<string, number> = Object.fromEntries(GATE_REASONS.map((r) => [r, 0]));
        for (const reason of want.values()) if (reason) counts[reason]!++;
        expect(result.counts.excluded).toEqual(counts);
        expect(result.counts.admitted).toBe(wantAdmitted.length);
        const held = await queryRows<{ contact_id: string }>(db, sql`select contact_id from contact_holds where holder = 'this-campaign' order by contact_id`);
        expect(held.map((h) => h.contact_id)).toEqual(wantAdmitted);
      }),
      { numRuns: 50 },
    );
  }, 240_000);
});

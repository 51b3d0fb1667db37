// The pacing controller: its rules one by one, then a simulation over random campaigns (agents,
// configured ratio, answer rates that drift day by day, talk times) in which the abandonment rate
// over every rolling 30-day window stays at or under 3 % at every tick.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABANDON_LIMIT, dialerSettingsSchema, type DialerSettings } from '@shared/contracts/telephony';
import { linesToDial, nextPacing, overdialBudget, type AbandonWindow, type PacingState } from './pacing';

const power = (dialRatio: number, pacing: DialerSettings['pacing'] = 'adaptive') => dialerSettingsSchema.parse({ mode: 'power', dialRatio, pacing });
const active = (currentRatio: number): PacingState => ({ status: 'active', currentRatio, pausedReason: null });

describe('the pacing controller', () => {
  it('steps the ratio down toward 1 at 2 % abandonment and pauses at 2.8 % with the reason', () => {
    expect(nextPacing(power(3), active(3), { answered: 1000, abandoned: 19 })).toEqual(active(3));
    expect(nextPacing(power(3), active(3), { answered: 1000, abandoned: 20 })).toEqual(active(2.75));
    expect(nextPacing(power(3), active(1.1), { answered: 1000, abandoned: 25 })).toEqual(active(1));
    const paused = nextPacing(power(3), active(2), { answered: 1000, abandoned: 28 });
    expect(paused).toMatchObject({ status: 'paused', currentRatio: 1 });
    expect(paused.pausedReason).toBe('Abandoned calls reached 2.80 % of 1000 answered over 30 days (pause at 2.80 %).');
  });

  it('climbs back slowly while abandonment is low (adaptive), never above the configured ratio, and never raises a lowered ratio in between', () => {
    expect(nextPacing(power(2), active(1.5), { answered: 1000, abandoned: 5 })).toEqual(active(1.55));
    expect(nextPacing(power(2), active(1.98), { answered: 1000, abandoned: 0 })).toEqual(active(2));
    expect(nextPacing(power(2), active(1.5), { answered: 1000, abandoned: 15 })).toEqual(active(1.5));
    expect(nextPacing(power(2, 'fixed'), active(1.5), { answered: 1000, abandoned: 5 })).toEqual(active(2));
    // A lower configured ratio applies at once; progressive mode is one line per agent.
    expect(nextPacing(power(1.5), active(3), { answered: 0, abandoned: 0 })).toEqual(active(1.5));
    expect(nextPacing(dialerSettingsSchema.parse({ mode: 'progressive', dialRatio: 3 }), active(3), { answered: 0, abandoned: 0 })).toEqual(active(1));
  });

  it('allows lines beyond the agents only as far as the window can absorb their abandonment', () => {
    expect(overdialBudget({ answered: 0, abandoned: 0 })).toBe(0);
    expect(overdialBudget({ answered: 100, abandoned: 0 })).toBe(2);
    expect(overdialBudget({ answered: 1000, abandoned: 27 })).toBe(1);
    expect(overdialBudget({ answered: 1000, abandoned: 28 })).toBe(0);
    const base = { mode: 'power' as const, ratio: 3, freeAgents: 10, unassignedInFlight: 0, inFlight: 0, maxConcurrentCalls: 100 };
    expect(linesToDial({ ...base, window: { answered: 10_000, abandoned: 0 } })).toBe(30);
    expect(linesToDial({ ...base, window: { answered: 100, abandoned: 0 } })).toBe(12);
    expect(linesToDial({ ...base, unassignedInFlight: 2, window: { answered: 100, abandoned: 0 } })).toBe(10);
    expect(linesToDial({ ...base, inFlight: 95, window: { answered: 10_000, abandoned: 0 } })).toBe(5);
    expect(linesToDial({ ...base, mode: 'progressive', window: { answered: 10_000, abandoned: 0 } })).toBe(10);
    expect(linesToDial({ ...base, mode: 'preview', window: { answered: 10_000, abandoned: 0 } })).toBe(0);
  });
});

/** One simulated campaign: ticks of a minute, 8 hours a day, calls resolved within their tick. */
interface Campaign {
  agents: number;
  dialRatio: number;
  pacing: DialerSettings['pacing'];
  /** Share of lines a person answers, on day 0, and its daily drift. */
  answerRate: number;
  drift: number;
  /** Minutes an agent talks after a bridged call. */
  talkMinutes: number;
  days: number;
}

const campaignArb: fc.Arbitrary<Campaign> = fc.record({
  agents: fc.integer({ min: 1, max: 40 }),
  dialRatio: fc.double({ min: 1, max: 5, noNaN: true }),
  pacing: fc.constantFrom<DialerSettings['pacing']>('adaptive', 'fixed'),
  answerRate: fc.double({ min: 0.02, max: 0.95, noNaN: true }),
  drift: fc.double({ min: 0, max: 0.2, noNaN: true }),
  talkMinutes: fc.integer({ min: 1, max: 12 }),
  days: fc.integer({ min: 5, max: 75 }),
});

/** A small deterministic generator per run, so a failure replays exactly from fast-check's seed. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
}

const MINUTES_PER_DAY = 8 * 60;
const WINDOW_DAYS = 30;

function simulate(c: Campaign, seed: number): { worst: number; answered: number; abandoned: number; ratioOutOfRange: boolean } {
  const rnd = random(seed);
  const settings = power(c.dialRatio, c.pacing);
  let state: PacingState = active(c.dialRatio);
  const days: AbandonWindow[] = [];
  const busyUntil: number[] = Array.from({ length: c.agents }, () => 0);
  let rate = c.answerRate;
  let worst = 0;
  let totals = { answered: 0, abandoned: 0 };
  let ratioOutOfRange = false;
  const windowNow = (): AbandonWindow =>
    days.slice(-WINDOW_DAYS).reduce((w, d) => ({ answered: w.answered + d.answered, abandoned: w.abandoned + d.abandoned }), { answered: 0, abandoned: 0 });

  for (let day = 0; day < c.days; day++) {
    days.push({ answered: 0, abandoned: 0 });
    const today = days[days.length - 1]!;
    rate = Math.min(0.98, Math.max(0.01, rate + (rnd() * 2 - 1) * c.drift));
    for (let minute = 0; minute < MINUTES_PER_DAY; minute++) {
      const t = day * MINUTES_PER_DAY + minute;
      const window = windowNow();
      state = nextPacing(settings, state, window);
      if (state.currentRatio < 1 || state.currentRatio > c.dialRatio + 1e-9) ratioOutOfRange = true;
      if (state.status === 'paused') continue;
      const free = busyUntil.map((until, i) => (until <= t ? i : -1)).filter((i) => i >= 0);
      const lines = linesToDial({ mode: 'power', ratio: state.currentRatio, freeAgents: free.length, unassignedInFlight: 0, inFlight: 0, maxConcurrentCalls: 500, window });
      let people = 0;
      for (let l = 0; l < lines; l++) if (rnd() < rate) people++;
      const bridged = Math.min(people, free.length);
      for (let k = 0; k < bridged; k++) busyUntil[free[k]!] = t + c.talkMinutes;
      today.answered += people;
      today.abandoned += people - bridged;
      totals = { answered: totals.answered + people, abandoned: totals.abandoned + people - bridged };
      const after = windowNow();
      if (after.answered) worst = Math.max(worst, after.abandoned / after.answered);
    }
  }
  return { worst, ...totals, ratioOutOfRange };
}

describe('the pacing controller (simulation)', () => {
  it('keeps abandonment over every rolling 30 days at or under 3 % of calls answered by a person, whatever the answer rate does', () => {
    fc.assert(
      fc.property(campaignArb, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (campaign, seed) => {
        const result = simulate(campaign, seed);
        expect(result.worst, JSON.stringify({ campaign, result })).toBeLessThanOrEqual(ABANDON_LIMIT);
        expect(result.ratioOutOfRange).toBe(false);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('still dials beyond the agents when answers are rare (the point of power mode)', () => {
    const result = simulate({ agents: 10, dialRatio: 3, pacing: 'adaptive', answerRate: 0.1, drift: 0, talkMinutes: 3, days: 10 }, 42);
    // Ten agents with one line each would reach about 10 × 0.1 people a minute; power mode reaches more.
    expect(result.answered / (10 * MINUTES_PER_DAY)).toBeGreaterThan(1.5);
    expect(result.worst).toBeLessThanOrEqual(ABANDON_LIMIT);
  });
});

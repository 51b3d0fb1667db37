// The pacing and abandonment controller, as plain functions (the tick applies them; the simulation
// test drives them over random answer rates). Abandonment is counted per campaign over the rolling
// 30 days: calls answered by a person (AMD said human, or AMD was off) and not bridged to an agent
// within 2 s. At 2 % the dial ratio in force steps down toward 1; at 2.8 % the queue pauses. Lines
// beyond the free agents are also capped by what the window can absorb: even if every extra line
// were answered and abandoned, the rate would stay at or under the pause threshold.
import { ABANDON_LOWER_AT, ABANDON_PAUSE_AT, type DialerSettings } from '@shared/contracts/telephony';

export const ABANDON_WINDOW_DAYS = 30;
/** How far the ratio in force steps down per tick while abandonment is at or over 2 %. */
export const RATIO_STEP_DOWN = 0.25;
/** How far it climbs back per tick toward the configured ratio while abandonment is low (adaptive pacing). */
export const RATIO_STEP_UP = 0.05;

export interface AbandonWindow {
  /** Calls answered by a person in the window (abandoned ones included). */
  answered: number;
  abandoned: number;
}

export interface PacingState {
  status: 'active' | 'paused';
  currentRatio: number;
  pausedReason: string | null;
}

export const abandonmentRate = (w: AbandonWindow): number => (w.answered > 0 ? w.abandoned / w.answered : 0);

/** The ratio the settings ask for: power mode's dial ratio; one line per agent otherwise. */
export const targetRatio = (settings: Pick<DialerSettings, 'mode' | 'dialRatio'>): number => (settings.mode === 'power' ? settings.dialRatio : 1);

const percent = (rate: number) => `${(rate * 100).toFixed(2)} %`;

/** The queue's next pacing state from the window's abandonment. */
export function nextPacing(settings: Pick<DialerSettings, 'mode' | 'dialRatio' | 'pacing'>, state: PacingState, window: AbandonWindow): PacingState {
  if (state.status === 'paused') return state;
  const rate = abandonmentRate(window);
  const target = targetRatio(settings);
  if (rate >= ABANDON_PAUSE_AT) {
    return {
      status: 'paused',
      currentRatio: 1,
      pausedReason: `Abandoned calls reached ${percent(rate)} of ${window.answered} answered over ${ABANDON_WINDOW_DAYS} days (pause at ${percent(ABANDON_PAUSE_AT)}).`,
    };
  }
  let ratio = Math.min(state.currentRatio, target);
  if (rate >= ABANDON_LOWER_AT) ratio = Math.max(1, ratio - RATIO_STEP_DOWN);
  else if (settings.pacing === 'adaptive' && rate < ABANDON_LOWER_AT / 2) ratio = Math.min(target, ratio + RATIO_STEP_UP);
  else if (settings.pacing === 'fixed' && rate < ABANDON_LOWER_AT / 2) ratio = target;
  // Hundredths are enough; rounding must not lift the ratio over the configured one.
  return { status: 'active', currentRatio: Math.max(1, Math.min(target, Math.round(ratio * 100) / 100)), pausedReason: null };
}

/**
 * How many calls beyond the free agents the window can take: the largest E with
 * (abandoned + E) / (answered + E) ≤ the pause threshold.
 */
export function overdialBudget(window: AbandonWindow): number {
  const budget = Math.floor((ABANDON_PAUSE_AT * window.answered - window.abandoned) / (1 - ABANDON_PAUSE_AT));
  return Math.max(0, budget);
}

export interface LinesInput {
  mode: DialerSettings['mode'];
  ratio: number;
  freeAgents: number;
  /** Calls ringing with no agent reserved (power mode's extra lines of earlier ticks). */
  unassignedInFlight: number;
  /** All the campaign's calls not ended. */
  inFlight: number;
  maxConcurrentCalls: number;
  window: AbandonWindow;
}

/** Lines to dial this tick: none in preview (the agent dials), one per free agent in progressive, ratio × free agents in power. */
export function linesToDial(input: LinesInput): number {
  if (input.mode === 'preview' || input.freeAgents <= 0) return 0;
  const paced = input.mode === 'power' ? Math.floor(input.ratio * input.freeAgents) - input.unassignedInFlight : input.freeAgents;
  const extraAllowed = input.mode === 'power' ? overdialBudget(input.window) - input.unassignedInFlight : 0;
  // Extra lines still ringing from earlier ticks use up the budget first.
  const safe = input.freeAgents + extraAllowed;
  return Math.max(0, Math.min(paced, safe, input.maxConcurrentCalls - input.inFlight));
}

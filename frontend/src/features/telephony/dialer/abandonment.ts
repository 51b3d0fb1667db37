// How an abandonment rate reads on the control centre: fine below 2 % (where the dialer starts
// lowering its ratio), a warning from there, and red from 2.8 % (where it pauses the campaign,
// short of the FTC's 3 % over 30 days).
import { ABANDON_LOWER_AT, ABANDON_PAUSE_AT } from '@shared/contracts/telephony';

export type AbandonTone = 'ok' | 'warning' | 'danger';

export function abandonTone(rate: number): AbandonTone {
  if (rate >= ABANDON_PAUSE_AT) return 'danger';
  if (rate >= ABANDON_LOWER_AT) return 'warning';
  return 'ok';
}

/** 0.0213 → "2.13 %"; two decimals because the thresholds sit 0.8 points apart. */
export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(2)} %`;
}

/** 0.4 → "40 %" (conversion, occupancy). */
export function formatPercent(rate: number): string {
  return `${Math.round(rate * 1000) / 10} %`;
}

/** 3725 s → "1 h 02 m"; 125 → "2 m 05 s". */
export function formatSpan(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} m`;
  return `${m} m ${String(s % 60).padStart(2, '0')} s`;
}

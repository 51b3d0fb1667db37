// How the lead screens write times: a transcript position (1:05, 1:02:07), a time in QA (3 h 20 min),
// and what is left of the QA SLA.
import { QA_SLA_SECONDS } from '@shared/contracts/leads';

/** A position in the recording: m:ss, or h:mm:ss past an hour. */
export function formatPosition(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A span of time at a glance: 45 s, 12 min, 3 h 20 min, 2 d 4 h. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** "9 h left" before the SLA, or "3 h over" once past it. */
export function slaLabel(ageSeconds: number, overdue: boolean): string {
  const left = QA_SLA_SECONDS - ageSeconds;
  if (overdue || left <= 0) return `${formatAge(Math.abs(Math.min(left, 0)))} over`;
  return `${formatAge(left)} left`;
}

/** Micro-dollars as dollars: $0.0123 (AI costs are small). */
export function formatMicros(micros: number | null | undefined): string | null {
  if (micros === null || micros === undefined) return null;
  const dollars = micros / 1_000_000;
  return `$${dollars < 1 ? dollars.toFixed(4) : dollars.toFixed(2)}`;
}

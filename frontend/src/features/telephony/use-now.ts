// The current time, refreshed every `intervalMs` while `enabled`: the console's clocks (time in
// status, after-call work, the contact's local time) tick without each keeping its own timer.
import { useEffect, useState } from 'react';

export function useNow(intervalMs = 1_000, enabled = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs, enabled]);
  return now;
}

/** Whole seconds from `iso` to `now` (0 when the time is unknown or ahead). */
export function secondsSince(iso: string | null | undefined, now: number): number {
  if (!iso) return 0;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.floor((now - at) / 1000));
}

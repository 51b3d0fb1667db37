// Callback times in the contact's own time zone: the agent picks a wall-clock time where the
// person is (a callback is a promise made to them), and the API gets an instant with the
// offset that zone has on that date (daylight saving included).

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes the zone is ahead of UTC at `instant` (e.g. -360 for Chicago in winter). */
export function zoneOffsetMinutes(zone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const formatOffset = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
};

/**
 * A `datetime-local` value ("2026-12-08T10:30") read as wall-clock time in `zone`, as an ISO
 * instant with that zone's offset ("2026-12-08T10:30:00-06:00"); null when it is not a time.
 */
export function wallClockToIso(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // The offset at the guess, then at the instant it gives: right on either side of a DST change.
  let offset = zoneOffsetMinutes(zone, guess - zoneOffsetMinutes(zone, guess) * 60_000);
  offset = zoneOffsetMinutes(zone, guess - offset * 60_000);
  return `${local}:00${formatOffset(offset)}`;
}

/** The instant as a `datetime-local` value on the wall clock of `zone`. */
export function isoToWallClock(instant: number, zone: string): string {
  const shifted = new Date(instant + zoneOffsetMinutes(zone, instant) * 60_000);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/** The next working morning (10:00 tomorrow) on the contact's wall clock: a callback's default. */
export function defaultCallbackWallClock(now: number, zone: string): string {
  const today = isoToWallClock(now, zone).slice(0, 10);
  const tomorrow = new Date(`${today}T00:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  return `${tomorrow.toISOString().slice(0, 10)}T10:00`;
}

export function isTimeZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** "10:42 AM" where the contact is. */
export function localTimeIn(zone: string, now: number): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(now));
}

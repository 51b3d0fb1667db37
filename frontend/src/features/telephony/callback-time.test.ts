import { describe, expect, it } from 'vitest';
import { defaultCallbackWallClock, isTimeZone, isoToWallClock, wallClockToIso, zoneOffsetMinutes } from './callback-time';

describe('callback times on the contact’s wall clock', () => {
  it('knows a zone’s offset in winter and in summer', () => {
    expect(zoneOffsetMinutes('America/Chicago', Date.UTC(2026, 0, 15, 12))).toBe(-360);
    expect(zoneOffsetMinutes('America/Chicago', Date.UTC(2026, 6, 15, 12))).toBe(-300);
    expect(zoneOffsetMinutes('Asia/Kolkata', Date.UTC(2026, 6, 15, 12))).toBe(330);
  });

  it('turns 10:30 in Chicago into an instant with Chicago’s offset on that date', () => {
    expect(wallClockToIso('2026-12-08T10:30', 'America/Chicago')).toBe('2026-12-08T10:30:00-06:00');
    expect(wallClockToIso('2026-07-08T10:30', 'America/Chicago')).toBe('2026-07-08T10:30:00-05:00');
    expect(wallClockToIso('2026-07-08T10:30', 'Europe/London')).toBe('2026-07-08T10:30:00+01:00');
  });

  it('gets the offset right on the day daylight saving starts', () => {
    // US clocks go forward at 02:00 on 8 March 2026: 09:00 that morning is already CDT.
    expect(wallClockToIso('2026-03-08T09:00', 'America/Chicago')).toBe('2026-03-08T09:00:00-05:00');
    expect(new Date(wallClockToIso('2026-03-08T09:00', 'America/Chicago')!).toISOString()).toBe('2026-03-08T14:00:00.000Z');
  });

  it('refuses what is not a time', () => {
    expect(wallClockToIso('', 'UTC')).toBeNull();
    expect(wallClockToIso('tomorrow', 'UTC')).toBeNull();
  });

  it('shows an instant on the contact’s wall clock, and defaults to 10:00 the next day there', () => {
    const now = Date.UTC(2026, 11, 8, 3, 0); // 21:00 on the 7th in Chicago
    expect(isoToWallClock(now, 'America/Chicago')).toBe('2026-12-07T21:00');
    expect(defaultCallbackWallClock(now, 'America/Chicago')).toBe('2026-12-08T10:00');
    expect(defaultCallbackWallClock(now, 'Asia/Tokyo')).toBe('2026-12-09T10:00');
  });

  it('tells a time zone from anything else', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone(null)).toBe(false);
  });
});

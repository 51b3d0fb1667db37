import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows';
import { createTestDeps } from '../../../test/support/test-deps';
import { textArray } from './suppressions-repo';
import { candidateZones, zoneMaps } from './time-zones';
import { fileContext } from '../../../test/support/file-context';

const ctx = fileContext(createTestDeps);

describe('where a contact may be, in time zones', () => {
  it('knows only zones the database can convert to (else the guard would fail on them)', async () => {
    const maps = zoneMaps();
    const all = [
      ...new Set([...maps.zones.values(), ...[...maps.regions.values()].flat(), ...[...maps.countries.values()].flat(), ...[...maps.phonePrefixes.values()].flat()]),
    ];
    expect(all.length).toBeGreaterThan(300);
    const missing = await queryRows<{ z: string }>(ctx.deps.db, sql`select z from unnest(${textArray(all)}) as t(z) where z not in (select name from pg_timezone_names)`);
    expect(missing).toEqual([]);
  });

  it('has a zone for every country a phone number can belong to, and prefix-free calling codes', () => {
    const maps = zoneMaps();
    const codes = [...maps.phonePrefixes.keys()].filter((k) => !/^\+1\d{3}$/.test(k));
    for (const a of codes) for (const b of codes) if (a !== b) expect(b.startsWith(a), `${a} is a prefix of ${b}`).toBe(false);
    expect(maps.countries.get('US')).toEqual(expect.arrayContaining(['America/New_York', 'Pacific/Honolulu']));
    expect(maps.countries.get('XK')).toEqual(['Europe/Belgrade']);
  });

  it('prefers the contact time zone, then the state, then the country, then the phone', () => {
    expect(candidateZones({ timezone: 'europe/paris', country: 'US', state: 'TX', phones: ['+12125550100'] })).toEqual(['Europe/Paris']);
    // IANA names the runtime lists under their old ones (Asia/Calcutta, Europe/Kiev) are the contact's own too.
    expect(candidateZones({ timezone: 'Asia/Kolkata', country: 'US', phones: ['+14158675301'] })).toEqual(['Asia/Kolkata']);
    expect(candidateZones({ timezone: 'Europe/Kyiv', country: 'US', phones: ['+14158675301'] })).toEqual(['Europe/Kyiv']);
    expect(candidateZones({ timezone: 'Not/A_Zone', country: 'US', state: 'tx', phones: [] }).sort()).toEqual(['America/Chicago', 'America/Denver']);
    expect(candidateZones({ country: 'US', state: 'US-NY', phones: [] })).toEqual(['America/New_York']);
    expect(candidateZones({ country: 'au', state: 'Queensland', phones: [] })).toEqual(['Australia/Brisbane']);
    expect(candidateZones({ country: 'DE', phones: [] })).toEqual(['Europe/Berlin', 'Europe/Busingen']);
    // A Toronto area code is Canadian: Canada's zones, not the United States'.
    const toronto = candidateZones({ phones: ['+14165550100'] });
    expect(toronto).toContain('America/Toronto');
    expect(toronto).not.toContain('America/New_York');
    // +44 is shared by the UK, Guernsey, Jersey and the Isle of Man: all their zones.
    expect(candidateZones({ phones: ['+442079460000'] })).toEqual(['Europe/Guernsey', 'Europe/Isle_of_Man', 'Europe/Jersey', 'Europe/London']);
    expect(candidateZones({ phones: ['+80012345678'] })).toEqual([]);
    expect(candidateZones({ phones: [null, undefined] })).toEqual([]);
  });
});

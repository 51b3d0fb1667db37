import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Segment, SegmentReachability, SegmentToListResult } from '@shared/contracts/audience';
import type { ContactListResponse } from '@shared/contracts/accounts';
import { createAudienceTestContext } from './test-fixtures';
import { fileContext } from '../../../test/support/file-context';

let segment: Segment;

const t = fileContext(createAudienceTestContext);
beforeAll(async () => {
  // Six French contacts: one reachable, one with a suppressed address, one at a suppressed domain,
  // one whose only number is on the do-not-call list, one opted out, one with no email at all.
  await t.deps.db.execute(sql`
    insert into contacts (full_name, email, direct_phone, country, consent_status) values
      ('Reachable Rita', 'rita@ok.example.com', '+33140000001', 'FR', null),
      ('Suppressed Sam', 'sam@ok.example.com', '+33140000002', 'FR', null),
      ('Domain Dora', 'dora@blocked.example.net', '+33140000003', 'FR', null),
      ('Dnc Dan', 'dan@ok.example.com', '+33140000004', 'FR', null),
      ('Optout Olga', 'olga@ok.example.com', '+33140000005', 'FR', 'opted-out'),
      ('Phone Only Pia', null, '+33140000006', 'FR', null),
      ('German Gus', 'gus@blocked.example.net', null, 'DE', null)`);
  await t.deps.db.execute(sql`
    insert into suppressions (type, value, reason, source) values
      ('email', 'sam@ok.example.com', 'unsubscribe', 'manual'),
      ('domain', 'example.net', 'client_request', 'manual'),
      ('phone', '+33140000004', 'dnc_registry', 'manual')`);
  const res = await t.call<Segment>('POST', '/api/segments', { body: { name: 'France', filter: { type: 'and', conditions: [{ field: 'country', op: 'eq', value: 'FR' }] } } });
  expect(res.status, res.text).toBe(201);
  segment = res.json;
});

async function memberNames(listId: string): Promise<string[]> {
  const res = await t.call<ContactListResponse>('GET', `/api/lists/${listId}/members`, { query: { limit: '50' } });
  expect(res.status, res.text).toBe(200);
  return res.json.items.map((c) => c.fullName ?? '').sort();
}

describe('converting a segment to a list', () => {
  it('says before converting how many members are opted out or suppressed, and why', async () => {
    const res = await t.call<SegmentReachability>('GET', `/api/segments/${segment.id}/reachability`);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({
      members: 6,
      unreachable: 4,
      suppressedEmail: 1,
      suppressedDomain: 1,
      suppressedPhone: 1,
      optedOutEmail: 1,
      optedOutPhone: 1,
    });
  });

  it('keeps everyone by default and says none was left out', async () => {
    const res = await t.call<SegmentToListResult>('POST', `/api/segments/${segment.id}/list`, { body: { name: 'France, all' } });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ memberCount: 6, leftOut: 0 });
  });

  it('leaves out the opted-out and suppressed members when asked, and counts them', async () => {
    const res = await t.call<SegmentToListResult>('POST', `/api/segments/${segment.id}/list`, { body: { name: 'France, reachable', excludeUnreachable: true } });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ memberCount: 2, leftOut: 4 });
    expect(await memberNames(res.json.id)).toEqual(['Phone Only Pia', 'Reachable Rita']);
  });

  it('refuses a non-boolean option and lets no agent ask', async () => {
    const bad = await t.call<{ errors: Array<{ field: string }> }>('POST', `/api/segments/${segment.id}/list`, { body: { name: 'x', excludeUnreachable: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]!.field).toBe('body.excludeUnreachable');
    expect((await t.call('GET', `/api/segments/${segment.id}/reachability`, { as: 'agent' })).status).toBe(403);
    expect((await t.call('GET', '/api/segments/0190a000-0000-7000-8000-000000000000/reachability')).status).toBe(404);
  });
});

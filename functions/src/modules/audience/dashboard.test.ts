import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DASHBOARD_DAYS, type Dashboard } from '@shared/contracts/dashboard';
import { createAudienceTestContext } from './test-fixtures';
import { fileContext } from '../../../test/support/file-context';

// A reader of the whole workspace: an agent's figures count only their reach (test/record-reach.test.ts).
async function dashboard(): Promise<Dashboard> {
  const res = await t.call<Dashboard>('GET', '/api/dashboard', { as: 'quality_analyst' });
  expect(res.status, res.text).toBe(200);
  return res.json;
}

const t = fileContext(createAudienceTestContext);

describe('the workspace dashboard', () => {
  it('on an empty workspace: nothing counted, the checklist not done but for colleagues', async () => {
    const d = await dashboard();
    expect(d.contacts).toEqual({ count: 0, exact: true });
    expect(d.accounts).toEqual({ count: 0, exact: true });
    expect(d.days).toHaveLength(DASHBOARD_DAYS);
    expect(d.days.every((day) => day.contacts === 0 && day.accounts === 0)).toBe(true);
    expect(d.recentImports).toEqual([]);
    expect(d.segments).toEqual({ count: 0, recent: [] });
    // The test workspace has a user per role: colleagues are there already.
    expect(d.checklist).toEqual({ imported: false, segmentBuilt: false, colleagueInvited: true });
  });

  it('counts what was added when, who may be reached, the latest imports and segments', async () => {
    const today = new Date();
    const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000).toISOString();
    await t.deps.db.execute(sql`insert into accounts (name, domain, created_at, updated_at) values
      ('Now Inc', 'now.example.com', ${daysAgo(0)}::timestamptz, now()), ('Old Inc', 'old.example.com', ${daysAgo(60)}::timestamptz, now())`);
    await t.deps.db.execute(sql`
      insert into contacts (full_name, email, direct_phone, consent_status, created_at, updated_at) values
        ('Today Email', 'a@ok.example.com', null, null, ${daysAgo(0)}::timestamptz, now()),
        ('Today Phone', null, '+14155550101', null, ${daysAgo(0)}::timestamptz, now()),
        ('Ten Days Both', 'b@ok.example.com', '+14155550102', null, ${daysAgo(10)}::timestamptz, now()),
        ('Ten Days Suppressed', 'c@blocked.example.net', '+14155550103', null, ${daysAgo(10)}::timestamptz, now()),
        ('Old Opted Out', 'd@ok.example.com', '+14155550104', 'opted-out', ${daysAgo(90)}::timestamptz, now())`);
    await t.deps.db.execute(sql`insert into contacts (full_name, email, deleted_at) values ('Deleted', 'e@ok.example.com', now())`);
    await t.deps.db.execute(sql`insert into suppressions (type, value, reason, source) values ('domain', 'example.net', 'client_request', 'manual')`);
    await t.deps.db.execute(sql`insert into import_jobs (origin, status, file_name, object_key, inserted, updated) values
      ('upload', 'completed', 'march.csv', 'imports/a', 4, 1), ('upload', 'failed', 'broken.csv', 'imports/b', 0, 0)`);
    const segment = await t.call('POST', '/api/segments', { body: { name: 'Everyone', filter: { type: 'and', conditions: [] } } });
    expect(segment.status).toBe(201);

    const d = await dashboard();
    expect(d.contacts).toEqual({ count: 5, exact: true });
    expect(d.accounts).toEqual({ count: 2, exact: true });
    expect(d.contactsAddedWeek.count).toBe(2);
    expect(d.contactsAddedMonth.count).toBe(4);
    expect(d.accountsAddedWeek.count).toBe(1);
    expect(d.accountsAddedMonth.count).toBe(1);
    expect(d.days.at(-1)).toMatchObject({ day: today.toISOString().slice(0, 10), contacts: 2, accounts: 1 });
    expect(d.days.reduce((n, day) => n + day.contacts, 0)).toBe(4);
    // Email: an address, not suppressed (the domain entry covers blocked.example.net), not opted out.
    expect(d.reachableByEmail.count).toBe(2);
    // Phone: a number, not on the do-not-call list, not opted out (the domain entry is no phone's).
    expect(d.reachableByPhone.count).toBe(3);
    expect(d.suppressed.count).toBe(1);
    expect(d.recentImports.map((i) => [i.fileName, i.status])).toEqual(expect.arrayContaining([['march.csv', 'completed'], ['broken.csv', 'failed']]));
    expect(d.segments.count).toBe(1);
    expect(d.segments.recent[0]!.name).toBe('Everyone');
    expect(d.checklist).toEqual({ imported: true, segmentBuilt: true, colleagueInvited: true });
  });

  it('is for staff only', async () => {
    expect((await t.call('GET', '/api/dashboard', { as: 'client_user' })).status).toBe(403);
  });
});

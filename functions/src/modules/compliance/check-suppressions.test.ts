import { beforeAll, describe, expect, it } from 'vitest';
import type { SuppressionCheckResponse } from '@shared/contracts/compliance';
import { createHttpHandler, type HttpHandler } from '../../http/create-http-handler';
import { invoke } from '../../../test/support/invoke';
import { createIdentityTestContext, signedInUser } from '../../../test/support/identity-fixtures';
import type { SuppressionCheck } from '../imports';
import { checkSuppressions, findSuppressions } from './check-suppressions';
import { countQueries, suppressionEntry } from './fixtures';
import { complianceModule } from './routes';
import { insertSuppressions } from './suppressions-repo';
import { fileContext } from '../../../test/support/file-context';

let api: HttpHandler;
let agent: string;

const t = fileContext(createIdentityTestContext);
beforeAll(async () => {
  api = createHttpHandler(complianceModule, { deps: async () => t.deps });
  agent = (await signedInUser(t, { roles: ['agent'] })).accessToken;
  await insertSuppressions(
    t.deps.db,
    [
      suppressionEntry('email', 'blocked@open.com', 'unsubscribe'),
      suppressionEntry('domain', 'closed.co.uk', 'client_request'),
      suppressionEntry('email', 'both@closed.co.uk', 'bounce'),
      suppressionEntry('phone', '+14155550100', 'dnc_registry'),
    ],
    { createdBy: null, at: new Date('2026-01-02T03:04:05Z') },
  );
});

const check = (body: unknown, token = agent) => invoke<SuppressionCheckResponse>(api, { method: 'POST', path: '/api/suppressions/check', token, body });

describe('the bulk suppression check', () => {
  it('says which values are suppressed and why, matching case-insensitively and by registrable domain', async () => {
    const res = await check({
      emails: ['Blocked@Open.com', 'fine@open.com', 'anyone@closed.co.uk', 'deep@eu.mail.closed.co.uk', 'both@closed.co.uk', 'x@closed.co.uk.example.org', 'nope'],
      phones: ['(415) 555-0100', '+1 415 555 0101', 'call me'],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.checked).toBe(10);
    const summary = res.json.suppressed.map((s) => `${s.input} → ${s.matchedType}:${s.matchedValue} (${s.reason})`).sort();
    expect(summary).toEqual(
      [
        '(415) 555-0100 → phone:+14155550100 (dnc_registry)',
        'Blocked@Open.com → email:blocked@open.com (unsubscribe)',
        'anyone@closed.co.uk → domain:closed.co.uk (client_request)',
        'both@closed.co.uk → domain:closed.co.uk (client_request)',
        'both@closed.co.uk → email:both@closed.co.uk (bounce)',
        'deep@eu.mail.closed.co.uk → domain:closed.co.uk (client_request)',
      ].sort(),
    );
    expect(res.json.suppressed.find((s) => s.input === 'Blocked@Open.com')).toMatchObject({
      channel: 'email',
      normalized: 'blocked@open.com',
      source: 'test',
      since: '2026-01-02T03:04:05.000Z',
    });
    expect(res.json.invalid).toEqual([
      { input: 'nope', channel: 'email', reason: 'is not an email address' },
      { input: 'call me', channel: 'phone', reason: 'is not a phone number' },
    ]);
  });

  it('matches plus-tagged aliases by their mailbox, in one query', async () => {
    await insertSuppressions(t.deps.db, [suppressionEntry('email', 'jane@tagged.example'), suppressionEntry('email', 'bob+promo@tagged.example')], { createdBy: null, at: new Date() });
    const counter = countQueries(t.database.handle);
    const found = await findSuppressions(t.deps.db, {
      emails: ['jane+news@tagged.example', 'jane@tagged.example', 'bob@tagged.example', 'bob+other@tagged.example', 'janet@tagged.example', 'jane.news@tagged.example'],
      phones: [],
    }).finally(() => counter.restore());
    expect(counter.count).toBe(1);
    expect(Object.fromEntries([...found.emails].map(([email, hits]) => [email, hits.map((h) => h.value)]))).toEqual({
      'jane+news@tagged.example': ['jane@tagged.example'],
      'jane@tagged.example': ['jane@tagged.example'],
      'bob@tagged.example': ['bob+promo@tagged.example'],
      'bob+other@tagged.example': ['bob+promo@tagged.example'],
    });
  });

  it('answers 10,000 values (addresses, their domains and phones) in one query', async () => {
    const emails = Array.from({ length: 5000 }, (_, i) => (i % 500 === 0 ? `user${i}@closed.co.uk` : `user${i}@company${i % 37}.com`));
    const phones = Array.from({ length: 5000 }, (_, i) => `+1415555${String(i).padStart(4, '0')}`);
    const counter = countQueries(t.database.handle);
    try {
      const result = await findSuppressions(t.deps.db, { emails, phones });
      expect(counter.count).toBe(1);
      expect(result.emails.size).toBe(10);
      expect(result.emails.get('user0@closed.co.uk')).toEqual([expect.objectContaining({ type: 'domain', value: 'closed.co.uk', reason: 'client_request' })]);
      expect([...result.phones.keys()]).toEqual(['+14155550100']);

      // The import pipeline's hook: the same one query, answering sets.
      const hook: SuppressionCheck = checkSuppressions;
      counter.reset();
      const sets = await hook(t.deps.db, { emails: ['Blocked@open.com', 'ok@open.com', 'x@eu.closed.co.uk'], phones: ['+14155550100', '+14155550199'] });
      expect(counter.count).toBe(1);
      expect([...sets.emails].sort()).toEqual(['blocked@open.com', 'x@eu.closed.co.uk']);
      expect([...sets.phones]).toEqual(['+14155550100']);

      // Through the API: whatever the token check costs (an empty check), plus the same one.
      counter.reset();
      await check({ emails: [], phones: [] });
      const authQueries = counter.count;
      counter.reset();
      const res = await check({ emails, phones });
      expect(res.status).toBe(200);
      expect(res.json.suppressed).toHaveLength(11);
      expect(counter.count).toBe(authQueries + 1);

      counter.reset();
      await checkSuppressions(t.deps.db, { emails: [], phones: [] });
      expect(counter.count).toBe(0);
      await checkSuppressions(t.deps.db, { emails: ['only@emails.com'], phones: [] });
      expect(counter.count).toBe(1);
    } finally {
      counter.restore();
    }
  });

  it('refuses more than 10,000 values in one call', async () => {
    const res = await check({ emails: Array.from({ length: 6000 }, (_, i) => `a${i}@b.com`), phones: Array.from({ length: 4001 }, () => '+14155550100') });
    expect(res.status).toBe(400);
    expect(res.text).toContain('at most 10000');
    expect((await check({ emails: 'a@b.com' })).status).toBe(400);
  });

  it('is open to the roles that work lists, not to content creators or clients', async () => {
    for (const roles of [['content_creator'], ['client_user']] as const) {
      const { accessToken: token } = await signedInUser(t, { roles: [...roles] });
      expect((await check({ emails: ['a@b.com'] }, token)).status).toBe(403);
    }
  });
});

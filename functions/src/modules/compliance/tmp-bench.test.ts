import { sql } from 'drizzle-orm';
import { it } from 'vitest';
import { createTestDeps } from '../../../test/support/test-deps';
import { insertContacts, type ContactSeed } from './fixtures';
import { applyComplianceGuard } from './guard';
import { insertSuppressions } from './suppressions-repo';
import { checkSuppressions } from './check-suppressions';

it('bench', async () => {
  const ctx = await createTestDeps();
  const db = ctx.deps.db;
  const N = Number(process.env.BENCH_N ?? 100000);
  if (process.env.BENCH_EXPLAIN_ONLY) console.log('explain only');
  const zones = ['America/New_York', null, 'Europe/London', null];
  const places = [['US', 'TX'], ['US', null], ['GB', null], [null, null]];
  for (let b = 0; b < N; b += 10000) {
    const seeds: ContactSeed[] = [];
    for (let i = b; i < Math.min(N, b + 10000); i++) {
      const p = places[i % 4]!;
      seeds.push({ email: `u${i}@co${i % 5000}.com`, directPhone: `+1212${String(i).padStart(7, '0')}`, mobilePhone: i % 3 ? null : `+1415${String(i).padStart(7, '0')}`, timezone: zones[i % 4] ?? null, country: p[0], state: p[1] });
    }
    await insertContacts(db, seeds);
  }
  const entries = [];
  for (let i = 0; i < 20000; i++) entries.push({ type: 'email' as const, value: `u${i * 5}@co${(i * 5) % 5000}.com`, reason: 'manual' as const, source: 'b', note: null });
  for (let i = 0; i < 500; i++) entries.push({ type: 'domain' as const, value: `co${i * 7}.com`, reason: 'manual' as const, source: 'b', note: null });
  for (let i = 0; i < 20000; i++) entries.push({ type: 'phone' as const, value: `+1212${String(i * 3).padStart(7, '0')}`, reason: 'dnc_registry' as const, source: 'b', note: null });
  for (let i = 0; i < entries.length; i += 5000) await insertSuppressions(db, entries.slice(i, i + 5000), { createdBy: null, at: new Date() });
  await db.execute(sql`analyze`);
  const audience = { kind: 'query' as const, sql: sql`select id from contacts` };
  const pool = ctx.database.handle.pool as unknown as { query: (...a: unknown[]) => Promise<{ rows: Array<Record<string, string>> }> };
  const orig = pool.query.bind(pool);
  for (const channel of ['email', 'phone'] as const) {
    pool.query = async (q: unknown, params: unknown) => {
      const text = typeof q === 'string' ? q : (q as { text: string }).text;
      const r = await orig('explain (analyze, costs off) ' + text, params);
      console.log(r.rows.map((x) => Object.values(x)[0]).join('\n'));
      return { rows: [{}] } as never;
    };
    await applyComplianceGuard(db, audience, { channel, now: new Date('2026-06-01T16:00:00Z'), limit: 1000 }).catch(() => null);
    pool.query = orig;
  }
  for (const channel of ['email', 'phone'] as const) {
    for (let k = 0; k < 2; k++) {
      const t0 = performance.now();
      const r = await applyComplianceGuard(db, audience, { channel, now: new Date('2026-06-01T16:00:00Z'), limit: 1000 });
      console.log(channel, 'full audience with counts', N, Math.round(performance.now() - t0), 'ms', JSON.stringify(r.counts));
    }
    const t1 = performance.now();
    await applyComplianceGuard(db, audience, { channel, now: new Date('2026-06-01T16:00:00Z'), limit: 1000, counts: false });
    console.log(channel, 'page without counts', Math.round(performance.now() - t1), 'ms');
  }
  const emails = Array.from({ length: 5000 }, (_, i) => `u${i * 17}@co${(i * 17) % 5000}.com`);
  const phones = Array.from({ length: 5000 }, (_, i) => `+1212${String(i * 11).padStart(7, '0')}`);
  for (let k = 0; k < 3; k++) {
    const t2 = performance.now();
    const s = await checkSuppressions(db, { emails, phones });
    console.log('check 10k', Math.round(performance.now() - t2), 'ms', s.emails.size, s.phones.size);
  }
  await ctx.close();
}, 600_000);

// `npm run bench:dialer`: one dialer tick for 100 available agents over a queue of 1,000,000
// contacts. Needs DATABASE_URL (a PostgreSQL server); uses a throwaway database there
// (BENCH_DIALER_DATABASE, default `pivotal_bench_dialer`), seeded once with generate_series (1,000,000 contacts in four US
// zones, one campaign whose queue holds them all with random priorities, a small campaign of 1,000
// for the baseline, 100 agents) and reused. Agent presence is in dynalite and Telnyx is a fake
// dial server on loopback, both in a child process (bench/dialer/services.ts), as remote as
// DynamoDB and Telnyx are: their own CPU is not the tick's. Each timed tick claims 100 items (SKIP LOCKED,
// leased), asks the gate about those 100 contacts, reserves 100 agents, writes 100 calls and
// places 100 dials; between ticks (untimed) the items, calls and agents are put back. The same
// tick with Telnyx answered in process shows what the HTTP dials to the fake server cost.
// Prints p50/p95 of the tick and of its parts, and the claim's ratio to the same claim on a
// 1,000-item queue. Target: the tick's p95 < 100 ms.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { parseConfig } from '../../functions/src/config/config';
import { openDatabase } from '../../functions/src/db/connection';
import { migrateDatabase } from '../../functions/src/db/migrate';
import { queryOne, queryRows } from '../../functions/src/db/rows';
import { buildDeps } from '../../functions/src/deps';
import type { Deps } from '../../functions/src/core/deps';
import { createTelnyxClient, type TelnyxClient } from '../../functions/src/adapters/telnyx';
import { admitAudience } from '../../functions/src/modules/activity';
import { availableAgents, claimItems, dialerTick, reserveAgent, setPresence } from '../../functions/src/modules/telephony';
import { dialerSettingsSchema } from '../../shared/contracts/telephony';
import { ensureMainTable } from '../../infra/local/emulators/dynamo';
import { percentile } from '../percentile';
import { startChildServices } from '../support/child-services';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const CONTACTS = 1_000_000;
const SMALL = 1_000;
const AGENTS = 100;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);
const BIG_CAMPAIGN = '00000000-0000-7000-8000-00000000d1a1';
const SMALL_CAMPAIGN = '00000000-0000-7000-8000-00000000d1a2';
/** A Tuesday afternoon in every zone of the queue. */
const NOW = new Date('2026-06-16T18:00:00Z');

/** The bench's database (BENCH_DIALER_DATABASE, default pivotal_bench_dialer): two people benching on one server keep apart. */
const DATABASE = process.env.BENCH_DIALER_DATABASE ?? 'pivotal_bench_dialer';

async function benchUrl(serverUrl: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(DATABASE)) throw new Error(`BENCH_DIALER_DATABASE must be a plain lower-case name, not ${DATABASE}`);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function seed(deps: Deps): Promise<void> {
  const settings = JSON.stringify(dialerSettingsSchema.parse({ mode: 'progressive', maxConcurrentCalls: 500, maxAttempts: 20, amd: true }));
  const started = performance.now();
  const step = async (label: string, statement: ReturnType<typeof sql>) => {
    const t = performance.now();
    await deps.db.execute(statement);
    process.stdout.write(`    ${label} (${((performance.now() - t) / 1000).toFixed(1)} s)\n`);
  };
  // 1,000,000 contacts: distinct names and numbers (the person key), four US zones.
  await step(
    'contacts',
    sql`insert into contacts (full_name, direct_phone, timezone, country, state, source)
      select 'Bench Person ' || n, '+1' || (200 + n % 700)::text || lpad((n % 10000000)::text, 7, '0'),
        (array['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'])[1 + n % 4], 'US',
        (array['NY', 'IL', 'CO', 'CA'])[1 + n % 4], 'bench'
      from generate_series(1, ${CONTACTS + SMALL}) n`,
  );
  await step(
    'trunk, campaigns, queues',
    sql`with trunk as (
        insert into sip_trunks (name, sip_host, sip_username, secret_ref, secret_hint, connection_id, caller_ids)
        values ('Bench trunk', 'sip.telnyx.com', 'bench', 'sealed', '••ch', 'conn-bench', array['+14155550199']) returning id
      ), campaigns as (
        insert into call_campaigns (id, name, status, trunk_id, seller_name, seller_phone, record)
        select c.id, c.name, 'active', (select id from trunk), 'Bench Corp', '+14155550100', true
        from (values (${BIG_CAMPAIGN}::uuid, 'Bench 1M'), (${SMALL_CAMPAIGN}::uuid, 'Bench 1k')) as c(id, name)
        returning id
      )
      insert into dialer_queues (campaign_id, status, settings) select id, 'paused', ${settings}::jsonb from campaigns`,
  );
  await step(
    'queue items (1,000,000 and 1,000)',
    sql`insert into dialer_queue_items (campaign_id, contact_id, phone, priority, next_attempt_at)
      select case when row_number() over (order by c.id) <= ${CONTACTS} then ${BIG_CAMPAIGN}::uuid else ${SMALL_CAMPAIGN}::uuid end,
        c.id, c.direct_phone, (random() * 9)::int, ${NOW.toISOString()}::timestamptz - interval '1 day'
      from contacts c where c.source = 'bench'`,
  );
  await step(
    'agents',
    sql`with agents as (
        insert into users (username, email, first_name, last_name)
        select 'bench-agent-' || n, 'bench-agent-' || n || '@example.com', 'Agent', n::text from generate_series(1, ${AGENTS}) n returning id
      )
      insert into campaign_agents (campaign_id, user_id) select c, a.id from agents a cross join (values (${BIG_CAMPAIGN}::uuid), (${SMALL_CAMPAIGN}::uuid)) as v(c)`,
  );
  await deps.db.execute(sql`analyze`);
  process.stdout.write(`  seeded in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

async function agentIds(deps: Deps): Promise<string[]> {
  return (await queryRows<{ user_id: string }>(deps.db, sql`select user_id from campaign_agents where campaign_id = ${BIG_CAMPAIGN}::uuid order by user_id`)).map((r) => r.user_id);
}

/** Puts the queue, calls and agents back as they were before a tick. */
async function reset(deps: Deps, agents: readonly string[]): Promise<void> {
  await deps.db.execute(sql`update dialer_queue_items set status = 'queued', lease_until = null, call_id = null, attempts = 0, last_outcome = null
    where status = 'dialing' and lease_until is not null`);
  await deps.db.execute(sql`delete from calls where campaign_id in (${BIG_CAMPAIGN}::uuid, ${SMALL_CAMPAIGN}::uuid)`);
  for (const [i, agent] of agents.entries()) {
    await setPresence({ ...deps, now: () => new Date(NOW.getTime() - 3_600_000 + i * 1000) }, agent, 'available', { callId: null });
  }
}

interface Timing {
  p50: number;
  p95: number;
}

async function time(runs: number, before: () => Promise<void>, run: () => Promise<unknown>): Promise<Timing> {
  await before();
  await run(); // warm
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before();
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    process.stderr.write('  ✖ bench:dialer needs DATABASE_URL (a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres).\n');
    process.exit(1);
  }
  // dynalite and the fake Telnyx in a child process, as remote as the real services are.
  const services = await startChildServices<{ dynamo: string; telnyx: string }>(fileURLToPath(new URL('./services.ts', import.meta.url)));
  const dynamo = { endpoint: services.dynamo };
  const telnyx = { baseUrl: services.telnyx };
  await ensureMainTable(dynamo.endpoint, 'pivotal-main', 'us-east-1');
  const handle = await openDatabase({ kind: 'url', url: await benchUrl(serverUrl), poolMax: 4 });
  const config = parseConfig({ LOG_LEVEL: 'SILENT', DYNAMODB_ENDPOINT: dynamo.endpoint, TELNYX_API_KEY: 'KEYbench', TELNYX_BASE_URL: telnyx.baseUrl });
  const deps = await buildDeps(config, { dbHandle: handle, now: () => NOW });
  try {
    await migrateDatabase(handle);
    const counts = await queryOne<{ items: number }>(handle.db, sql`select count(*)::int as items from dialer_queue_items where campaign_id = ${BIG_CAMPAIGN}::uuid`);
    if (Number(counts?.items ?? 0) < CONTACTS) {
      const contacts = await queryOne<{ n: number }>(handle.db, sql`select count(*)::int as n from contacts`);
      if (Number(contacts?.n ?? 0) > 0) throw new Error(`${DATABASE} is partly seeded: DROP DATABASE ${DATABASE} and run again.`);
      process.stdout.write(`  seeding ${DATABASE}: ${CONTACTS.toLocaleString('en')} queued contacts, ${AGENTS} agents…\n`);
      await seed(deps);
    } else {
      process.stdout.write(`  ${DATABASE} holds a queue of ${Number(counts!.items).toLocaleString('en')} contacts: reusing it\n`);
    }
    process.stdout.write(`  load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${os.cpus().length} CPUs; ${ITERATIONS} runs a case\n`);
    const agents = await agentIds(deps);
    const activate = (campaignId: string | null) =>
      handle.db.execute(sql`update dialer_queues set status = case when campaign_id = ${campaignId}::uuid then 'active' else 'paused' end`);
    const resetAll = () => reset(deps, agents);

    // The whole tick on the 1M queue, and the same tick on the 1k queue.
    await activate(BIG_CAMPAIGN);
    let dialled = 0;
    const tick = await time(ITERATIONS, resetAll, async () => {
      const result = await dialerTick(deps);
      dialled = result.queues[0]?.dialled ?? 0;
    });
    if (dialled !== AGENTS) throw new Error(`a tick dialled ${dialled} calls, expected ${AGENTS}`);
    // The same tick with Telnyx answered in process (no HTTP): the dialler's own work.
    let placed = 0;
    const inProcess = {
      calls: { dial: async () => ({ callControlId: `v3:bench-${++placed}`, callLegId: `leg-${placed}`, callSessionId: `session-${placed}` }) },
    } as unknown as TelnyxClient;
    const tickInProcess = await time(ITERATIONS, resetAll, () => dialerTick(deps, { telnyx: inProcess }));
    await activate(SMALL_CAMPAIGN);
    const tickSmall = await time(ITERATIONS, resetAll, async () => {
      const result = await dialerTick(deps);
      dialled = result.queues[0]?.dialled ?? 0;
    });
    if (dialled !== AGENTS) throw new Error(`a tick on the small queue dialled ${dialled} calls, expected ${AGENTS}`);
    await activate(null);

    // Its parts alone.
    const lease = new Date(NOW.getTime() + 140_000);
    const claim = await time(ITERATIONS, resetAll, () => claimItems(handle.db, BIG_CAMPAIGN, 'priority', AGENTS, NOW, lease));
    const claimSmall = await time(ITERATIONS, resetAll, () => claimItems(handle.db, SMALL_CAMPAIGN, 'priority', AGENTS, NOW, lease));
    const ids = (await queryRows<{ contact_id: string }>(handle.db, sql`select contact_id from dialer_queue_items where campaign_id = ${BIG_CAMPAIGN}::uuid limit ${AGENTS}`)).map((r) => r.contact_id);
    const gate = await time(
      ITERATIONS,
      async () => {},
      () =>
        admitAudience(handle.db, { kind: 'ids', ids }, {
          channel: 'phone',
          at: NOW,
          campaign: { id: BIG_CAMPAIGN },
          selection: { kind: 'bench' },
          actorId: null,
          retainDays: 30,
          hold: { holder: `dialer:${BIG_CAMPAIGN}`, until: new Date(NOW.getTime() + 86_400_000) },
        }),
    );
    const presence = await time(ITERATIONS, resetAll, async () => {
      const free = await availableAgents(deps);
      await Promise.all(free.slice(0, AGENTS).map((a, i) => reserveAgent(deps, a, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, BIG_CAMPAIGN)));
    });
    const client = createTelnyxClient(config)!;
    const dials = await time(
      ITERATIONS,
      async () => {},
      () =>
        Promise.all(
          ids.map((_, i) =>
            client.calls.dial({ to: `+1212555${String(i).padStart(4, '0')}`, from: '+14155550199', connectionId: 'conn-bench', clientState: '{}', amd: true, timeoutSecs: 20, record: true }),
          ),
        ),
    );

    const ms = (t: Timing) => `${t.p50.toFixed(1)} ms | ${t.p95.toFixed(1)} ms`;
    process.stdout.write('\n  | case | p50 | p95 |\n  |---|---|---|\n');
    process.stdout.write(`  | tick, 100 agents, queue of 1,000,000 | ${ms(tick)} |\n`);
    process.stdout.write(`  | tick, 100 agents, queue of 1,000 (baseline) | ${ms(tickSmall)} |\n`);
    process.stdout.write(`  | tick, 100 agents, queue of 1,000,000, Telnyx answered in process | ${ms(tickInProcess)} |\n`);
    process.stdout.write(`  | claim of 100 (SKIP LOCKED + lease), queue of 1,000,000 | ${ms(claim)} |\n`);
    process.stdout.write(`  | claim of 100, queue of 1,000 (baseline) | ${ms(claimSmall)} |\n`);
    process.stdout.write(`  | gate re-check of 100 contacts (with proof and holds) | ${ms(gate)} |\n`);
    process.stdout.write(`  | 100 agents read and reserved (dynalite) | ${ms(presence)} |\n`);
    process.stdout.write(`  | 100 dials to the fake Telnyx on loopback | ${ms(dials)} |\n`);
    process.stdout.write(
      `\n  ratios (p50): tick 1M / tick 1k ${(tick.p50 / tickSmall.p50).toFixed(2)}; claim 1M / claim 1k ${(claim.p50 / claimSmall.p50).toFixed(2)}\n`,
    );
    process.stdout.write(`  target: the tick's p95 < 100 ms (measured ${tick.p95.toFixed(1)} ms: ${tick.p95 < 100 ? 'met' : 'not met'})\n`);
  } finally {
    await handle.db.execute(sql`update dialer_queues set status = 'paused'`).catch(() => undefined);
    await handle.close();
    services.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`  ✖ ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});

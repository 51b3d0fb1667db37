// `npm run bench:webhooks`: Telnyx call webhooks through the local stack's gateway, each verified
// (Ed25519 over `timestamp|body`, the stand-in's key) before it is applied. CALLS calls each get
// their call.initiated and call.hangup events (nobody answered); 10 % of the events are sent twice
// and every call's two events come in a random order, CONCURRENCY requests at a time. Prints the
// webhook's p50/p95 latency and events per second beside a baseline in the same process (the
// public health route through the same gateway), then checks nothing was lost or doubled: every
// call ended once, one call_events row per distinct event, one attempt touch per call.
// Local stack defaults: PGlite in process, dynalite for the event-id claims.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { startLocalStack } from '../../infra/local/stack';
import { queryOne } from '../../functions/src/db/rows';
import { encodeClientState } from '../../functions/src/modules/telephony';
import { percentile } from '../percentile';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DUPLICATE_SHARE = 0.1;

interface Delivery {
  body: string;
  eventId: string;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Runs the requests CONCURRENCY at a time; each one's latency in ms. */
async function drive(requests: Array<() => Promise<void>>): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const t0 = performance.now();
        await request();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-bench-webhooks-'));
  const stack = await startLocalStack({ port: 0, host: '127.0.0.1', dataDir, env: { LOG_LEVEL: 'SILENT' }, spa: 'none', ephemeral: true, fastRetries: true });
  try {
    const standin = stack.telnyx!;
    const db = stack.deps.db;
    const contactIds = Array.from({ length: CALLS }, () => randomUUID());
    const callIds = contactIds.map(() => randomUUID());
    await db.execute(sql`insert into contacts (id, full_name, direct_phone, country, source)
      select id, 'Bench ' || n, '+1415867' || lpad((1000 + n % 9000)::text, 4, '0'), 'US', 'bench'
      from unnest(${sql.param(contactIds)}::uuid[]) with ordinality as t(id, n)`);
    const started = new Date(Date.now() - 60_000);
    await db.execute(sql`insert into calls (id, contact_id, origin, to_number, from_number, call_control_id, state, started_at)
      select id, contact_id, 'manual', '+14158670000', '+14155550100', 'v3:' || id::text, 'initiated', ${started.toISOString()}::timestamptz
      from unnest(${sql.param(callIds)}::uuid[], ${sql.param(contactIds)}::uuid[]) as t(id, contact_id)`);

    // Two events a call; a tenth of them again; each call's pair in a random order.
    const deliveries: Delivery[] = [];
    callIds.forEach((callId, i) => {
      const payload = { call_control_id: `v3:${callId}`, call_session_id: `s-${callId}`, client_state: Buffer.from(encodeClientState({ callId, leg: 'contact', amd: false })).toString('base64') };
      const events = [
        { type: 'call.initiated', at: started, extra: { state: 'bridging', direction: 'outgoing' } },
        { type: 'call.hangup', at: new Date(started.getTime() + 20_000 + i), extra: { hangup_cause: 'timeout', hangup_source: 'callee' } },
      ].map((e) => {
        const id = randomUUID();
        const body = JSON.stringify({ data: { record_type: 'event', id, event_type: e.type, occurred_at: e.at.toISOString(), payload: { ...payload, ...e.extra } }, meta: { attempt: 1 } });
        return { body, eventId: id };
      });
      deliveries.push(...shuffle(events));
    });
    const duplicates = deliveries.filter(() => Math.random() < DUPLICATE_SHARE);
    const all = shuffle([...deliveries, ...duplicates]);
    const url = `${stack.url}/api/telephony/webhooks/telnyx`;
    const failures: string[] = [];

    const baseline = await drive(
      all.slice(0, Math.min(all.length, 1000)).map(() => async () => {
        await (await fetch(`${stack.url}/api/health`)).arrayBuffer();
      }),
    );
    const ingest = await drive(
      all.map((d) => async () => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...standin.signWebhook(d.body) }, body: d.body });
        await res.arrayBuffer();
        if (res.status !== 200) failures.push(`${res.status}`);
      }),
    );

    const distinct = new Set(deliveries.map((d) => d.eventId)).size;
    const counts = await queryOne<{ ended: number; once: number; events: number; touches: number }>(
      db,
      sql`select (select count(*)::int from calls where id = any(${sql.param(callIds)}::uuid[]) and state = 'ended' and ended_at is not null) as ended,
        (select count(*)::int from calls where id = any(${sql.param(callIds)}::uuid[]) and hangup_cause = 'timeout') as once,
        (select count(*)::int from call_events where call_id = any(${sql.param(callIds)}::uuid[])) as events,
        (select count(*)::int from touches where kind = 'attempted' and source_event_id like 'call:%') as touches`,
    );
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    const p50 = percentile(ingest.latencies, 50);
    const p95 = percentile(ingest.latencies, 95);
    const b50 = percentile(baseline.latencies, 50);
    const b95 = percentile(baseline.latencies, 95);
    console.log(`Telnyx webhooks through the local gateway: ${CALLS} calls, ${deliveries.length} events + ${duplicates.length} duplicates, ${CONCURRENCY} at a time`);
    console.log(`  webhook  p50 ${ms(p50)}  p95 ${ms(p95)}  ${(all.length / ingest.seconds).toFixed(0)} events/s`);
    console.log(`  health   p50 ${ms(b50)}  p95 ${ms(b95)}  (baseline: the same gateway, no work)`);
    console.log(`  ratio to baseline: p50 ${(p50 / b50).toFixed(1)}×  p95 ${(p95 / b95).toFixed(1)}×`);
    console.log(`  non-200 answers: ${failures.length}`);
    console.log(`  calls ended: ${counts!.ended}/${CALLS}; call_events rows: ${counts!.events} for ${distinct} distinct events; attempt touches: ${counts!.touches}/${CALLS}`);
    const ok = failures.length === 0 && counts!.ended === CALLS && counts!.once === CALLS && counts!.events === distinct && counts!.touches === CALLS;
    console.log(ok ? '  nothing lost, nothing doubled' : '  MISMATCH: something was lost or doubled');
    if (!ok) process.exitCode = 1;
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();

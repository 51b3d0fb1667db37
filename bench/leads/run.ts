// `npm run bench:leads`: 1,000 leads through the QA pipeline on the local stack with the vendor
// stand-ins (half with a dual-channel recording to transcribe, all scored by the OpenAI stand-in,
// the account verified, queued): leads per minute, and p50/p95 time per stage from lead_stage_runs
// (transcribe: from submission to the webhook's transcript; score, verify, queue: the step) and
// from start to queue. A batch of 100 first is the baseline the 1,000 are compared with (the
// ratio of their rates). PGlite in memory unless DATABASE_URL names a PostgreSQL server.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../functions/src/db/rows';
import { startLeadPipeline } from '../../functions/src/modules/leads';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import { percentile } from '../percentile';
import { seedLeads } from './seed';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const LEADS = Number(process.env.BENCH_LEADS ?? 1000);
const BASELINE = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the leads' pipelines and waits until every one is queued (or flagged); the wall time in ms. */
async function run(stack: LocalStack, ids: string[]): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < ids.length; i += 50) await Promise.all(ids.slice(i, i + 50).map((id) => startLeadPipeline(stack.deps, id)));
  for (;;) {
    const [row] = await queryRows<{ n: number }>(
      stack.deps.db,
      sql`select count(*)::int as n from leads where id = any(${sql.param(ids)}::uuid[]) and pipeline_status not in ('queued', 'needs_review')`,
    );
    if (row!.n === 0) return performance.now() - started;
    await sleep(100);
  }
}

async function stageTimes(stack: LocalStack, ids: string[]): Promise<Map<string, number[]>> {
  const rows = await queryRows<{ stage: string; ms: number }>(
    stack.deps.db,
    sql`select stage, extract(epoch from (ended_at - started_at)) * 1000 as ms from lead_stage_runs
        where lead_id = any(${sql.param(ids)}::uuid[]) and outcome = 'ok' and ended_at is not null
        union all
        select 'start → queue', extract(epoch from (queued_at - pipeline_started_at)) * 1000 from leads where id = any(${sql.param(ids)}::uuid[])`,
  );
  const byStage = new Map<string, number[]>();
  for (const r of rows) byStage.set(r.stage, [...(byStage.get(r.stage) ?? []), Number(r.ms)]);
  return byStage;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-bench-leads-'));
  const stack = await startLocalStack({ port: 0, host: '127.0.0.1', dataDir, env: { ...process.env, LOG_LEVEL: 'ERROR' }, spa: 'none', ephemeral: true, fastRetries: true });
  try {
    stack.assemblyai!.setSettings({ processingMs: 200 });
    process.stdout.write(`lead pipeline bench: ${stack.databaseLabel}, ${os.cpus().length} CPUs\n`);
    const baselineIds = await seedLeads(stack.deps, BASELINE, 0);
    const baselineMs = await run(stack, baselineIds);
    const ids = await seedLeads(stack.deps, LEADS, BASELINE);
    const ms = await run(stack, ids);
    const rate = (n: number, t: number) => (n / t) * 60_000;
    process.stdout.write(`baseline: ${BASELINE} leads in ${(baselineMs / 1000).toFixed(1)} s = ${rate(BASELINE, baselineMs).toFixed(0)} leads/min\n`);
    process.stdout.write(`run:      ${LEADS} leads in ${(ms / 1000).toFixed(1)} s = ${rate(LEADS, ms).toFixed(0)} leads/min (${(rate(LEADS, ms) / rate(BASELINE, baselineMs)).toFixed(2)}× the baseline's rate)\n`);
    const [flagged] = await queryRows<{ n: number }>(stack.deps.db, sql`select count(*)::int as n from leads where id = any(${sql.param(ids)}::uuid[]) and pipeline_status = 'needs_review'`);
    process.stdout.write(`flagged needs_review: ${flagged!.n}\n`);
    const outcomes = await queryRows<{ stage: string; outcome: string; error: string | null; n: number }>(
      stack.deps.db,
      sql`select stage, outcome, left(error, 120) as error, count(*)::int as n from lead_stage_runs
          where lead_id = any(${sql.param(ids)}::uuid[]) and outcome <> 'ok' group by 1, 2, 3 order by 1, 2`,
    );
    for (const o of outcomes) process.stdout.write(`  ${o.stage} ${o.outcome} ×${o.n}: ${o.error ?? ''}\n`);
    process.stdout.write('stage            n      p50 ms    p95 ms\n');
    for (const [stage, samples] of await stageTimes(stack, ids)) {
      process.stdout.write(`${stage.padEnd(15)} ${String(samples.length).padStart(5)} ${percentile(samples, 50).toFixed(0).padStart(9)} ${percentile(samples, 95).toFixed(0).padStart(9)}\n`);
    }
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();

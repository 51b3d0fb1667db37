// `npm run bench:email`: a 100,000-recipient campaign on a 1,000,000-contact database on a
// PostgreSQL server (DATABASE_URL; the bench's own database, see database.ts), three figures each
// against a baseline measured in this process:
//   (a) Prepare — the snapshot through the contact gate (admit with its proof and holds, the
//       recipients written, batches numbered) — p50/p95 over BENCH_RUNS runs (default 5; the
//       recipients, batches and holds are removed between runs), against one INSERT … SELECT of
//       the same audience into email_recipients without the gate;
//   (b) render + sign + build throughput against a bare liquidjs render (render.ts, the same
//       measurement `npm run bench:email-render` prints);
//   (c) the real batch sender (production kit: render, sign, the rate gate in dynalite, SES v2
//       SendEmail to the local SES stand-in, the recipient and batch writes on the server) over
//       BENCH_SEND recipients (default 20,000) with the sender's rate at 1,000/s and
//       BENCH_CONCURRENCY batches at a time (default 20) of EMAIL_BATCH_SIZE (default 100):
//       achieved rate ÷ configured rate (goal ≥ 0.9), and the stand-in's raw throughput from a
//       bare SendEmail loop at the same concurrency, with the ratio of the two. The SES stand-in
//       and dynalite run in a child process (services.ts), as remote as SES and DynamoDB are.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { eq, sql } from 'drizzle-orm';
import { saveEmailContentSchema } from '../../shared/contracts/email-content';
import { parseConfig } from '../../functions/src/config/config';
import { buildDeps } from '../../functions/src/deps';
import { SYSTEM_ACTOR } from '../../functions/src/core/actor';
import type { Deps } from '../../functions/src/core/deps';
import { queryOne, queryRows } from '../../functions/src/db/rows';
import { emailCampaigns, senderProfiles, sendingDomains } from '../../functions/src/db/schema';
import { createSesSendClient } from '../../functions/src/adapters/aws-clients';
import { emailHooks } from '../../functions/src/composition';
import { addContactsToList, createList } from '../../functions/src/modules/audience';
import { releaseHolds } from '../../functions/src/modules/activity';
import { createSendingKit, emailAssetUrl, finaliseSend, prepareSend, sendBatch, type BatchResult } from '../../functions/src/modules/email';
// eslint-disable-next-line local/boundaries -- the bench drives the campaign service as its routes do
import { createCampaign, findVariant } from '../../functions/src/modules/email/campaigns/service';
// eslint-disable-next-line local/boundaries -- the bench saves content as the editor's route does
import { saveVariantContent } from '../../functions/src/modules/email/campaigns/variant-content';
// eslint-disable-next-line local/boundaries -- the bench builds the stand-in's baseline request as the provider does
import { sesSendEmailInput } from '../../functions/src/modules/email/delivery';
import { ensureMainTable } from '../../infra/local/emulators/dynamo';
import type { SesStandinStats } from '../../infra/local/emulators/ses-standin';
import { percentile } from '../percentile';
import { startChildServices } from '../support/child-services';
import { openBenchDatabase } from './database';
import { CONTENT, measureRender } from './render';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const AUDIENCE = 100_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEND = Number(process.env.BENCH_SEND ?? 20_000);
const RATE = 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const BATCH_SIZE = Number(process.env.EMAIL_BATCH_SIZE ?? 100);
const GOAL_SEND = 0.9;
const TABLE = 'pivotal-bench-email';

const log = (line: string) => process.stdout.write(`  ${line}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n.toFixed(0)} ms`;

/** A list of every n-th contact (from `offset`), as a person fills a list from a filtered grid. */
async function benchList(deps: Deps, name: string, size: number, every: number, offset: number): Promise<string> {
  const ids = await queryRows<{ id: string }>(
    deps.db,
    sql`select id::text from (select id, row_number() over (order by id) as n from contacts where deleted_at is null and email is not null) x
        where x.n % ${every}::int = ${offset}::int limit ${size}::int`,
  );
  const list = await createList(deps, { request: { name: `${name} ${new Date().toISOString()}`, description: 'email bench' }, userId: null });
  for (let i = 0; i < ids.length; i += 10_000) await addContactsToList(deps.db, list.id, { ids: ids.slice(i, i + 10_000).map((r) => r.id) });
  return list.id;
}

/** A verified sending domain and a sender profile at `ratePerSecond`, as Settings → Email leaves them once DKIM verifies. */
async function verifiedSender(deps: Deps, ratePerSecond: number): Promise<string> {
  const domain = `bench${Date.now()}.example.org`;
  const [d] = await deps.db.insert(sendingDomains).values({ domain, status: 'verified', dkimVerified: true }).returning();
  const [p] = await deps.db
    .insert(senderProfiles)
    .values({ name: 'Bench', fromName: 'Pivotal', fromAddress: `news@${domain}`, postalAddress: '100 Main Street, Springfield, IL 62701', sendingDomainId: d!.id, ratePerSecond })
    .returning();
  return p!.id;
}

/** A campaign to the list with the render bench's content saved as the editor saves it, then in `sending` as the schedule leaves it. */
async function sendingCampaign(deps: Deps, name: string, listId: string, senderId: string): Promise<string> {
  const campaign = await createCampaign(deps, SYSTEM_ACTOR, { name, audience: { kind: 'list', id: listId }, senderProfileId: senderId });
  const variant = await findVariant(deps.db, campaign.id);
  await saveVariantContent({ ...deps, assetUrl: (key) => emailAssetUrl(deps.config, key) }, campaign.id, variant.id, saveEmailContentSchema.parse(CONTENT), null);
  await deps.db.update(emailCampaigns).set({ status: 'sending', startedAt: deps.now() }).where(eq(emailCampaigns.id, campaign.id));
  return campaign.id;
}

/** Undoes a snapshot: the recipients, batches and holds go, the proof mark is cleared (the proof rows stay). */
async function unsnapshot(deps: Deps, campaignId: string): Promise<void> {
  await deps.db.execute(sql`delete from email_recipients where campaign_id = ${campaignId}::uuid`);
  await deps.db.execute(sql`delete from email_batches where campaign_id = ${campaignId}::uuid`);
  await deps.db.update(emailCampaigns).set({ gateProofId: null }).where(eq(emailCampaigns.id, campaignId));
  await releaseHolds(deps.db, `email:${campaignId}`);
}

function stats(samples: number[]): { p50: number; p95: number } {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function benchSnapshot(deps: Deps): Promise<void> {
  const listId = await benchList(deps, 'Email bench audience', AUDIENCE, 10, 0);
  const senderId = await verifiedSender(deps, RATE);
  const campaignId = await sendingCampaign(deps, 'Email bench snapshot', listId, senderId);
  const audience = await emailHooks.audienceSql(deps.db, { kind: 'list', id: listId });

  const prepare: number[] = [];
  const analyze: number[] = [];
  const bare: number[] = [];
  let recipients = 0;
  let batches = 0;
  for (let run = 0; run <= RUNS; run++) {
    // Prepare as the workflow's first step runs it (it ends with ANALYZE of recipients and contacts).
    let started = performance.now();
    const plan = await prepareSend(deps, emailHooks, campaignId);
    const took = performance.now() - started;
    batches = plan.batches.length;
    recipients = Number((await queryOne<{ n: number }>(deps.db, sql`select count(*)::int as n from email_recipients where campaign_id = ${campaignId}::uuid`))!.n);
    // The ANALYZE alone, to show the snapshot's share of Prepare.
    started = performance.now();
    await deps.db.execute(sql`analyze email_recipients, contacts`);
    const analyzeTook = performance.now() - started;
    await unsnapshot(deps, campaignId);

    // Baseline: the same audience into email_recipients in one INSERT … SELECT, no gate, no proof, no holds, no batches.
    started = performance.now();
    await deps.db.execute(
      sql`insert into email_recipients (campaign_id, contact_id, account_id, email, status, updated_at)
          select ${campaignId}::uuid, c.id, c.account_id, lower(btrim(c.email)), 'queued', now()
          from contacts c where c.id in (${audience}) and c.deleted_at is null and c.email is not null
          on conflict (campaign_id, email) do nothing`,
    );
    const bareTook = performance.now() - started;
    await unsnapshot(deps, campaignId);
    if (run === 0) continue; // warm-up
    prepare.push(took);
    analyze.push(analyzeTook);
    bare.push(bareTook);
  }
  const p = stats(prepare);
  const a = stats(analyze);
  const b = stats(bare);
  log(`(a) snapshot + gate: ${fmt(AUDIENCE)}-contact list → ${fmt(recipients)} recipients in ${fmt(batches)} batches, ${RUNS} runs after a warm-up`);
  log('');
  log('| step | p50 | p95 |');
  log('|---|---|---|');
  log(`| Prepare (prepareSend: admitAudience + proof + holds, recipients, batches, ANALYZE) | ${ms(p.p50)} | ${ms(p.p95)} |`);
  log(`| of which the ANALYZE (measured alone) | ${ms(a.p50)} | ${ms(a.p95)} |`);
  log(`| baseline: one INSERT … SELECT of the audience into email_recipients, no gate | ${ms(b.p50)} | ${ms(b.p95)} |`);
  log('');
  log(`  ratio Prepare ÷ baseline (p50): ${(p.p50 / b.p50).toFixed(2)}`);
  await deps.db.update(emailCampaigns).set({ status: 'cancelled' }).where(eq(emailCampaigns.id, campaignId));
}

/** The workflow's Map: the open batches, CONCURRENCY at a time, over and over until Finalise ends it. */
async function sendCampaign(deps: Deps, kit: ReturnType<typeof createSendingKit>, campaignId: string): Promise<{ rounds: number; results: BatchResult[] }> {
  const results: BatchResult[] = [];
  let rounds = 0;
  for (;;) {
    const plan = await prepareSend(deps, emailHooks, campaignId);
    rounds++;
    const round: BatchResult[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, plan.batches.length) }, async () => {
        while (next < plan.batches.length) round.push(await sendBatch(deps, kit, plan.batches[next++]!));
      }),
    );
    results.push(...round);
    const end = await finaliseSend(deps, campaignId, round);
    if (end.next === 'end') return { rounds, results };
    await new Promise((resolve) => setTimeout(resolve, Math.min(end.waitSeconds * 1000, 1000)));
  }
}

/** The SES stand-in and emulator, and dynalite, in a child process (services.ts). */
type Services = Awaited<ReturnType<typeof startChildServices<{ ses: string; dynamo: string }>>>;

async function standinStats(ses: string, reset = false): Promise<SesStandinStats> {
  const res = await fetch(`${ses}/local/${reset ? 'reset-stats' : 'stats'}`, { method: reset ? 'POST' : 'GET' });
  return (await res.json()) as SesStandinStats;
}

async function benchSending(deps: Deps, services: Services): Promise<void> {
  const ses = { endpoint: services.ses };
  const listId = await benchList(deps, 'Email bench send', SEND, 50, 7);
  const senderId = await verifiedSender(deps, RATE);
  const campaignId = await sendingCampaign(deps, 'Email bench send', listId, senderId);
  const prepared = await prepareSend(deps, emailHooks, campaignId);
  const queued = Number((await queryOne<{ n: number }>(deps.db, sql`select count(*)::int as n from email_recipients where campaign_id = ${campaignId}::uuid and status = 'queued'`))!.n);

  // The emulator keeps every message in memory: empty its store as the run goes.
  const clearing = setInterval(() => void fetch(`${ses.endpoint}/clear-store`, { method: 'POST' }).catch(() => undefined), 2000);
  try {
    // Baseline: the stand-in alone — a bare SendEmail loop of one message of the campaign's size, CONCURRENCY at a time.
    const [variant] = await queryRows<{ subject: string; html: string; text: string }>(deps.db, sql`select subject, html, text from email_variants where campaign_id = ${campaignId}::uuid`);
    const input = sesSendEmailInput({
      from: { name: 'Pivotal', address: 'news@bench.example.org' },
      to: 'someone@example.com',
      subject: variant!.subject,
      html: variant!.html,
      text: variant!.text,
      headers: [
        { name: 'List-Unsubscribe', value: '<https://crm.example.com/t/u/x>, <mailto:news@bench.example.org?subject=unsubscribe>' },
        { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
      ],
      tags: { campaign: campaignId, recipient: '1', variant: 'v' },
    });
    const client = createSesSendClient(deps.config);
    const bareCount = Math.min(SEND, 5000);
    let sentBare = 0;
    for (let i = 0; i < 200; i++) await client.send(new SendEmailCommand(input)); // warm
    let started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (sentBare < bareCount) {
          sentBare++;
          await client.send(new SendEmailCommand(input));
        }
      }),
    );
    const bareRate = bareCount / ((performance.now() - started) / 1000);
    client.destroy();

    await standinStats(ses.endpoint, true);
    const kit = createSendingKit(deps);
    started = performance.now();
    const { rounds, results } = await sendCampaign(deps, kit, campaignId);
    const seconds = (performance.now() - started) / 1000;
    const states = await queryRows<{ status: string; n: number }>(
      deps.db,
      sql`select status, count(*)::int as n from email_recipients where campaign_id = ${campaignId}::uuid group by status order by status`,
    );
    const sent = Number(states.find((s) => s.status === 'sent')?.n ?? 0);
    const achieved = sent / seconds;
    const standin = await standinStats(ses.endpoint);
    log(`(c) sending: ${fmt(queued)} recipients queued in ${fmt(prepared.batches.length)} batches of ${BATCH_SIZE}, ${CONCURRENCY} at a time, sender rate ${fmt(RATE)}/s (rate gate in dynalite), SES stand-in and dynalite in a child process`);
    log(`    outcome: ${states.map((s) => `${s.status} ${fmt(Number(s.n))}`).join(', ')}; ${rounds} round(s); batch outcomes ${[...new Set(results.map((r) => r.outcome))].join('/')}`);
    log('');
    log('| measure | messages/s |');
    log('|---|---|');
    log(`| achieved: sent ÷ wall time of the sending rounds (${seconds.toFixed(1)} s) | ${fmt(achieved)} |`);
    log(`| stand-in's view: first to last accepted, busiest second ${fmt(standin.busiestSecond)} | ${fmt(standin.achievedPerSecond ?? 0)} |`);
    log(`| baseline: bare SESv2 SendEmail loop to the stand-in, ${CONCURRENCY} at a time (${fmt(bareCount)} messages) | ${fmt(bareRate)} |`);
    log('');
    const ratio = achieved / RATE;
    log(`  achieved ÷ configured ${fmt(RATE)}/s: ${ratio.toFixed(2)} (goal ≥ ${GOAL_SEND}) ${ratio >= GOAL_SEND ? 'MET' : 'NOT MET'}`);
    log(`  achieved ÷ bare stand-in throughput: ${(achieved / bareRate).toFixed(2)}`);
  } finally {
    clearInterval(clearing);
  }
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    process.stderr.write('  ✖ bench:email needs DATABASE_URL (a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres).\n');
    process.exit(1);
  }
  log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${os.cpus().length} CPUs`);
  log('(b) render + sign + build:');
  await measureRender();
  log('');

  const handle = await openBenchDatabase(serverUrl, log, CONCURRENCY + 4);
  const services = await startChildServices<{ ses: string; dynamo: string }>(fileURLToPath(new URL('./services.ts', import.meta.url)));
  const ses = { endpoint: services.ses };
  const dynamo = { endpoint: services.dynamo };
  try {
    await ensureMainTable(dynamo.endpoint, TABLE, 'us-east-1');
    const config = parseConfig({
      LOG_LEVEL: 'SILENT',
      SES_ENDPOINT: ses.endpoint,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      TABLE_NAME: TABLE,
      TRACKING_SECRET: 'bench-tracking-secret-0123456789abcdef',
      PUBLIC_BASE_URL: 'https://crm.example.com',
      EMAIL_BATCH_SIZE: String(BATCH_SIZE),
      EMAIL_BATCH_CONCURRENCY: String(CONCURRENCY),
    });
    const deps = await buildDeps(config, { dbHandle: handle });
    log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
    if (!process.env.BENCH_SKIP_SNAPSHOT) await benchSnapshot(deps);
    log('');
    if (!process.env.BENCH_SKIP_SEND) await benchSending(deps, services);
    log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  } finally {
    await handle.close();
    services.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`  ✖ ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});

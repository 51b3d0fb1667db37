// Fixtures of the dialer's tests and bench: a world with dynalite (agent presence), the fake
// Telnyx dial server and a test database behind a clock the test moves; a call campaign with its
// trunk, agents (available, longest idle first in the order given) and an active queue; items put
// straight into the queue (as a fill long ago would have, so that the dial-time gate is what is
// tested).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DialerSettings } from '@shared/contracts/telephony';
import { dialerSettingsSchema } from '@shared/contracts/telephony';
import type { Deps } from '../../../core/deps';
import { ensureMainTable, startDynamo, type DynamoEmulator } from '../../../../../infra/local/emulators/dynamo';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { startFakeTelnyxCalls, type FakeTelnyxCalls } from '../../../../test/support/fake-telnyx-calls';
import { setPresence } from '../presence';

export interface DialerWorld {
  deps: Deps;
  telnyx: FakeTelnyxCalls;
  context: TestContext;
  /** The instant deps.now() answers. */
  clock: { now: Date };
  close(): Promise<void>;
}

export async function startDialerWorld(): Promise<DialerWorld> {
  const dynamo: DynamoEmulator = await startDynamo({});
  await ensureMainTable(dynamo.endpoint, 'pivotal-main', 'us-east-1');
  const telnyx = await startFakeTelnyxCalls();
  const clock = { now: new Date('2026-06-15T15:00:00Z') };
  const context = await createTestDeps({
    env: { DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: 'pivotal-main', TELNYX_API_KEY: 'KEYtest', TELNYX_BASE_URL: telnyx.baseUrl },
    now: () => clock.now,
  });
  return {
    deps: context.deps,
    telnyx,
    context,
    clock,
    close: async () => {
      await context.close();
      await telnyx.close();
      await dynamo.stop();
    },
  };
}

export interface SeededCampaign {
  campaignId: string;
  agentIds: string[];
  callerId: string;
  connectionId: string;
}

/** Agents as users; each made available a second after the previous (the first is the longest idle). */
export async function insertAgents(deps: Deps, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  await deps.db.execute(sql`insert into users (id, username, email, first_name, last_name)
    select u.id, 'agent-' || u.id, 'agent-' || u.id || '@example.com', 'Agent', substr(u.id::text, 1, 8)
    from unnest(${sql.param(ids)}::uuid[]) as u(id)`);
  return ids;
}

export async function makeAvailable(deps: Deps, agentIds: readonly string[], since: Date): Promise<void> {
  for (const [i, id] of agentIds.entries()) {
    await setPresence({ aws: deps.aws, config: deps.config, now: () => new Date(since.getTime() + i * 1000) }, id, 'available', { callId: null });
  }
}

export async function seedCampaign(
  deps: Deps,
  options: { agents?: number; settings?: Partial<DialerSettings>; callingWindow?: { start: string; end: string } | null; rules?: unknown; status?: 'active' | 'paused' } = {},
): Promise<SeededCampaign> {
  const campaignId = randomUUID();
  const trunkId = randomUUID();
  const connectionId = `conn-${trunkId.slice(0, 8)}`;
  const callerId = '+14155550199';
  await deps.db.execute(sql`insert into sip_trunks (id, name, sip_host, sip_username, secret_ref, secret_hint, connection_id, caller_ids)
    values (${trunkId}::uuid, ${`Trunk ${trunkId}`}, 'sip.telnyx.com', 'user', 'sealed', '••3x', ${connectionId}, ${sql.param([callerId])}::text[])`);
  await deps.db.execute(sql`insert into call_campaigns (id, name, status, trunk_id, seller_name, seller_phone, rules, calling_window, record)
    values (${campaignId}::uuid, ${`Campaign ${campaignId}`}, 'active', ${trunkId}::uuid, 'Acme Corp', '+14155550100',
      ${options.rules ? JSON.stringify(options.rules) : null}::jsonb, ${options.callingWindow ? JSON.stringify(options.callingWindow) : null}::jsonb, true)`);
  const settings = dialerSettingsSchema.parse({ ...options.settings });
  await deps.db.execute(sql`insert into dialer_queues (campaign_id, status, settings, current_ratio)
    values (${campaignId}::uuid, ${options.status ?? 'active'}, ${JSON.stringify(settings)}::jsonb, ${settings.mode === 'power' ? settings.dialRatio : 1})`);
  const agentIds = await insertAgents(deps, options.agents ?? 0);
  if (agentIds.length) {
    await deps.db.execute(sql`insert into campaign_agents (campaign_id, user_id) select ${campaignId}::uuid, unnest(${sql.param(agentIds)}::uuid[])`);
    await makeAvailable(deps, agentIds, new Date(deps.now().getTime() - 3_600_000));
  }
  return { campaignId, agentIds, callerId, connectionId };
}

/** Items straight into the queue, due now, in the order given (earlier: higher priority). */
export async function enqueue(
  deps: Deps,
  campaignId: string,
  items: ReadonlyArray<{ contactId: string; phone: string; accountId?: string | null }>,
  options: { at?: Date } = {},
): Promise<void> {
  const at = (options.at ?? deps.now()).toISOString();
  await deps.db.execute(sql`insert into dialer_queue_items (campaign_id, contact_id, account_id, phone, priority, next_attempt_at)
    select ${campaignId}::uuid, i.contact_id, i.account_id, i.phone, ${items.length} - i.n, ${at}::timestamptz
    from unnest(${sql.param(items.map((i) => i.contactId))}::uuid[], ${sql.param(items.map((i) => i.accountId ?? null))}::uuid[],
      ${sql.param(items.map((i) => i.phone))}::text[]) with ordinality as i(contact_id, account_id, phone, n)`);
}

// Demo data for `npm start -- --demo`: the client portal of the leads demo's client organisation
// (made here when the leads demo did not run): a client admin who signs in to the portal, five
// orders across the states (submitted with its target list, in review, live with the demo call
// campaigns linked and the client's published, returned and replaced leads, completed, cancelled)
// with their history, target domains taken from the demo accounts, a few of the client's own
// suppressions, and the live order's pace from the pacing run. Written once.
import { sql } from 'drizzle-orm';
import type { OrderCriteria, OrderState } from '@shared/contracts/portal';
import type { Deps } from '../../core/deps';
import { queryOne, queryRows } from '../../db/rows';
import { clientSuppressions, orderCampaigns, orderTargetDomains, orderTransitions, orders, organisations, users } from '../../db/schema';
import { runPacing } from './bridge/pacing-job';
import type { PortalHooks } from './hooks';

/** The leads demo's client: the portal demo is that client's side of it. */
export const DEMO_CLIENT_NAME = 'Northwind Analytics';
/** The demo client admin's sign-in (local issuer; printed at start and in the README). */
export const DEMO_CLIENT_ADMIN = { username: 'northwind', password: 'Portal-Demo-2026!' } as const;

export interface PortalDemoReport {
  orgId: string;
  clientAdminId: string;
  orders: number;
  linkedCampaigns: number;
  leads: number;
  suppressions: number;
}

const DAY = 86_400_000;

const CRITERIA: OrderCriteria = {
  countries: ['US', 'CA', 'GB'],
  industries: ['Software', 'Financial Services', 'Healthcare'],
  sizes: ['51-200', '201-500', '501-1000', '1001-5000'],
  revenues: [],
  titles: ['IT Director', 'Head of IT', 'CIO', 'VP Engineering'],
  seniorities: ['Director', 'VP', 'C-level'],
  functions: ['Information Technology'],
};

interface DemoOrder {
  name: string;
  state: OrderState;
  channel: 'email' | 'telemarketing' | 'both';
  volume: number;
  costPerLeadCents: number;
  /** Days from today. */
  starts: number;
  ends: number;
  pace: { kind: 'even' } | { kind: 'front_loaded' } | { kind: 'weekly_cap'; weeklyCap: number };
  targets: number;
  /** The path the order took, after submitted, with the day (from today) of each move. */
  moves: { to: OrderState; day: number; staff: boolean; note?: string }[];
  notes?: string;
}

const ORDERS: DemoOrder[] = [
  {
    name: 'Q1 pipeline: IT decision makers (North America)',
    state: 'submitted',
    channel: 'telemarketing',
    volume: 120,
    costPerLeadCents: 8500,
    starts: 7,
    ends: 67,
    pace: { kind: 'even' },
    targets: 40,
    moves: [],
    notes: 'Please exclude existing customers (we uploaded them as suppressions).',
  },
  {
    name: 'Security webinar follow-up',
    state: 'in_review',
    channel: 'both',
    volume: 60,
    costPerLeadCents: 6500,
    starts: 3,
    ends: 45,
    pace: { kind: 'weekly_cap', weeklyCap: 15 },
    targets: 25,
    moves: [{ to: 'in_review', day: -1, staff: true }],
  },
  {
    name: 'Cloud migration: finance and healthcare',
    state: 'live',
    channel: 'telemarketing',
    volume: 24,
    costPerLeadCents: 9500,
    starts: -12,
    ends: 18,
    pace: { kind: 'even' },
    targets: 60,
    moves: [
      { to: 'in_review', day: -16, staff: true },
      { to: 'approved', day: -14, staff: true },
      { to: 'live', day: -12, staff: true },
    ],
  },
  {
    name: 'Data platform launch (UK)',
    state: 'completed',
    channel: 'email',
    volume: 40,
    costPerLeadCents: 4000,
    starts: -75,
    ends: -15,
    pace: { kind: 'front_loaded' },
    targets: 30,
    moves: [
      { to: 'in_review', day: -80, staff: true },
      { to: 'approved', day: -78, staff: true },
      { to: 'live', day: -75, staff: true },
      { to: 'completed', day: -15, staff: true, note: 'Window ended.' },
    ],
  },
  {
    name: 'Retail analytics pilot',
    state: 'cancelled',
    channel: 'email',
    volume: 30,
    costPerLeadCents: 5000,
    starts: -20,
    ends: 10,
    pace: { kind: 'even' },
    targets: 15,
    moves: [{ to: 'cancelled', day: -22, staff: false, note: 'Budget moved to next quarter.' }],
  },
];

const SUPPRESSIONS = [
  { kind: 'domain', value: 'contoso-customer.example' },
  { kind: 'domain', value: 'fabrikam-partner.example' },
  { kind: 'email', value: 'cfo@northwind-customer.example' },
  { kind: 'phone', value: '+14155550199' },
] as const;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Loads the portal demo when there are no orders yet; null otherwise. */
export async function seedPortalDemo(deps: Deps, hooks: PortalHooks): Promise<PortalDemoReport | null> {
  const any = await queryOne<{ n: number }>(deps.db, sql`select count(*)::int as n from ${orders}`);
  if (Number(any?.n ?? 0) > 0) return null;
  const now = deps.now();
  const dayOf = (offset: number) => isoDay(new Date(now.getTime() + offset * DAY));
  const at = (offset: number, hour = 10) => new Date(Date.parse(dayOf(offset)) + hour * 3_600_000);

  await deps.db.insert(organisations).values({ name: DEMO_CLIENT_NAME }).onConflictDoNothing();
  const org = (await queryOne<{ id: string }>(deps.db, sql`select id from organisations where lower(name) = lower(${DEMO_CLIENT_NAME})`))!;

  // The client admin (made once: a database that has them keeps them).
  const existing = await queryOne<{ id: string }>(deps.db, sql`select id from ${users} where username = ${DEMO_CLIENT_ADMIN.username}`);
  const clientAdminId =
    existing?.id ??
    (
      await hooks.users.createUser(deps, {
        request: {
          username: DEMO_CLIENT_ADMIN.username,
          email: 'portal.admin@northwind.example',
          firstName: 'Nora',
          lastName: 'Whitfield',
          password: DEMO_CLIENT_ADMIN.password,
          roles: ['client_user'],
          orgId: org.id,
          mustChangePassword: false,
        },
        context: { userId: null, requestId: null },
      })
    ).id;
  await deps.db.execute(sql`update ${users} set client_admin = true where id = ${clientAdminId}`);

  const manager = await queryOne<{ id: string }>(
    deps.db,
    sql`select u.id from users u join user_roles r on r.user_id = u.id
        where r.role in ('campaign_manager', 'admin') and u.status = 'active' and u.org_id is null
        order by (r.role = 'campaign_manager') desc, u.created_at, u.id limit 1`,
  );
  const domains = (await queryRows<{ domain: string }>(deps.db, sql`select domain from accounts where domain is not null and deleted_at is null order by domain limit 200`)).map(
    (d) => d.domain,
  );

  const ids = new Map<OrderState, string>();
  for (const [i, demo] of ORDERS.entries()) {
    const created = at(Math.min(demo.starts, demo.moves[0]?.day ?? 0) - 3, 9);
    const working = demo.state === 'live' || demo.state === 'completed';
    const [order] = await deps.db
      .insert(orders)
      .values({
        orgId: org.id,
        name: demo.name,
        state: demo.state,
        channel: demo.channel,
        volume: demo.volume,
        costPerLeadCents: demo.costPerLeadCents,
        startsOn: dayOf(demo.starts),
        endsOn: dayOf(demo.ends),
        pace: demo.pace,
        criteria: CRITERIA,
        questions: [
          { id: 'timeline', text: 'When do you plan to buy?', required: true },
          { id: 'budget', text: 'Is budget approved?', required: false },
        ],
        deliveryMethod: 'portal',
        returnWindowDays: 14,
        accountCap: working ? 3 : null,
        notes: demo.notes ?? null,
        managerId: demo.state === 'submitted' || demo.state === 'cancelled' ? null : (manager?.id ?? null),
        createdBy: clientAdminId,
        createdAt: created,
        updatedAt: demo.moves.length ? at(demo.moves[demo.moves.length - 1]!.day) : created,
      })
      .returning({ id: orders.id });
    const orderId = order!.id;
    ids.set(demo.state, orderId);
    // Each order's targets: a slice of the demo accounts' domains (they overlap, as real lists do), and two we do not hold.
    const slice = domains.length ? Array.from({ length: Math.min(demo.targets, domains.length) }, (_, k) => domains[(i * 17 + k) % domains.length]!) : [];
    const targets = [...new Set(slice), `unknown-${i + 1}.example`, `not-in-crm-${i + 1}.example`];
    await deps.db.insert(orderTargetDomains).values(targets.map((domain) => ({ orderId, domain })));

    let from: OrderState = 'submitted';
    const history: (typeof orderTransitions.$inferInsert)[] = [{ orderId, fromState: null, toState: 'submitted', actorId: clientAdminId, at: created }];
    for (const move of demo.moves) {
      history.push({ orderId, fromState: from, toState: move.to, actorId: move.staff ? (manager?.id ?? null) : clientAdminId, note: move.note ?? null, at: at(move.day) });
      from = move.to;
    }
    await deps.db.insert(orderTransitions).values(history);
  }

  // The live order: the demo call campaigns work it, and the client's leads from them are its leads.
  const liveId = ids.get('live')!;
  const campaigns = await queryRows<{ id: string }>(
    deps.db,
    sql`select distinct campaign_id as id from leads where client_org_id = ${org.id} and campaign_kind = 'call' and campaign_id is not null
        union select id from (select id from call_campaigns where deleted_at is null order by created_at, id limit 1) c`,
  );
  if (campaigns.length) {
    await deps.db
      .insert(orderCampaigns)
      .values(campaigns.map((c) => ({ orderId: liveId, campaignId: c.id, campaignKind: 'call', linkedBy: manager?.id ?? null, linkedAt: at(-13) })))
      .onConflictDoNothing();
  }
  const attached = await queryRows<{ state: string }>(
    deps.db,
    sql`update leads set order_id = ${liveId} where client_org_id = ${org.id} and order_id is null and state in ('approved', 'published', 'returned', 'replaced') returning state`,
  );
  // The pacing run, as the schedule would run it: the live order's pace (and its manager's alert when under).
  await runPacing(deps, hooks);

  // The client's own suppressions, one of them brought by the submitted order's upload.
  await deps.db
    .insert(clientSuppressions)
    .values(SUPPRESSIONS.map((s, k) => ({ orgId: org.id, kind: s.kind, value: s.value, orderId: k === 0 ? ids.get('submitted')! : null, createdBy: clientAdminId })))
    .onConflictDoNothing();

  return { orgId: org.id, clientAdminId, orders: ORDERS.length, linkedCampaigns: campaigns.length, leads: attached.length, suppressions: SUPPRESSIONS.length };
}

// The one gate every touch of a person goes through: the compliance guard (suppressions,
// consent, calling window) and the contact policy (frequency limits, quiet periods, account
// caps), composed in one set-based statement. admitAudience writes the proof (policy version,
// guard rules, when, and per excluded contact the reason); previewAudience only counts.
import { sql, type SQL } from 'drizzle-orm';
import {
  ATTEMPT_KINDS,
  POLICY_EXCLUSION_REASONS,
  type GateChannel,
  type GateCounts,
  type PolicyRules,
} from '@shared/contracts/activity';
import { EXCLUSION_REASONS } from '@shared/contracts/compliance';
import type { Database } from '../../db/connection';
import { queryOne } from '../../db/rows';
import { invalid } from '../../core/app-error';
import { audienceSql, guardClassificationSql, pageZonesSql, type Audience, type CallingWindow } from '../compliance';
import { currentPolicy, policyVersion, withCampaignRules } from './policy';

/** Every reason a contact can be left out, in the order they are tried: compliance first. */
export const GATE_REASONS = [...EXCLUSION_REASONS, ...POLICY_EXCLUSION_REASONS] as const;

export interface GateOptions {
  channel: GateChannel;
  /** The instant the contacts would be reached. */
  at: Date;
  /** A campaign's own rules (only ever added to the policy) and calling window. */
  campaign?: { id: string; rules?: PolicyRules | null; callingWindow?: CallingWindow } | null;
  /** A given policy version instead of the one in force (a replay of an old decision). */
  policyVersion?: number;
  /** The policy in force as the caller has just read it (currentPolicy): a dialer tick reads it once for all its queues. */
  policy?: { version: number; rules: PolicyRules };
}

export interface AdmittedContact {
  contactId: string;
  accountId: string | null;
  /** Email: the address to write to. */
  email: string | null;
  /** Phone: the numbers that may be dialled, direct first. */
  phones: string[];
  /** Phone: the zones the calling window was checked in. */
  timeZones: string[];
}

export interface AdmitOptions extends GateOptions {
  /** What the proof records as the selection (a segment, a list, a filter). */
  selection: unknown;
  actorId: string | null;
  /** How long the proof is kept. */
  retainDays: number;
  /** Hold the admitted contacts (queued, in flight) until this time under this holder: the queue-size account cap counts holds. */
  hold?: { holder: string; until: Date };
}

export interface AdmitResult {
  proofId: string;
  policyVersion: number;
  admitted: AdmittedContact[];
  counts: GateCounts;
}

const touchChannel = (channel: GateChannel) => (channel === 'email' ? 'email' : 'call');
const ATTEMPTS = sql.raw(ATTEMPT_KINDS.map((k) => `'${k}'`).join(', '));

/** `at - hours` as a timestamptz expression. */
const since = (at: string, hours: number) => sql`(${at}::timestamptz - make_interval(hours => ${hours}::int))`;

/**
 * CTEs `gate_guard` (the guard's classification of the audience) … `gate_final` (id, account_id,
 * email, phones, zones, reason): the reason is the guard's, else the first policy rule broken.
 * The policy is read per contact through LATERAL index scans (touches by contact and time; by
 * account and time for connected calls and positive outcomes, each a partial index), so no two
 * CTEs are ever joined on estimates that could turn the join into a loop over both.
 */
function gateCtes(members: SQL, channel: GateChannel, rules: PolicyRules, at: string, guard: { now: Date; callingWindow?: CallingWindow }, holder: string | null): SQL {
  const tc = touchChannel(channel);
  const limits = rules.limits.filter((l) => l.channel === 'any' || l.channel === tc);
  const quiets = rules.quietPeriods.filter((q) => q.channel === 'any' || q.channel === tc);
  const windowCaps = rules.accountCaps.filter((c) => c.mode !== 'queue');
  const queueCaps = rules.accountCaps.filter((c) => c.mode === 'queue');
  const contactHours = Math.max(0, ...limits.map((l) => l.windowHours), ...quiets.map((q) => q.hours));
  const any = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` or `) : sql`false`);

  // Per contact, one aggregate over its touches in the widest window: is a limit reached, does a quiet period run?
  const limitBroken = limits.map((l) => {
    const inChannel = l.channel === 'any' ? sql`true` : sql`t.channel = ${l.channel}`;
    return sql`count(*) filter (where t.kind in (${ATTEMPTS}) and ${inChannel} and t.occurred_at > ${since(at, l.windowHours)}) >= ${l.max}`;
  });
  const quietRuns = quiets.map((q) => {
    const conditions: SQL[] = [sql`t.occurred_at > ${since(at, q.hours)}`];
    if (q.outcome) conditions.push(sql`t.outcome = ${q.outcome}`);
    if (q.disposition) conditions.push(sql`t.disposition = ${q.disposition}`);
    return sql`coalesce(bool_or(${sql.join(conditions, sql` and `)}), false)`;
  });
  const contactLateral =
    limitBroken.length + quietRuns.length
      ? sql`left join lateral (
          select ${any(limitBroken)} as over_limit, ${any(quietRuns)} as quiet
          from touches t
          where b.guard_reason is null and t.contact_id = b.id
            and t.occurred_at > ${since(at, contactHours)} and t.occurred_at <= ${at}::timestamptz
        ) tw on true`
      : sql`left join lateral (select false as over_limit, false as quiet) tw on true`;

  // Per contact with an account, whether a connected-calls or positive-outcomes cap of its account is reached.
  const capLateral = (mode: 'connected' | 'positive', alias: string) => {
    const caps = windowCaps.filter((c) => c.mode === mode);
    const a = sql.raw(alias);
    if (!caps.length) return sql`left join lateral (select false as reached) ${a} on true`;
    const what = mode === 'connected' ? sql`t.kind = 'connected'` : sql`t.outcome = 'positive'`;
    const hours = Math.max(...caps.map((c) => c.windowHours));
    return sql`left join lateral (
        select b.account_id is not null and (${any(caps.map((c) => sql`count(*) filter (where t.occurred_at > ${since(at, c.windowHours)}) >= ${c.max}`))}) as reached
        from touches t
        where b.guard_reason is null and b.account_id is not null and t.account_id = b.account_id and ${what}
          and t.occurred_at > ${since(at, hours)} and t.occurred_at <= ${at}::timestamptz
      ) ${a} on true`;
  };
  const queueMax = queueCaps.length ? Math.min(...queueCaps.map((c) => c.max)) : null;

  return sql`${guardClassificationSql('gate_guard', members, { channel, now: guard.now, callingWindow: guard.callingWindow })},
    gate_policy as (
      select b.id, b.account_id, b.email, b.phones, b.zones,
        coalesce(b.guard_reason, case
          when coalesce(tw.over_limit, false) then 'contact_frequency'
          when coalesce(tw.quiet, false) then 'quiet_period'
          when coalesce(tac.reached, false) or coalesce(tap.reached, false) then 'account_cap'
        end) as reason
      from (
        select g.id, c.account_id, g.email, g.phones, g.zones, g.reason as guard_reason
        from gate_guard g join contacts c on c.id = g.id
      ) b
      ${contactLateral}
      ${capLateral('connected', 'tac')}
      ${capLateral('positive', 'tap')}
    ),
    gate_final as (
      -- Queue-size cap: each account keeps (cap − contacts already held elsewhere) places,
      -- given to its passing contacts in id order.
      ${
        queueMax === null
          ? sql`select p.id, p.account_id, p.email, p.phones, p.zones, p.reason from gate_policy p`
          : sql`select p.id, p.account_id, p.email, p.phones, p.zones,
                  case when p.reason is null and p.account_id is not null
                        and row_number() over (partition by p.account_id, p.reason is null order by p.id)
                            > greatest(${queueMax} - coalesce(h.held, 0), 0)
                       then 'account_cap' else p.reason end as reason
                from gate_policy p
                left join lateral (
                  select count(distinct ch.contact_id)::int as held from contact_holds ch
                  where p.reason is null and p.account_id is not null and ch.account_id = p.account_id
                    and ch.held_until > ${at}::timestamptz ${holder ? sql`and ch.holder <> ${holder}` : sql``}
                ) h on true`
      }
    )`;
}

const countsSql = sql`(select coalesce(json_object_agg(reason, n), '{}'::json)
    from (select reason, count(*)::int as n from gate_final where reason is not null group by reason) r)`;

function toCounts(audience: number, found: Record<string, number>): GateCounts {
  const excluded: Record<string, number> = {};
  let out = 0;
  for (const reason of GATE_REASONS) {
    excluded[reason] = Number(found[reason] ?? 0);
    out += excluded[reason];
  }
  return { audience, admitted: audience - out, excluded };
}

const parseJson = <T>(value: unknown, empty: T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : ((value as T) ?? empty));

async function rulesFor(db: Database, options: GateOptions): Promise<{ version: number; rules: PolicyRules }> {
  const policy = options.policy ?? (options.policyVersion === undefined ? await currentPolicy(db) : await policyVersion(db, options.policyVersion));
  if (!policy) throw invalid('policyVersion', 'no such version of the contact policy');
  return { version: policy.version, rules: withCampaignRules(policy.rules, options.campaign?.rules) };
}

function members(audience: Audience): SQL {
  return sql`select c.id from contacts c where c.deleted_at is null and c.id in (select a.id from (${audienceSql(audience)}) as a(id))`;
}

/** How many of the audience the gate would admit now, and why the others would be left out. Writes nothing. */
export async function previewAudience(db: Database, audience: Audience, options: GateOptions): Promise<GateCounts & { policyVersion: number }> {
  const { version, rules } = await rulesFor(db, options);
  const at = options.at.toISOString();
  const row = await queryOne<{ audience: number; excluded: unknown }>(
    db,
    sql`with ${gateCtes(members(audience), options.channel, rules, at, { now: options.at, callingWindow: options.campaign?.callingWindow }, null)}
      select (select count(*)::int from gate_final) as audience, ${countsSql} as excluded`,
  );
  return { ...toCounts(Number(row?.audience ?? 0), parseJson(row?.excluded, {})), policyVersion: version };
}

/**
 * Admits an audience on a channel at a time: answers the admitted contacts and the counts, and
 * in the same statement writes the proof with each excluded contact's reason (and the holds,
 * when asked). Email snapshots and dialer queue fills call only this.
 */
export async function admitAudience(db: Database, audience: Audience, options: AdmitOptions): Promise<AdmitResult> {
  if (!Number.isInteger(options.retainDays) || options.retainDays < 1) throw invalid('retainDays', 'must be a whole number of days');
  const { version, rules } = await rulesFor(db, options);
  const at = options.at.toISOString();
  const holder = options.hold?.holder ?? null;
  const proofRules = { channel: options.channel, callingWindow: options.campaign?.callingWindow ?? null, campaignRules: options.campaign?.rules ?? null };
  const admit = (tx: Database) =>
    queryOne<{ proof_id: string; audience: number; excluded: unknown; admitted: unknown }>(
      tx,
      sql`with ${gateCtes(members(audience), options.channel, rules, at, { now: options.at, callingWindow: options.campaign?.callingWindow }, holder)},
        gate_proof as (
          insert into gate_proofs (channel, campaign_id, policy_version, rules, selection, at, audience, admitted, excluded, actor_id, retain_until)
          select ${options.channel}, ${options.campaign?.id ?? null}::uuid, ${version}, ${JSON.stringify(proofRules)}::jsonb,
                 ${JSON.stringify(options.selection ?? null)}::jsonb, ${at}::timestamptz,
                 (select count(*)::int from gate_final), (select count(*)::int from gate_final where reason is null),
                 coalesce(${countsSql}::jsonb, '{}'::jsonb), ${options.actorId}::uuid,
                 ${at}::timestamptz + make_interval(days => ${options.retainDays}::int)
          returning id
        ),
        gate_excluded as (
          -- The proof per contact: one row for each left out, with its reason.
          insert into gate_proof_exclusions (proof_id, contact_id, reason)
          select (select id from gate_proof), f.id, f.reason from gate_final f where f.reason is not null
        ),
        gate_hold as (
          ${
            options.hold
              ? sql`insert into contact_holds (contact_id, holder, account_id, held_until)
                  select f.id, ${options.hold.holder}, f.account_id, ${options.hold.until.toISOString()}::timestamptz
                  from gate_final f where f.reason is null
                  on conflict (contact_id, holder) do update set held_until = excluded.held_until, account_id = excluded.account_id
                  returning 1`
              : sql`select 1 where false`
          }
        )
        select (select id from gate_proof) as proof_id,
          (select count(*)::int from gate_final) as audience,
          ${countsSql} as excluded,
          (select coalesce(json_agg(json_build_object('id', p.id, 'account', p.account_id, 'email', p.email, 'phones', p.phones,
                    'zones', ${pageZonesSql(options.channel)}) order by p.id), '[]'::json)
             from gate_final p where p.reason is null) as admitted`,
    );
  // One statement is atomic on its own; admissions that count holds take turns (a transaction
  // with a lock), so two campaigns cannot both take an account's last place.
  const row = rules.accountCaps.some((c) => c.mode === 'queue')
    ? await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('contact-gate'))`);
        return admit(tx as unknown as Database);
      })
    : await admit(db);
  const admitted = parseJson<Array<{ id: string; account: string | null; email: string | null; phones: string[] | null; zones: string[] | null }>>(row?.admitted, []);
  return {
    proofId: row!.proof_id,
    policyVersion: version,
    admitted: admitted.map((c) => ({
      contactId: c.id,
      accountId: c.account,
      email: options.channel === 'email' ? c.email : null,
      phones: options.channel === 'phone' ? (c.phones ?? []) : [],
      timeZones: options.channel === 'phone' ? (c.zones ?? []) : [],
    })),
    counts: toCounts(Number(row?.audience ?? 0), parseJson(row?.excluded, {})),
  };
}

/** Ends holds: a sent email, a finished call, a cancelled campaign. */
export async function releaseHolds(db: Database, holder: string, contactIds?: readonly string[]): Promise<number> {
  const result = await db.execute(
    contactIds
      ? sql`delete from contact_holds where holder = ${holder} and contact_id = any(${sql.param(contactIds)}::uuid[])`
      : sql`delete from contact_holds where holder = ${holder}`,
  );
  return Number((result as { rowCount?: number; affectedRows?: number }).rowCount ?? (result as { affectedRows?: number }).affectedRows ?? 0);
}

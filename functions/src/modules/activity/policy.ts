// The contact policy: frequency limits per channel and across channels, quiet periods after an
// outcome, and per-account caps. Versioned: every change writes a new version (the previous
// ones stay), and the highest version is in force.
import { sql } from 'drizzle-orm';
import { EMPTY_POLICY, policyRulesSchema, type PolicyRules, type PolicyUpdate, type PolicyVersion } from '@shared/contracts/activity';
import type { Database } from '../../db/connection';
import { queryOne, queryRows } from '../../db/rows';
import { AppError } from '../../core/app-error';

interface VersionRow extends Record<string, unknown> {
  version: number;
  rules: unknown;
  note: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date | string | null;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function toVersion(row: VersionRow): PolicyVersion {
  const rules = typeof row.rules === 'string' ? JSON.parse(row.rules) : row.rules;
  return {
    version: Number(row.version),
    rules: policyRulesSchema.parse(rules),
    note: row.note,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: iso(row.created_at),
  };
}

const selectVersions = sql`select v.version, v.rules, v.note, v.created_by, v.created_at,
    nullif(btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), '') as created_by_name
  from contact_policy_versions v left join users u on u.id = v.created_by`;

/** The policy in force; version 0 with no rules before anyone wrote one. */
export async function currentPolicy(db: Database): Promise<PolicyVersion> {
  const row = await queryOne<VersionRow>(db, sql`${selectVersions} order by v.version desc limit 1`);
  return row ? toVersion(row) : { version: 0, rules: EMPTY_POLICY, note: null, createdBy: null, createdByName: null, createdAt: null };
}

/** A given version (the gate's proof names it). */
export async function policyVersion(db: Database, version: number): Promise<PolicyVersion | null> {
  const row = await queryOne<VersionRow>(db, sql`${selectVersions} where v.version = ${version}`);
  return row ? toVersion(row) : null;
}

export async function policyHistory(db: Database, limit = 50): Promise<PolicyVersion[]> {
  return (await queryRows<VersionRow>(db, sql`${selectVersions} order by v.version desc limit ${limit}`)).map(toVersion);
}

/**
 * Writes the next version. `basedOn` is the version the editor started from: when someone saved
 * another in between, the write is refused (409) instead of silently undoing their change.
 */
export async function savePolicy(db: Database, input: { update: PolicyUpdate; actorId: string | null; at: Date }): Promise<PolicyVersion> {
  const next = input.update.basedOn + 1;
  // The primary key on version makes two saves based on the same version race safely: one wins.
  const row = await queryOne<{ version: number }>(
    db,
    sql`insert into contact_policy_versions (version, rules, note, created_by, created_at)
      select ${next}, ${JSON.stringify(input.update.rules)}::jsonb, ${input.update.note ?? null}, ${input.actorId}::uuid, ${input.at.toISOString()}::timestamptz
      where coalesce((select max(version) from contact_policy_versions), 0) = ${input.update.basedOn}
      on conflict (version) do nothing
      returning version`,
  );
  if (!row) {
    throw new AppError('conflict', {
      detail: 'The contact policy was changed by someone else since you opened it. Reload to see their version.',
      extra: { current: (await currentPolicy(db)).version },
    });
  }
  return (await policyVersion(db, next))!;
}

/** A campaign's own rules only ever add to the policy: the union of both is what applies. */
export function withCampaignRules(policy: PolicyRules, campaign: PolicyRules | null | undefined): PolicyRules {
  if (!campaign) return policy;
  return {
    limits: [...policy.limits, ...campaign.limits],
    quietPeriods: [...policy.quietPeriods, ...campaign.quietPeriods],
    accountCaps: [...policy.accountCaps, ...campaign.accountCaps],
  };
}

// Sender profiles: who a campaign is from (name, address at one of the workspace's sending
// domains, reply-to, postal address), which provider sends it, through which IP pool, with which
// tracking domain, warm-up plan and pace. `senderForSending` is what the sending engine reads.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { EmailProviderName, SenderProfile, SenderProfileInput } from '@shared/contracts/email';
import type { Deps } from '../../../core/deps';
import { AppError, invalid, notFound } from '../../../core/app-error';
import { queryOne, queryRows } from '../../../db/rows';
import { emailCampaigns, ipPools, senderProfiles, trackingDomains, warmupPlans } from '../../../db/schema';
import { sendingDomainForAddress } from './sending-domains';
import { dailyCapOn, utcDate } from './warmup-plans';

type Ctx = Pick<Deps, 'db' | 'now'>;

/** A profile with what its view and the sending engine need from the rows it refers to. */
interface ProfileRow extends Record<string, unknown> {
  id: string;
  name: string;
  from_name: string;
  from_address: string;
  reply_to: string | null;
  postal_address: string;
  provider: EmailProviderName;
  sending_domain_id: string;
  domain: string;
  domain_verified: boolean;
  ip_pool_id: string | null;
  configuration_set: string | null;
  tracking_domain_id: string | null;
  tracking_host: string | null;
  warmup_plan_id: string | null;
  daily_caps: number[] | null;
  warmup_started_on: string | null;
  rate_per_second: number;
  created_at: string | Date;
  updated_at: string | Date;
}

const iso = (value: string | Date) => new Date(value).toISOString();

function profileRows(deps: Ctx, where: ReturnType<typeof sql>) {
  return queryRows<ProfileRow>(
    deps.db,
    sql`select p.id, p.name, p.from_name, p.from_address, p.reply_to, p.postal_address, p.provider, p.sending_domain_id,
          d.domain, (d.status = 'verified' and d.dkim_verified) as domain_verified,
          p.ip_pool_id, ip.configuration_set, p.tracking_domain_id,
          case when t.status = 'verified' then t.domain end as tracking_host,
          p.warmup_plan_id, w.daily_caps, p.warmup_started_on::text as warmup_started_on, p.rate_per_second, p.created_at, p.updated_at
        from ${senderProfiles} p
        join sending_domains d on d.id = p.sending_domain_id
        left join ${ipPools} ip on ip.id = p.ip_pool_id
        left join ${trackingDomains} t on t.id = p.tracking_domain_id
        left join ${warmupPlans} w on w.id = p.warmup_plan_id
        where p.deleted_at is null and ${where}
        order by p.name, p.id`,
  );
}

function todaysCap(row: ProfileRow, now: Date): number | null {
  return row.daily_caps && row.warmup_started_on ? dailyCapOn(row.daily_caps, row.warmup_started_on, now) : null;
}

function profileView(row: ProfileRow, now: Date): SenderProfile {
  return {
    id: row.id,
    name: row.name,
    fromName: row.from_name,
    fromAddress: row.from_address,
    replyTo: row.reply_to,
    postalAddress: row.postal_address,
    provider: row.provider,
    sendingDomainId: row.sending_domain_id,
    domainVerified: Boolean(row.domain_verified),
    ipPoolId: row.ip_pool_id,
    trackingDomainId: row.tracking_domain_id,
    warmupPlanId: row.warmup_plan_id,
    warmupStartedOn: row.warmup_started_on,
    ratePerSecond: Number(row.rate_per_second),
    dailyCapToday: todaysCap(row, now),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

async function findProfile(deps: Ctx, id: string): Promise<ProfileRow> {
  const [row] = await profileRows(deps, sql`p.id = ${id}::uuid`);
  if (!row) throw notFound('sender profile');
  return row;
}

export async function listSenderProfiles(deps: Ctx): Promise<SenderProfile[]> {
  const now = deps.now();
  return (await profileRows(deps, sql`true`)).map((row) => profileView(row, now));
}

export async function getSenderProfile(deps: Ctx, id: string): Promise<SenderProfile> {
  return profileView(await findProfile(deps, id), deps.now());
}

/** Checks what the input refers to and answers the columns to store; each problem names its field. */
async function profileColumns(deps: Ctx, input: SenderProfileInput, previous?: ProfileRow) {
  const domain = await sendingDomainForAddress(deps, input.fromAddress);
  if (!domain) {
    const host = input.fromAddress.slice(input.fromAddress.lastIndexOf('@') + 1);
    throw invalid('body.fromAddress', `must be at a sending domain of this workspace (add ${host} under Sending domains first)`);
  }
  const exists = async (table: typeof ipPools | typeof trackingDomains | typeof warmupPlans, id: string | null | undefined) =>
    !id || (await deps.db.select({ id: table.id }).from(table).where(eq(table.id, id))).length > 0;
  if (input.ipPoolId && input.provider !== 'ses') throw invalid('body.ipPoolId', 'IP pools are Amazon SES’s: leave it empty for another provider');
  if (!(await exists(ipPools, input.ipPoolId))) throw invalid('body.ipPoolId', 'is not an IP pool');
  if (!(await exists(trackingDomains, input.trackingDomainId))) throw invalid('body.trackingDomainId', 'is not a tracking domain');
  if (!(await exists(warmupPlans, input.warmupPlanId))) throw invalid('body.warmupPlanId', 'is not a warm-up plan');
  const planId = input.warmupPlanId ?? null;
  // A plan starts the day it is attached unless a date is given; changing the plan restarts it.
  const samePlan = previous && previous.warmup_plan_id === planId;
  const startedOn = planId ? (input.warmupStartedOn ?? (samePlan ? previous.warmup_started_on : null) ?? utcDate(deps.now())) : null;
  return {
    name: input.name,
    fromName: input.fromName,
    fromAddress: input.fromAddress,
    replyTo: input.replyTo ?? null,
    postalAddress: input.postalAddress,
    sendingDomainId: domain.id,
    provider: input.provider,
    ipPoolId: input.ipPoolId ?? null,
    trackingDomainId: input.trackingDomainId ?? null,
    warmupPlanId: planId,
    warmupStartedOn: startedOn,
    ratePerSecond: input.ratePerSecond,
  };
}

export async function createSenderProfile(deps: Ctx, input: SenderProfileInput): Promise<SenderProfile> {
  const columns = await profileColumns(deps, input);
  const now = deps.now();
  const [row] = await deps.db.insert(senderProfiles).values({ ...columns, createdAt: now, updatedAt: now }).returning({ id: senderProfiles.id });
  return getSenderProfile(deps, row!.id);
}

export async function updateSenderProfile(deps: Ctx, id: string, input: SenderProfileInput): Promise<SenderProfile> {
  const previous = await findProfile(deps, id);
  const columns = await profileColumns(deps, input, previous);
  await deps.db
    .update(senderProfiles)
    .set({ ...columns, updatedAt: deps.now() })
    .where(and(eq(senderProfiles.id, id), isNull(senderProfiles.deletedAt)));
  return getSenderProfile(deps, id);
}

const UNFINISHED = ['draft', 'scheduled', 'sending', 'paused'];

/** Soft: past campaigns keep their sender. Refused (409) while an unfinished campaign uses the profile. */
export async function deleteSenderProfile(deps: Ctx, id: string): Promise<void> {
  await findProfile(deps, id);
  const campaign = await queryOne<{ name: string }>(
    deps.db,
    sql`select name from ${emailCampaigns} where sender_profile_id = ${id}::uuid and deleted_at is null
        and status = any(${sql.param(UNFINISHED)}::text[]) order by name limit 1`,
  );
  if (campaign) throw new AppError('conflict', { detail: `The campaign “${campaign.name}” sends from this profile: finish it or choose another sender first.` });
  await deps.db.update(senderProfiles).set({ deletedAt: deps.now(), updatedAt: deps.now() }).where(eq(senderProfiles.id, id));
}

/** What the sending engine needs to send as a profile, and to pace it. */
export interface SenderForSending {
  profileId: string;
  from: { name: string; address: string };
  replyTo: string | null;
  /** Shown in every message's footer (CAN-SPAM). */
  postalAddress: string;
  provider: EmailProviderName;
  /** The sending identity the rate gate counts against: provider and sending domain (one SES identity). */
  identityKey: string;
  /** The sending domain (the SES identity). */
  domain: string;
  /** Verified with DKIM: nothing may be sent otherwise. */
  domainVerified: boolean;
  /** SES: the IP pool's configuration set, else the deployment's (SES_CONFIGURATION_SET); null for other providers. */
  configurationSet: string | null;
  ratePerSecond: number;
  /** Today's (UTC) cap from the warm-up plan; null when none applies. */
  dailyCap: number | null;
  /** The verified tracking domain for open and click links; null to use the product's own host. */
  trackingHost: string | null;
}

export async function senderForSending(deps: Pick<Deps, 'db' | 'now' | 'config'>, profileId: string): Promise<SenderForSending> {
  const row = await findProfile(deps, profileId);
  return {
    profileId: row.id,
    from: { name: row.from_name, address: row.from_address },
    replyTo: row.reply_to,
    postalAddress: row.postal_address,
    provider: row.provider,
    identityKey: `${row.provider}:${row.domain}`,
    domain: row.domain,
    domainVerified: Boolean(row.domain_verified),
    configurationSet: row.provider === 'ses' ? (row.configuration_set ?? deps.config.SES_CONFIGURATION_SET ?? null) : null,
    ratePerSecond: Number(row.rate_per_second),
    dailyCap: todaysCap(row, deps.now()),
    trackingHost: row.tracking_host,
  };
}

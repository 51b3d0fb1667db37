// Sending domains: the SES identity (Easy DKIM) behind each domain mail is sent from, the DNS
// records the customer publishes (DKIM CNAMEs, SPF, DMARC), and its verification state, read from
// SES on demand and by the refresh job while it is pending.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DnsRecord, SendingDomain } from '@shared/contracts/email';
import { AppError, notFound } from '../../../core/app-error';
import { isUniqueViolation } from '../../../db/pg-errors';
import { sendingDomains } from '../../../db/schema';
import { checkedColumns, domainFields } from './domain-checks';
import { refuseWhileUsed } from './profile-references';
import type { SendingIdentityState, SettingsDeps } from './settings-deps';

type Ctx = Pick<SettingsDeps, 'db' | 'now'>;
type DomainRow = typeof sendingDomains.$inferSelect;

function domainView(row: DomainRow): SendingDomain {
  return {
    ...domainFields(row),
    dkimVerified: row.dkimVerified,
    records: row.records as DnsRecord[],
  };
}

const live = (id: string) => and(eq(sendingDomains.id, id), isNull(sendingDomains.deletedAt));

async function findDomain(deps: Ctx, id: string): Promise<DomainRow> {
  const [row] = await deps.db.select().from(sendingDomains).where(live(id));
  if (!row) throw notFound('sending domain');
  return row;
}

const alreadyAdded = (domain: string) => new AppError('conflict', { detail: `${domain} is already a sending domain.` });

export async function listSendingDomains(deps: Ctx): Promise<SendingDomain[]> {
  const rows = await deps.db.select().from(sendingDomains).where(isNull(sendingDomains.deletedAt)).orderBy(asc(sendingDomains.domain));
  return rows.map(domainView);
}

export async function getSendingDomain(deps: Ctx, id: string): Promise<SendingDomain> {
  return domainView(await findDomain(deps, id));
}

/** The state columns SES's answer sets; `verifiedAt` keeps the first time it was seen verified. */
function stateColumns(state: SendingIdentityState, now: Date, previous?: DomainRow) {
  return {
    status: state.status,
    dkimVerified: state.dkimVerified,
    // SES answers the DKIM tokens only while it knows the identity: keep the records we have.
    ...(state.records.length || !previous ? { records: state.records } : {}),
    ...checkedColumns(state.status === 'verified', now, previous?.verifiedAt),
  };
}

/** Creates the SES identity with Easy DKIM and stores the records to publish; the domain starts pending. */
export async function createSendingDomain(deps: Pick<SettingsDeps, 'db' | 'now' | 'identities'>, domain: string): Promise<SendingDomain> {
  const [existing] = await deps.db.select({ id: sendingDomains.id }).from(sendingDomains).where(and(eq(sendingDomains.domain, domain), isNull(sendingDomains.deletedAt)));
  if (existing) throw alreadyAdded(domain);
  const state = await deps.identities.create(domain);
  const now = deps.now();
  const [row] = await deps.db
    .insert(sendingDomains)
    .values({ domain, ...stateColumns(state, now), createdAt: now })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? alreadyAdded(domain) : error;
    });
  return domainView(row!);
}

/** Reads the domain's verification state from SES now and stores it. */
export async function refreshSendingDomain(deps: Pick<SettingsDeps, 'db' | 'now' | 'identities'>, id: string): Promise<SendingDomain> {
  const row = await findDomain(deps, id);
  const state = await deps.identities.refresh(row.domain);
  const [updated] = await deps.db.update(sendingDomains).set(stateColumns(state, deps.now(), row)).where(live(id)).returning();
  if (!updated) throw notFound('sending domain');
  return domainView(updated);
}

/**
 * Refused (409) while a live sender profile sends from the domain. Otherwise the SES identity is
 * deleted and the row kept (soft) for the sender profiles of past campaigns.
 */
export async function deleteSendingDomain(deps: Pick<SettingsDeps, 'db' | 'now' | 'identities'>, id: string): Promise<void> {
  const row = await findDomain(deps, id);
  await refuseWhileUsed(deps.db, 'sendingDomainId', id, (profile) => `The sender profile “${profile}” sends from ${row.domain}: delete it or move it to another domain first.`);
  await deps.identities.remove(row.domain);
  await deps.db.update(sendingDomains).set({ deletedAt: deps.now(), updatedAt: deps.now() }).where(live(id));
}

/** The live domains still waiting for verification, least recently checked first. */
export async function pendingSendingDomainIds(deps: Ctx, limit: number): Promise<string[]> {
  const rows = await deps.db
    .select({ id: sendingDomains.id })
    .from(sendingDomains)
    .where(and(eq(sendingDomains.status, 'pending'), isNull(sendingDomains.deletedAt)))
    .orderBy(sql`${sendingDomains.lastCheckedAt} asc nulls first`, asc(sendingDomains.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** The live sending domain an address is at: its own domain, else the closest parent domain. */
export async function sendingDomainForAddress(deps: Ctx, address: string): Promise<DomainRow | undefined> {
  const host = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  const labels = host.split('.');
  const candidates = labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
  const rows = await deps.db
    .select()
    .from(sendingDomains)
    .where(and(sql`${sendingDomains.domain} = any(${sql.param(candidates)}::text[])`, isNull(sendingDomains.deletedAt)));
  return rows.sort((a, b) => b.domain.length - a.domain.length)[0];
}

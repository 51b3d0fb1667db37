// Tracking domains: a customer's own host name for open and click links, CNAMEd to where the
// product serves /t/. Verified when DNS answers that CNAME; checked on demand and by the refresh
// job while pending.
import { asc, eq, sql } from 'drizzle-orm';
import type { TrackingDomain } from '@shared/contracts/email';
import { AppError, notFound } from '../../../core/app-error';
import { isUniqueViolation } from '../../../db/pg-errors';
import { trackingDomains } from '../../../db/schema';
import { checkedColumns, domainFields } from './domain-checks';
import { refuseWhileUsed } from './profile-references';
import type { SettingsDeps } from './settings-deps';

type Ctx = Pick<SettingsDeps, 'db' | 'now'>;
type TrackingRow = typeof trackingDomains.$inferSelect;

function trackingView(row: TrackingRow): TrackingDomain {
  return {
    ...domainFields(row),
    cnameTarget: row.cnameTarget,
  };
}

async function findTrackingDomain(deps: Ctx, id: string): Promise<TrackingRow> {
  const [row] = await deps.db.select().from(trackingDomains).where(eq(trackingDomains.id, id));
  if (!row) throw notFound('tracking domain');
  return row;
}

const hostName = (name: string) => name.toLowerCase().replace(/\.$/, '');

export async function listTrackingDomains(deps: Ctx): Promise<TrackingDomain[]> {
  return (await deps.db.select().from(trackingDomains).orderBy(asc(trackingDomains.domain))).map(trackingView);
}

export async function getTrackingDomain(deps: Ctx, id: string): Promise<TrackingDomain> {
  return trackingView(await findTrackingDomain(deps, id));
}

/** Adds a tracking domain, pending until its CNAME points at the tracking host. */
export async function createTrackingDomain(deps: Pick<SettingsDeps, 'db' | 'now' | 'config'>, domain: string): Promise<TrackingDomain> {
  const target = deps.config.EMAIL_TRACKING_CNAME_TARGET;
  if (!target) {
    throw new AppError('unprocessable', { detail: 'No tracking host is configured (EMAIL_TRACKING_CNAME_TARGET), so there is nothing to point a tracking domain at.' });
  }
  if (hostName(domain) === target) throw new AppError('invalid', { errors: [{ field: 'body.domain', message: 'is the tracking host itself' }], detail: 'body.domain: is the tracking host itself' });
  const now = deps.now();
  const [row] = await deps.db
    .insert(trackingDomains)
    .values({ domain, cnameTarget: target, status: 'pending', createdAt: now, updatedAt: now })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? new AppError('conflict', { detail: `${domain} is already a tracking domain.` }) : error;
    });
  return trackingView(row!);
}

/** Looks the CNAME up now: verified when it points at the target; a domain that stops pointing there is pending again. */
export async function refreshTrackingDomain(deps: Pick<SettingsDeps, 'db' | 'now' | 'resolveCname'>, id: string): Promise<TrackingDomain> {
  const row = await findTrackingDomain(deps, id);
  const targets = (await deps.resolveCname(row.domain)).map(hostName);
  const verified = targets.includes(hostName(row.cnameTarget));
  const [updated] = await deps.db
    .update(trackingDomains)
    .set({ status: verified ? 'verified' : 'pending', ...checkedColumns(verified, deps.now(), row.verifiedAt) })
    .where(eq(trackingDomains.id, id))
    .returning();
  return trackingView(updated!);
}

/** Refused (409) while a live sender profile puts its links on the domain. */
export async function deleteTrackingDomain(deps: Ctx, id: string): Promise<void> {
  const row = await findTrackingDomain(deps, id);
  await refuseWhileUsed(deps.db, 'trackingDomainId', id, (profile) => `The sender profile “${profile}” tracks links on ${row.domain}: give it another tracking domain first.`);
  await deps.db.delete(trackingDomains).where(eq(trackingDomains.id, id));
}

/** Tracking domains waiting for their CNAME, least recently checked first. */
export async function pendingTrackingDomainIds(deps: Ctx, limit: number): Promise<string[]> {
  const rows = await deps.db
    .select({ id: trackingDomains.id })
    .from(trackingDomains)
    .where(eq(trackingDomains.status, 'pending'))
    .orderBy(sql`${trackingDomains.lastCheckedAt} asc nulls first`, asc(trackingDomains.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

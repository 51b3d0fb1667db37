// What sending and tracking domains share: a host name verified by a check, when it was last
// checked and first seen verified, stored by the check and shown in the API.
import type { DomainStatus } from '@shared/contracts/email';

/** The columns a check sets; `verifiedAt` keeps the first time the domain was seen verified. */
export function checkedColumns(verified: boolean, now: Date, previousVerifiedAt: Date | null = null) {
  return { lastCheckedAt: now, verifiedAt: verified ? (previousVerifiedAt ?? now) : null, updatedAt: now };
}

interface DomainRow {
  id: string;
  domain: string;
  status: string;
  lastCheckedAt: Date | null;
  verifiedAt: Date | null;
  createdAt: Date;
}

/** The fields both kinds of domain answer in the API. */
export function domainFields(row: DomainRow) {
  return {
    id: row.id,
    domain: row.domain,
    status: row.status as DomainStatus,
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

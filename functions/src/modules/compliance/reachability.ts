// How many of an audience the compliance guard would leave out, per channel and reason: what a
// person sees before making a list of it. The guard's own counts, so the numbers never disagree
// with what a send or a dial would do.
import type { SQL } from 'drizzle-orm';
import type { ExclusionReason } from '@shared/contracts/compliance';
import { applyComplianceGuard } from './guard';
import type { Db } from './suppressions-repo';

export interface ChannelExclusions {
  /** Live contacts in the audience. */
  audience: number;
  email: Record<ExclusionReason, number>;
  phone: Record<ExclusionReason, number>;
}

/** Both channels' exclusion counts of an audience (a query selecting one column of contact ids). */
export async function countExclusions(db: Db, audience: SQL): Promise<ChannelExclusions> {
  // A page of one: only the counts over the whole audience are wanted.
  const [email, phone] = await Promise.all([
    applyComplianceGuard(db, { kind: 'query', sql: audience }, { channel: 'email', limit: 1, counts: true }),
    applyComplianceGuard(db, { kind: 'query', sql: audience }, { channel: 'phone', limit: 1, counts: true }),
  ]);
  return { audience: email.counts!.audience, email: email.counts!.excluded, phone: phone.counts!.excluded };
}

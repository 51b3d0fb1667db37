// Which live sender profile uses a setting: a domain, pool, tracking domain or warm-up plan in use
// is not deleted (409 naming the profile).
import { and, asc, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { senderProfiles } from '../../../db/schema';

type Reference = 'sendingDomainId' | 'ipPoolId' | 'trackingDomainId' | 'warmupPlanId';

/** The name of the first live sender profile whose `reference` is `id`, if any. */
export async function profileUsing(db: Database, reference: Reference, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ name: senderProfiles.name })
    .from(senderProfiles)
    .where(and(eq(senderProfiles[reference], id), isNull(senderProfiles.deletedAt)))
    .orderBy(asc(senderProfiles.name))
    .limit(1);
  return row?.name;
}

/** Refuses (409) while a live sender profile uses the setting; `why` says how, naming the profile. */
export async function refuseWhileUsed(db: Database, reference: Reference, id: string, why: (profile: string) => string): Promise<void> {
  const profile = await profileUsing(db, reference, id);
  if (profile) throw new AppError('conflict', { detail: why(profile) });
}

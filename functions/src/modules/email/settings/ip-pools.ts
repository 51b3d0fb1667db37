// IP pools: a dedicated SES IP pool and the configuration set that sends through it (publishing
// its events to EventBridge like the default one). Sender profiles pick a pool; sending uses the
// pool's configuration set.
import { asc, eq } from 'drizzle-orm';
import type { IpPool } from '@shared/contracts/email';
import { AppError, notFound } from '../../../core/app-error';
import { isUniqueViolation } from '../../../db/pg-errors';
import { ipPools } from '../../../db/schema';
import { refuseWhileUsed } from './profile-references';
import type { SettingsDeps } from './settings-deps';

type Ctx = Pick<SettingsDeps, 'db' | 'now'>;
type PoolRow = typeof ipPools.$inferSelect;

/** The configuration set of a pool: SES names allow letters, digits, `_` and `-`. */
export const poolConfigurationSet = (poolName: string): string => `pivotal-pool-${poolName}`;

function poolView(row: PoolRow): IpPool {
  return { id: row.id, name: row.name, description: row.description, configurationSet: row.configurationSet, createdAt: row.createdAt.toISOString() };
}

export async function listIpPools(deps: Ctx): Promise<IpPool[]> {
  return (await deps.db.select().from(ipPools).orderBy(asc(ipPools.name))).map(poolView);
}

export async function getIpPool(deps: Ctx, id: string): Promise<IpPool> {
  const [row] = await deps.db.select().from(ipPools).where(eq(ipPools.id, id));
  if (!row) throw notFound('IP pool');
  return poolView(row);
}

const nameTaken = (name: string) => new AppError('conflict', { detail: `There is already an IP pool named ${name}.` });

/** Creates the SES pool and its configuration set (both idempotent), then records the pool. */
export async function createIpPool(deps: Pick<SettingsDeps, 'db' | 'now' | 'identities'>, input: { name: string; description?: string | null }): Promise<IpPool> {
  const [existing] = await deps.db.select({ id: ipPools.id }).from(ipPools).where(eq(ipPools.name, input.name));
  if (existing) throw nameTaken(input.name);
  const configurationSet = poolConfigurationSet(input.name);
  await deps.identities.ensurePool({ name: input.name, configurationSet });
  const now = deps.now();
  const [row] = await deps.db
    .insert(ipPools)
    .values({ name: input.name, description: input.description ?? null, configurationSet, createdAt: now, updatedAt: now })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? nameTaken(input.name) : error;
    });
  return poolView(row!);
}

/**
 * Refused (409) while a live sender profile sends through the pool. The SES pool and its
 * configuration set are left in place: dedicated IPs are leased and released in the SES console.
 */
export async function deleteIpPool(deps: Ctx, id: string): Promise<void> {
  const pool = await getIpPool(deps, id);
  await refuseWhileUsed(deps.db, 'ipPoolId', id, (profile) => `The sender profile “${profile}” sends through ${pool.name}: give it another pool first.`);
  await deps.db.delete(ipPools).where(eq(ipPools.id, id));
}

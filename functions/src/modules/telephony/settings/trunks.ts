// SIP trunks (Settings → Telephony): several Telnyx credential connections, each with its password
// sealed at rest (sealed-secrets.ts) and never read back — the browser sees a hint of its last two
// characters — at most one default, an active switch and the caller ids calls may show.
import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Trunk, TrunkInput, TrunkOption, TrunkUpdate } from '@shared/contracts/telephony';
import type { Deps } from '../../../core/deps';
import { AppError, notFound } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { isUniqueViolation, pgConstraint } from '../../../db/pg-errors';
import { queryRows } from '../../../db/rows';
import { callCampaigns, sipTrunks } from '../../../db/schema';
import type { SealedSecrets } from './sealed-secrets';

export interface TrunkDeps extends Pick<Deps, 'db' | 'now'> {
  secrets: SealedSecrets;
}

type TrunkRow = typeof sipTrunks.$inferSelect;

/** "••••••3x": enough to tell which password is stored, not enough to guess it. */
export const secretHint = (password: string) => `••••••${password.slice(-2)}`;

export function trunkView(row: TrunkRow): Trunk {
  return {
    id: row.id,
    name: row.name,
    sipHost: row.sipHost,
    sipUsername: row.sipUsername,
    secretHint: row.secretHint,
    connectionId: row.connectionId,
    callerIds: row.callerIds,
    isDefault: row.isDefault,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const live = (id: string) => and(eq(sipTrunks.id, id), isNull(sipTrunks.deletedAt));

async function findTrunk(db: Database, id: string): Promise<TrunkRow> {
  const [row] = await db.select().from(sipTrunks).where(live(id));
  if (!row) throw notFound('trunk');
  return row;
}

/** The unique indexes' refusals as what the admin can act on. */
function conflictOf(error: unknown, name: string | undefined): unknown {
  if (!isUniqueViolation(error)) return error;
  return pgConstraint(error) === 'sip_trunks_default_key'
    ? new AppError('conflict', { detail: 'Another trunk became the default at the same moment: reload and try again.' })
    : new AppError('conflict', { detail: `A trunk named “${name ?? ''}” already exists.`, errors: [{ field: 'body.name', message: 'is already the name of a trunk' }] });
}

const uniqueCallerIds = (ids: readonly string[]) => [...new Set(ids)];

/** Live trunks, the default first, then by name. */
export async function listTrunks(deps: Pick<Deps, 'db'>): Promise<Trunk[]> {
  const rows = await deps.db.select().from(sipTrunks).where(isNull(sipTrunks.deletedAt)).orderBy(desc(sipTrunks.isDefault), asc(sipTrunks.name));
  return rows.map(trunkView);
}

export async function getTrunk(deps: Pick<Deps, 'db'>, id: string): Promise<Trunk> {
  return trunkView(await findTrunk(deps.db, id));
}

/**
 * The default moves in the same transaction as the write that claims it: the old default is
 * cleared first, because the partial unique index on `is_default` is checked row by row and one
 * statement flipping both rows could meet the old one still set.
 */
async function clearOtherDefault(tx: Database, keep: string, now: Date): Promise<void> {
  await tx
    .update(sipTrunks)
    .set({ isDefault: false, updatedAt: now })
    .where(and(eq(sipTrunks.isDefault, true), isNull(sipTrunks.deletedAt), ne(sipTrunks.id, keep)));
}

export async function createTrunk(deps: TrunkDeps, input: TrunkInput): Promise<Trunk> {
  // The id is drawn first: the sealed password is bound to it (its AAD, or its secret's name).
  const [{ id }] = (await queryRows<{ id: string }>(deps.db, sql`select uuid_generate_v7()::text as id`)) as [{ id: string }];
  const secretRef = await deps.secrets.seal(id, input.sipPassword);
  const now = deps.now();
  try {
    const row = await deps.db.transaction(async (txn) => {
      const tx = txn as unknown as Database;
      if (input.isDefault) await clearOtherDefault(tx, id, now);
      const [inserted] = await tx
        .insert(sipTrunks)
        .values({
          id,
          name: input.name,
          sipHost: input.sipHost.toLowerCase(),
          sipUsername: input.sipUsername,
          secretRef,
          secretHint: secretHint(input.sipPassword),
          connectionId: input.connectionId,
          callerIds: uniqueCallerIds(input.callerIds),
          isDefault: input.isDefault,
          active: input.active,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return inserted!;
    });
    return trunkView(row);
  } catch (error) {
    // The row never existed: do not leave its secret behind.
    await deps.secrets.remove(secretRef).catch(() => undefined);
    throw conflictOf(error, input.name);
  }
}

export async function updateTrunk(deps: TrunkDeps, id: string, input: TrunkUpdate): Promise<Trunk> {
  const current = await findTrunk(deps.db, id);
  const now = deps.now();
  try {
    const row = await deps.db.transaction(async (txn) => {
      const tx = txn as unknown as Database;
      if (input.isDefault === true && !current.isDefault) await clearOtherDefault(tx, id, now);
      const [updated] = await tx
        .update(sipTrunks)
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.sipHost !== undefined ? { sipHost: input.sipHost.toLowerCase() } : {}),
          ...(input.sipUsername !== undefined ? { sipUsername: input.sipUsername } : {}),
          ...(input.connectionId !== undefined ? { connectionId: input.connectionId } : {}),
          ...(input.callerIds !== undefined ? { callerIds: uniqueCallerIds(input.callerIds) } : {}),
          ...(input.isDefault !== undefined ? { isDefault: input.isDefault } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
          updatedAt: now,
        })
        .where(live(id))
        .returning();
      if (!updated) throw notFound('trunk');
      if (input.sipPassword === undefined) return updated;
      // Sealed only once the rest of the change has passed (a clashing name leaves the stored
      // password as it was); a failure to seal rolls the whole change back.
      const [sealed] = await tx
        .update(sipTrunks)
        .set({ secretRef: await deps.secrets.seal(id, input.sipPassword), secretHint: secretHint(input.sipPassword) })
        .where(eq(sipTrunks.id, id))
        .returning();
      return sealed!;
    });
    return trunkView(row);
  } catch (error) {
    throw conflictOf(error, input.name);
  }
}

/**
 * Soft delete, refused (409) while a running or paused campaign places its calls through the
 * trunk — named, or as the default it falls back to. The password is forgotten with it.
 */
export async function deleteTrunk(deps: TrunkDeps, id: string): Promise<void> {
  const row = await findTrunk(deps.db, id);
  const users = await deps.db
    .select({ name: callCampaigns.name })
    .from(callCampaigns)
    .where(
      and(
        isNull(callCampaigns.deletedAt),
        inArray(callCampaigns.status, ['active', 'paused']),
        row.isDefault ? or(eq(callCampaigns.trunkId, id), isNull(callCampaigns.trunkId)) : eq(callCampaigns.trunkId, id),
      ),
    )
    .orderBy(asc(callCampaigns.name))
    .limit(3);
  if (users.length) {
    const names = users.map((u) => `“${u.name}”`).join(', ');
    throw new AppError('conflict', { detail: `The campaign${users.length === 1 ? '' : 's'} ${names} call${users.length === 1 ? 's' : ''} through ${row.name}: complete ${users.length === 1 ? 'it' : 'them'} or move ${users.length === 1 ? 'it' : 'them'} to another trunk first.` });
  }
  const now = deps.now();
  await deps.db.update(sipTrunks).set({ deletedAt: now, updatedAt: now, isDefault: false }).where(live(id));
  await deps.secrets.remove(row.secretRef);
}

/** The trunk a campaign calls through: its own when live and active, else the active default (null: none). */
export async function trunkForCampaign(db: Database, trunkId: string | null): Promise<TrunkRow | null> {
  const [row] = await db
    .select()
    .from(sipTrunks)
    .where(and(isNull(sipTrunks.deletedAt), eq(sipTrunks.active, true), trunkId ? eq(sipTrunks.id, trunkId) : eq(sipTrunks.isDefault, true)));
  return row ?? null;
}

/** A trunk's password, opened for a Telnyx call that needs it (never for the browser). */
export async function openTrunkPassword(deps: TrunkDeps, id: string): Promise<string> {
  const row = await findTrunk(deps.db, id);
  return deps.secrets.open(row.id, row.secretRef);
}

/** What a campaign manager chooses a trunk and caller id from: names and numbers, no credentials. */
export async function trunkOptions(db: Database): Promise<TrunkOption[]> {
  return db
    .select({ id: sipTrunks.id, name: sipTrunks.name, isDefault: sipTrunks.isDefault, active: sipTrunks.active, callerIds: sipTrunks.callerIds })
    .from(sipTrunks)
    .where(isNull(sipTrunks.deletedAt))
    .orderBy(desc(sipTrunks.isDefault), asc(sipTrunks.name));
}

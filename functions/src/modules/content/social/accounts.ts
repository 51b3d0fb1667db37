// Connected social accounts: a pasted access token is verified with its platform (whose account it
// is), then sealed (the row keeps the sealed store's reference, never the token). Connecting the same
// account again replaces its token; disconnecting forgets the token and keeps the account (and its
// posts' history) as disconnected.
import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { ConnectAccountInput, SocialAccountView, SocialPlatform } from '@shared/contracts/content-social';
import { AppError, notFound } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { socialAccounts, users } from '../../../db/schema';
import { SocialError } from './platforms';
import type { SocialKit } from './social-kit';

/** What a row keeps once its token is forgotten (the column is required). */
export const NO_TOKEN = 'none';

const userName = sql<string | null>`nullif(trim(concat_ws(' ', ${users.firstName}, ${users.lastName})), '')`;

function view(row: typeof socialAccounts.$inferSelect & { connectedByName: string | null }): SocialAccountView {
  return {
    id: row.id,
    platform: row.platform as SocialPlatform,
    name: row.name,
    externalId: row.externalId,
    state: row.state as SocialAccountView['state'],
    lastError: row.lastError,
    tokenExpiresAt: row.tokenExpiresAt?.toISOString() ?? null,
    connectedBy: row.connectedBy ? { id: row.connectedBy, name: row.connectedByName ?? 'Unknown user' } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function selectAccounts(db: Database, id?: string): Promise<SocialAccountView[]> {
  const rows = await db
    .select({ account: socialAccounts, connectedByName: userName })
    .from(socialAccounts)
    .leftJoin(users, eq(users.id, socialAccounts.connectedBy))
    .where(id ? eq(socialAccounts.id, id) : undefined)
    .orderBy(asc(socialAccounts.platform), asc(socialAccounts.name));
  return rows.map((r) => view({ ...r.account, connectedByName: r.connectedByName }));
}

export const listAccounts = (db: Database) => selectAccounts(db);

export async function getAccount(db: Database, id: string): Promise<SocialAccountView> {
  const [account] = await selectAccounts(db, id);
  if (!account) throw notFound('social account');
  return account;
}

/** Verifies the token with the platform, seals it and keeps the account (201; the same account again is updated). */
export async function connectAccount(deps: Deps, kit: SocialKit, input: ConnectAccountInput, userId: string | null): Promise<SocialAccountView> {
  let who: { externalId: string; name: string };
  try {
    who = await kit.adapters[input.platform].verify(input.accessToken);
  } catch (error) {
    if (!(error instanceof SocialError)) throw error;
    if (error.kind === 'auth' || error.kind === 'rejected') {
      throw new AppError('invalid', { detail: error.message, errors: [{ field: 'body.accessToken', message: `was refused by ${error.message.split(' ')[0]}` }] });
    }
    throw new AppError('unavailable', { detail: error.message, cause: error });
  }
  const now = deps.now();
  const [existing] = await deps.db
    .select({ id: socialAccounts.id, tokenRef: socialAccounts.tokenRef })
    .from(socialAccounts)
    .where(sql`${socialAccounts.platform} = ${input.platform} and ${socialAccounts.externalId} = ${who.externalId}`);
  const id = existing?.id ?? randomUUID();
  // The envelope is bound to the account's id, so an envelope copied onto another row does not open.
  const tokenRef = await kit.secrets.seal(id, input.accessToken);
  const fields = {
    name: who.name.slice(0, 200),
    tokenRef,
    tokenExpiresAt: input.tokenExpiresAt ? new Date(input.tokenExpiresAt) : null,
    state: 'connected',
    lastError: null,
    connectedBy: userId,
    updatedAt: now,
  };
  if (existing) {
    await deps.db.update(socialAccounts).set(fields).where(eq(socialAccounts.id, id));
  } else {
    await deps.db
      .insert(socialAccounts)
      .values({ id, platform: input.platform, externalId: who.externalId, createdAt: now, ...fields })
      // Two people connecting the same account at once: the second one's token wins.
      .onConflictDoUpdate({ target: [socialAccounts.platform, socialAccounts.externalId], set: fields });
  }
  return getAccount(deps.db, id);
}

/** Forgets the token; the account stays, disconnected (its scheduled posts fail until it is connected again). */
export async function disconnectAccount(deps: Deps, kit: SocialKit, id: string): Promise<SocialAccountView> {
  const [row] = await deps.db.select({ tokenRef: socialAccounts.tokenRef }).from(socialAccounts).where(eq(socialAccounts.id, id));
  if (!row) throw notFound('social account');
  if (row.tokenRef !== NO_TOKEN) await kit.secrets.remove(row.tokenRef);
  await deps.db.update(socialAccounts).set({ tokenRef: NO_TOKEN, state: 'disconnected', lastError: null, updatedAt: deps.now() }).where(eq(socialAccounts.id, id));
  return getAccount(deps.db, id);
}

// Account use cases: create-or-merge by domain (or by name when there is no domain), read with
// its live contact count, versioned update, soft delete, restore and the keyset-paginated list.
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Account,
  AccountListResponse,
  accountCreateSchema,
  accountListQuerySchema,
  accountUpdateSchema,
} from '@shared/contracts/accounts';
import type { Deps } from '../../core/deps';
import { accounts, contacts } from '../../db/schema';
import { invalid, notFound } from '../../core/app-error';
import { accountValues } from './account-values';
import { ACCOUNT_RESOURCE } from '../../records/fields';
import { listRecords } from '../../records/list-records';
import type { Actor } from '../../core/actor';
import { findById, restoreRecord, softDeleteRecord, updateRecord, upsertRecord } from './record-store';
import { accountView, type AccountRow } from '../../records/views';
import { accountVisibleTo, contactVisibleTo, type RecordReader } from '../../records/record-scope';

type Ctx = Pick<Deps, 'db' | 'now'>;

export async function createAccount(
  deps: Ctx,
  input: { request: z.output<typeof accountCreateSchema>; actor: Actor },
): Promise<{ record: Account; created: boolean }> {
  const values = accountValues(input.request, { creating: true });
  if (!values.name) throw invalid('body.name', 'is required');
  const key = values.domain
    ? {
        conflict: sql`(domain) where deleted_at is null and domain is not null`,
        naturalKey: eq(accounts.domain, values.domain),
      }
    : {
        conflict: sql`(lower(name)) where deleted_at is null and domain is null`,
        naturalKey: and(isNull(accounts.domain), sql`lower(${accounts.name}) = lower(${values.name})`)!,
      };
  const { row, created } = await upsertRecord(deps.db, { entity: 'account', table: accounts, ...key }, values, {
    actor: input.actor,
    now: deps.now(),
  });
  return { record: accountView(row as unknown as AccountRow), created };
}

/** One account; an account out of the reader's reach is not found, like a missing one. */
export async function getAccount(deps: Ctx, input: { id: string; reader: RecordReader; includeDeleted?: boolean }): Promise<Account> {
  const row = await findById(deps.db, accounts, input.id, { includeDeleted: input.includeDeleted ?? true, visible: accountVisibleTo(input.reader) });
  if (!row) throw notFound('account');
  // The count is of the contacts the reader can list on the account's page.
  const [counted] = await deps.db
    .select({ n: count() })
    .from(contacts)
    .where(and(eq(contacts.accountId, input.id), isNull(contacts.deletedAt), contactVisibleTo(input.reader)));
  return accountView(row as unknown as AccountRow, { contactCount: Number(counted?.n ?? 0) });
}

export async function updateAccount(
  deps: Ctx,
  input: { id: string; request: z.output<typeof accountUpdateSchema>; version: number; actor: Actor },
): Promise<Account> {
  const { version: _version, ...fields } = input.request;
  const values = accountValues(fields, { creating: false });
  const row = await updateRecord(deps.db, { entity: 'account', table: accounts, id: input.id, values, version: input.version }, { actor: input.actor, now: deps.now() });
  return accountView(row as unknown as AccountRow);
}

export async function deleteAccount(deps: Ctx, input: { id: string; actor: Actor }): Promise<void> {
  await softDeleteRecord(deps.db, { entity: 'account', table: accounts, id: input.id }, { actor: input.actor, now: deps.now() });
}

export async function restoreAccount(deps: Ctx, input: { id: string; actor: Actor }): Promise<Account> {
  const row = await restoreRecord(deps.db, { entity: 'account', table: accounts, id: input.id }, { actor: input.actor, now: deps.now() });
  return accountView(row as unknown as AccountRow);
}

export async function listAccounts(
  deps: Pick<Deps, 'db'>,
  query: z.output<typeof accountListQuerySchema>,
  reader: RecordReader,
): Promise<AccountListResponse> {
  const page = await listRecords<AccountRow>(deps.db, ACCOUNT_RESOURCE, accounts, { ...query, where: accountVisibleTo(reader) });
  return { items: page.rows.map((row) => accountView(row)), nextCursor: page.nextCursor, total: page.total };
}

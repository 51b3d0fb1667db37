// Static lists: named sets of contacts that change only when someone adds or removes members.
// Adding and removing are set-based — one INSERT … SELECT or DELETE for any number of contacts,
// by ids or by a filter in the segment language across all pages. Deleting a list is soft (its
// name is free again; members stay until the list is purged). Member pages are the contact list's
// keyset pages, in the same row shape.
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { BulkSelection, ContactListResponse } from '@shared/contracts/accounts';
import type { listCreateSchema, listMembersQuerySchema, listUpdateSchema, ListMembersResult, StaticList } from '@shared/contracts/audience';
import type { Deps } from '../../core/deps';
import type { Database } from '../../db/connection';
import { queryOne, queryRows } from '../../db/rows';
import { contacts, staticLists } from '../../db/schema';
import { AppError, notFound } from '../../core/app-error';
import { contactViews } from '../accounts';
import { ACCOUNT_RESOURCE } from '../../records/fields';
import { listRecords } from '../../records/list-records';
import { isUniqueViolation } from '../../db/pg-errors';
import { selectionCondition } from '../../records/selection';
import type { ContactRow } from '../../records/views';
import { SEGMENT_RESOURCE } from '../../records/segment-fields';
import { withoutJit } from '../../db/planner-settings';
import { contactVisibleTo, type RecordReader } from '../../records/record-scope';
import { softDeleteNamed } from './soft-delete';

type Ctx = Pick<Deps, 'db' | 'now' | 'hooks'>;
type ListRow = typeof staticLists.$inferSelect;

export interface ListOrigin {
  origin: StaticList['origin'];
  originId?: string | null;
}

function listView(row: ListRow, memberCount: number): StaticList {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    origin: row.origin as StaticList['origin'],
    originId: row.originId,
    memberCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('conflict', { detail: 'Another list has this name.' });
  throw error;
}

/** `and …` keeping members to the reader's reach: an agent counts and pages only the members they may read. */
const membersInReach = (reader: RecordReader | undefined, contactId: SQL): SQL => {
  const visible = reader ? contactVisibleTo(reader, contactId) : undefined;
  return visible ? sql`and ${visible}` : sql``;
};

async function memberCount(db: Database, listId: string, reader?: RecordReader): Promise<number> {
  const row = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from static_list_members m join contacts c on c.id = m.contact_id and c.deleted_at is null
        where m.list_id = ${listId}::uuid ${membersInReach(reader, sql`m.contact_id`)}`,
  );
  return Number(row?.n ?? 0);
}

/** The live list, or 404. */
export async function findLiveList(db: Database, id: string): Promise<ListRow> {
  const [row] = await db.select().from(staticLists).where(and(eq(staticLists.id, id), isNull(staticLists.deletedAt)));
  if (!row) throw notFound('list');
  return row;
}

export async function createList(
  deps: Ctx,
  input: { request: z.output<typeof listCreateSchema>; userId: string | null } & Partial<ListOrigin>,
): Promise<StaticList> {
  const now = deps.now();
  const row = await deps.db
    .insert(staticLists)
    .values({
      name: input.request.name,
      description: input.request.description ?? null,
      origin: input.origin ?? 'manual',
      originId: input.originId ?? null,
      createdBy: input.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .catch(nameTaken);
  return listView(row[0]!, 0);
}

/** One live list; its member count is of the members the reader may read (all of them when no reader is given: the writers' own answers). */
export async function getList(deps: Ctx, id: string, reader?: RecordReader): Promise<StaticList> {
  const row = await findLiveList(deps.db, id);
  return listView(row, await memberCount(deps.db, id, reader));
}

/** Live lists, newest first, each with its live member count (one grouped query). */
export async function listLists(deps: Ctx, reader: RecordReader): Promise<{ items: StaticList[] }> {
  const rows = await deps.db.select().from(staticLists).where(isNull(staticLists.deletedAt)).orderBy(sql`${staticLists.createdAt} desc, ${staticLists.id} desc`).limit(500);
  if (rows.length === 0) return { items: [] };
  const counts = await queryRows<{ list_id: string; n: number }>(
    deps.db,
    sql`select m.list_id, count(*)::int as n from static_list_members m join contacts c on c.id = m.contact_id and c.deleted_at is null
        where m.list_id = any(${`{${rows.map((r) => r.id).join(',')}}`}::uuid[]) ${membersInReach(reader, sql`m.contact_id`)} group by m.list_id`,
  );
  const byId = new Map(counts.map((r) => [r.list_id, Number(r.n)]));
  return { items: rows.map((r) => listView(r, byId.get(r.id) ?? 0)) };
}

export async function updateList(deps: Ctx, input: { id: string; request: z.output<typeof listUpdateSchema> }): Promise<StaticList> {
  await findLiveList(deps.db, input.id);
  const set: Partial<typeof staticLists.$inferInsert> = { updatedAt: deps.now() };
  if (input.request.name !== undefined) set.name = input.request.name;
  if (input.request.description !== undefined) set.description = input.request.description;
  await deps.db.update(staticLists).set(set).where(eq(staticLists.id, input.id)).catch(nameTaken);
  return getList(deps, input.id);
}

/** Soft delete: the list disappears (and stops matching "is in list" criteria); members are kept. */
export async function deleteList(deps: Ctx, id: string): Promise<void> {
  await softDeleteNamed(deps, staticLists, id, 'list');
}

/** The contacts a selection covers, in the segment language (live contacts only). */
export function contactSelection(selection: BulkSelection, path = 'body.selection.filter'): SQL {
  if ('ids' in selection) return selectionCondition(SEGMENT_RESOURCE, { ids: selection.ids });
  return selectionCondition(SEGMENT_RESOURCE, { filter: selection.filter, q: selection.q, except: selection.except }, path);
}

/**
 * Adds the selected live contacts to a live list: one INSERT … SELECT for the whole selection
 * (members already there are left as they are). The accounts bulk bar's "add to list" calls this.
 */
export async function addContactsToList(db: Database, listId: string, selection: BulkSelection): Promise<{ added: number }> {
  const where = contactSelection(selection);
  await findLiveList(db, listId);
  const row = await withoutJit(db, (tx) =>
    queryOne<{ n: number }>(
      tx,
      sql`with ins as (
            insert into static_list_members (list_id, contact_id)
            select ${listId}::uuid, ${contacts.id} from ${contacts} where ${where}
            on conflict do nothing returning 1)
          select count(*)::int as n from ins`,
    ),
  );
  return { added: Number(row?.n ?? 0) };
}

/**
 * Adds the live contacts of the selected accounts (ids, or an account filter across all pages) to
 * a live list, in one INSERT … SELECT: the accounts bulk bar's "add to list" on accounts.
 */
export async function addAccountContactsToList(db: Database, listId: string, selection: BulkSelection): Promise<{ added: number }> {
  const accountsWhere =
    'ids' in selection
      ? selectionCondition(ACCOUNT_RESOURCE, { ids: selection.ids })
      : selectionCondition(ACCOUNT_RESOURCE, { filter: selection.filter, q: selection.q, except: selection.except }, 'body.selection.filter');
  await findLiveList(db, listId);
  const row = await queryOne<{ n: number }>(
    db,
    sql`with ins as (
          insert into static_list_members (list_id, contact_id)
          select ${listId}::uuid, c.id from contacts c
          where c.deleted_at is null and c.account_id in (select accounts.id from accounts where ${accountsWhere})
          on conflict do nothing returning 1)
        select count(*)::int as n from ins`,
  );
  return { added: Number(row?.n ?? 0) };
}

/** One column of the live list's contact ids: the audience a campaign hands to the compliance guard. */
export function listAudienceSql(listId: string): SQL {
  return sql`select m.contact_id from static_list_members m join static_lists l on l.id = m.list_id and l.deleted_at is null where m.list_id = ${listId}::uuid`;
}

/** Removes the selected contacts from a list in one DELETE (ids remove even deleted contacts). */
export async function removeContactsFromList(db: Database, listId: string, selection: BulkSelection): Promise<{ removed: number }> {
  const which =
    'ids' in selection
      ? sql`m.contact_id = any(${`{${selection.ids.join(',')}}`}::uuid[])`
      : sql`m.contact_id in (select ${contacts.id} from ${contacts} where ${contactSelection(selection)})`;
  await findLiveList(db, listId);
  const row = await withoutJit(db, (tx) =>
    queryOne<{ n: number }>(
      tx,
      sql`with del as (delete from static_list_members m where m.list_id = ${listId}::uuid and ${which} returning 1) select count(*)::int as n from del`,
    ),
  );
  return { removed: Number(row?.n ?? 0) };
}

export async function changeMembers(deps: Ctx, input: { listId: string; selection: BulkSelection; action: 'add' | 'remove' }): Promise<ListMembersResult> {
  const changed =
    input.action === 'add'
      ? (await addContactsToList(deps.db, input.listId, input.selection)).added
      : (await removeContactsFromList(deps.db, input.listId, input.selection)).removed;
  if (changed > 0) await deps.db.update(staticLists).set({ updatedAt: deps.now() }).where(eq(staticLists.id, input.listId));
  return { listId: input.listId, changed, memberCount: await memberCount(deps.db, input.listId) };
}

/** A list's live members: the contact list's keyset pages, filters and sorts, limited to the list. */
export async function listMembers(
  deps: Ctx,
  listId: string,
  query: z.output<typeof listMembersQuerySchema>,
  reader: RecordReader,
): Promise<ContactListResponse> {
  await findLiveList(deps.db, listId);
  const page = await withoutJit(deps.db, (tx) =>
    listRecords<ContactRow>(tx, SEGMENT_RESOURCE, contacts, {
      ...query,
      where: and(sql`exists (select 1 from static_list_members m where m.list_id = ${listId}::uuid and m.contact_id = ${contacts.id})`, contactVisibleTo(reader)),
    }),
  );
  return { items: await contactViews(deps, page.rows), nextCursor: page.nextCursor, total: page.total };
}

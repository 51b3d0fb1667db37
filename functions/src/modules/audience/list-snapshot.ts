// A new static list holding a set of contacts as they are now (a segment's members, the contacts
// at a domain set's accounts): the list row and its members are written by one statement, so the
// snapshot is all or nothing.
import { sql, type SQL } from 'drizzle-orm';

export interface ListSnapshot {
  name: string;
  description?: string | null;
  origin: 'segment' | 'domain_set';
  originId: string;
  userId: string | null;
  /** ISO instant: the list's creation and each member's addition. */
  now: string;
}

/**
 * The statement: one INSERT of the list, one INSERT … SELECT of every contact id `members` selects
 * (a column named `id`), answering the new list's `id` and any `extra` columns.
 */
export function listSnapshotSql(list: ListSnapshot, members: SQL, extra: SQL = sql``): SQL {
  return sql`with l as (
      insert into static_lists (name, description, origin, origin_id, created_by, created_at, updated_at)
      values (${list.name}, ${list.description ?? null}, ${list.origin}, ${list.originId}::uuid, ${list.userId}::uuid, ${list.now}::timestamptz, ${list.now}::timestamptz)
      returning id),
    ins as (
      insert into static_list_members (list_id, contact_id, added_at)
      select l.id, m.id, ${list.now}::timestamptz from l, (${members}) m
      on conflict do nothing)
    select id::text${extra} from l`;
}

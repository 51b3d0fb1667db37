// The import pipeline's "add imported contacts to a static list" hook: inside the chunk's
// transaction, one INSERT … SELECT over unnest for the chunk's contacts. A list deleted since the
// import started takes nobody (the chunk still commits).
import type { RawQuery } from '../../db/raw-sql';

export async function addImportedContactsToList(query: RawQuery, { listId, contactIds }: { listId: string; contactIds: string[] }): Promise<void> {
  if (contactIds.length === 0) return;
  await query(
    `insert into static_list_members (list_id, contact_id)
     select l.id, c.id from static_lists l cross join unnest($2::uuid[]) as c(id)
     where l.id = $1::uuid and l.deleted_at is null
     on conflict do nothing`,
    [listId, contactIds],
  );
}

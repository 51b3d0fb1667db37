// Notes on contacts and accounts: rich text sanitized to a small allowlist on the way in, and
// the users it mentions (`<span data-mention="userId">`) kept beside it.
import { sql } from 'drizzle-orm';
import sanitizeHtml from 'sanitize-html';
import type { Note, NoteRequest } from '@shared/contracts/activity';
import type { Database } from '../../db/connection';
import { queryOne, queryRows } from '../../db/rows';
import { notFound } from '../../core/app-error';
import { isVisible, recordVisibleTo, type RecordReader } from '../../records/record-scope';

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'span'],
  allowedAttributes: { a: ['href', 'rel', 'target'], span: ['data-mention'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  // Links open in a new tab without giving it a handle on this one.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The note's HTML reduced to the allowlist; mention ids that are not uuids are dropped. */
export function sanitizeNote(html: string): { body: string; mentionIds: string[] } {
  const body = sanitizeHtml(html, {
    ...ALLOWED,
    exclusiveFilter: (frame) => frame.tag === 'span' && frame.attribs['data-mention'] !== undefined && !UUID.test(frame.attribs['data-mention']),
  });
  const mentionIds = [...new Set([...body.matchAll(/data-mention="([0-9a-f-]{36})"/gi)].map((m) => m[1]!.toLowerCase()))];
  return { body, mentionIds };
}

interface NoteRow extends Record<string, unknown> {
  id: string;
  contact_id: string | null;
  account_id: string | null;
  body: string;
  mentions: string[] | string;
  author_id: string | null;
  author_name: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const parseUuidArray = (value: string[] | string): string[] =>
  Array.isArray(value) ? value : value.replace(/^\{|\}$/g, '').split(',').filter(Boolean);

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    contactId: row.contact_id,
    accountId: row.account_id,
    body: row.body,
    mentions: parseUuidArray(row.mentions),
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

const selectNote = sql`select n.id, n.contact_id, n.account_id, n.body, n.mentions, n.author_id, n.created_at, n.updated_at,
    nullif(btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), '') as author_name
  from notes n left join users u on u.id = n.author_id`;

/** Adds a note to a live contact or account within the author's reach (404 otherwise); mentions of unknown users are dropped. */
export async function addNote(
  db: Database,
  input: { subject: { kind: 'contact' | 'account'; id: string }; request: NoteRequest; author: RecordReader; at: Date },
): Promise<Note> {
  const { body, mentionIds } = sanitizeNote(input.request.body);
  const table = input.subject.kind === 'contact' ? sql`contacts` : sql`accounts`;
  const visible = recordVisibleTo(input.author, input.subject.kind, sql`r.id`);
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into notes (contact_id, account_id, body, mentions, author_id, created_at, updated_at)
      select ${input.subject.kind === 'contact' ? input.subject.id : null}::uuid, ${input.subject.kind === 'account' ? input.subject.id : null}::uuid,
             ${body}, coalesce((select array_agg(u.id) from users u where u.id = any(${sql.param(mentionIds)}::uuid[])), '{}'::uuid[]),
             ${input.author.userId}::uuid, ${input.at.toISOString()}::timestamptz, ${input.at.toISOString()}::timestamptz
      where exists (select 1 from ${table} r where r.id = ${input.subject.id}::uuid and r.deleted_at is null ${visible ? sql`and ${visible}` : sql``})
      returning id`,
  );
  if (!row) throw notFound(input.subject.kind);
  return (await getNote(db, row.id))!;
}

export async function getNote(db: Database, id: string): Promise<Note | null> {
  const row = await queryOne<NoteRow>(db, sql`${selectNote} where n.id = ${id}::uuid and n.deleted_at is null`);
  return row ? toNote(row) : null;
}

/** Only the author (or an admin) may change or delete a note, and only while its record is within their reach. */
async function ownNote(db: Database, id: string, actor: NoteActor): Promise<Note> {
  const note = await getNote(db, id);
  if (!note) throw notFound('note');
  if (!actor.isAdmin && note.authorId !== actor.userId) throw notFound('note');
  const subject = note.contactId ? { kind: 'contact' as const, id: note.contactId } : { kind: 'account' as const, id: note.accountId! };
  if (!(await isVisible(db, actor, subject.kind, subject.id))) throw notFound('note');
  return note;
}

/** Who changes a note: the reader (for their reach) and whether they administer. */
export type NoteActor = RecordReader & { isAdmin: boolean };

export async function updateNote(db: Database, input: { id: string; request: NoteRequest; actor: NoteActor; at: Date }): Promise<Note> {
  await ownNote(db, input.id, input.actor);
  const { body, mentionIds } = sanitizeNote(input.request.body);
  await db.execute(
    sql`update notes set body = ${body}, updated_at = ${input.at.toISOString()}::timestamptz,
        mentions = coalesce((select array_agg(u.id) from users u where u.id = any(${sql.param(mentionIds)}::uuid[])), '{}'::uuid[])
      where id = ${input.id}::uuid and deleted_at is null`,
  );
  return (await getNote(db, input.id))!;
}

export async function deleteNote(db: Database, input: { id: string; actor: NoteActor; at: Date }): Promise<void> {
  await ownNote(db, input.id, input.actor);
  await db.execute(sql`update notes set deleted_at = ${input.at.toISOString()}::timestamptz where id = ${input.id}::uuid`);
}

/** Users to mention: active staff whose name or username starts with the text. */
export async function mentionCandidates(db: Database, q: string): Promise<Array<{ id: string; name: string; username: string }>> {
  const prefix = `${q.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return queryRows(
    db,
    sql`select u.id, btrim(u.first_name || ' ' || u.last_name) as name, u.username from users u
      where u.status = 'active' and u.org_id is null
        and (lower(u.username) like ${prefix} or lower(u.first_name) like ${prefix} or lower(u.last_name) like ${prefix})
      order by u.first_name, u.last_name limit 10`,
  );
}

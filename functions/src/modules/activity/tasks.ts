// Tasks: something a person must do by a time (call back, email, other), due at a local time in
// the assignee's zone, linked to a contact or an account. "My tasks" buckets them as overdue,
// today and upcoming in the viewer's zone. Callbacks booked by agents are tasks.
import { sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { MyTasksResponse, Task, TaskBucket, TaskCreate, TaskUpdate } from '@shared/contracts/activity';
import type { Database } from '../../db/connection';
import { queryOne, queryRows } from '../../db/rows';
import { invalid, notFound } from '../../core/app-error';
import { accountVisibleTo, contactVisibleTo, scopedAgentId, type RecordReader } from '../../records/record-scope';

/** The instant of a local date-time in a zone; a time skipped by a DST change is refused. */
export function dueInstant(dueLocal: string, zone: string, field = 'body.dueLocal'): Date {
  const local = DateTime.fromISO(dueLocal, { zone });
  if (!local.isValid) throw invalid(field, 'is not a date and time');
  // Luxon moves a wall time that does not exist (spring forward) to the next valid one.
  if (local.toFormat("yyyy-MM-dd'T'HH:mm") !== dueLocal) throw invalid(field, `does not exist in ${zone} (a daylight-saving change skips it)`);
  return local.toJSDate();
}

interface TaskRow extends Record<string, unknown> {
  id: string;
  title: string;
  type: Task['type'];
  status: Task['status'];
  due_at: Date | string;
  due_time_zone: string;
  assignee_id: string;
  assignee_name: string | null;
  contact_id: string | null;
  contact_name: string | null;
  account_id: string | null;
  account_name: string | null;
  note: string | null;
  completed_at: Date | string | null;
  created_at: Date | string;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function toTask(r: TaskRow): Task {
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    status: r.status,
    dueAt: iso(r.due_at)!,
    dueTimeZone: r.due_time_zone,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    contactId: r.contact_id,
    contactName: r.contact_name,
    accountId: r.account_id,
    accountName: r.account_name,
    note: r.note,
    completedAt: iso(r.completed_at),
    createdAt: iso(r.created_at)!,
  };
}

const selectTask = sql`select t.id, t.title, t.type, t.status, t.due_at, t.due_time_zone, t.assignee_id, t.contact_id, t.account_id, t.note,
    t.completed_at, t.created_at,
    nullif(btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), '') as assignee_name,
    coalesce(c.full_name, c.email) as contact_name, coalesce(a.name, ca.name) as account_name
  from tasks t
  left join users u on u.id = t.assignee_id
  left join contacts c on c.id = t.contact_id
  left join accounts a on a.id = t.account_id
  left join accounts ca on ca.id = c.account_id`;

/**
 * The tasks an agent may read and change: their own, and those whose record (the contact, else the
 * account) is within their reach. Nothing for a reader who sees every record. Reassigning a task
 * cannot widen an agent's reach: a callback they could take over is on a contact they already see.
 */
function taskVisibleTo(reader: RecordReader): SQL {
  const agentId = scopedAgentId(reader);
  if (agentId === null) return sql``;
  return sql`and (t.assignee_id = ${agentId}::uuid
    or (t.contact_id is not null and ${contactVisibleTo(reader, sql`t.contact_id`)})
    or (t.contact_id is null and t.account_id is not null and ${accountVisibleTo(reader, sql`t.account_id`)}))`;
}

/** One live task the reader may see, or null (out of reach reads as missing). */
export function getTask(db: Database, id: string, reader: RecordReader): Promise<Task | null> {
  return loadTask(db, id, taskVisibleTo(reader));
}

/** A live task by id, within `visible` (an `and …` condition on `t`, or nothing). */
async function loadTask(db: Database, id: string, visible: SQL): Promise<Task | null> {
  const row = await queryOne<TaskRow>(db, sql`${selectTask} where t.id = ${id}::uuid and t.deleted_at is null ${visible}`);
  return row ? toTask(row) : null;
}

/**
 * The assignee must be an active staff user; the linked records must exist and be within the
 * reader's reach (one out of reach is refused like a missing one, so a task cannot widen it).
 */
async function checkLinks(
  db: Database,
  input: { assigneeId?: string; contactId?: string | null; accountId?: string | null },
  reader: RecordReader,
): Promise<void> {
  const and = (visible: SQL | undefined) => (visible ? sql`and ${visible}` : sql``);
  const row = await queryOne<{ assignee: boolean; contact: boolean; account: boolean }>(
    db,
    sql`select
      ${input.assigneeId ? sql`exists (select 1 from users where id = ${input.assigneeId}::uuid and status = 'active' and org_id is null)` : sql`true`} as assignee,
      ${input.contactId ? sql`exists (select 1 from contacts where id = ${input.contactId}::uuid and deleted_at is null ${and(contactVisibleTo(reader, sql`contacts.id`))})` : sql`true`} as contact,
      ${input.accountId ? sql`exists (select 1 from accounts where id = ${input.accountId}::uuid and deleted_at is null ${and(accountVisibleTo(reader, sql`accounts.id`))})` : sql`true`} as account`,
  );
  if (!row?.assignee) throw invalid('body.assigneeId', 'is not an active staff user');
  if (!row.contact) throw invalid('body.contactId', 'is not a contact');
  if (!row.account) throw invalid('body.accountId', 'is not an account');
}

export async function createTask(db: Database, input: { request: TaskCreate; createdBy: RecordReader; at: Date }): Promise<Task> {
  const r = input.request;
  const due = dueInstant(r.dueLocal, r.dueTimeZone);
  await checkLinks(db, r, input.createdBy);
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into tasks (title, type, due_at, due_time_zone, assignee_id, contact_id, account_id, note, created_by, created_at, updated_at)
      values (${r.title}, ${r.type}, ${due.toISOString()}::timestamptz, ${r.dueTimeZone}, ${r.assigneeId}::uuid, ${r.contactId ?? null}::uuid,
              ${r.accountId ?? null}::uuid, ${r.note ?? null}, ${input.createdBy.userId}::uuid, ${input.at.toISOString()}::timestamptz, ${input.at.toISOString()}::timestamptz)
      returning id`,
  );
  return (await loadTask(db, row!.id, sql``))!;
}

export async function updateTask(db: Database, input: { id: string; request: TaskUpdate; actor: RecordReader; at: Date }): Promise<Task> {
  const current = await getTask(db, input.id, input.actor);
  if (!current) throw notFound('task');
  const r = input.request;
  if (r.assigneeId) await checkLinks(db, { assigneeId: r.assigneeId }, input.actor);
  const sets: SQL[] = [sql`updated_at = ${input.at.toISOString()}::timestamptz`];
  if (r.title !== undefined) sets.push(sql`title = ${r.title}`);
  if (r.note !== undefined) sets.push(sql`note = ${r.note}`);
  if (r.assigneeId !== undefined) sets.push(sql`assignee_id = ${r.assigneeId}::uuid`);
  if (r.dueLocal !== undefined || r.dueTimeZone !== undefined) {
    const zone = r.dueTimeZone ?? current.dueTimeZone;
    const local = r.dueLocal ?? DateTime.fromISO(current.dueAt, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
    sets.push(sql`due_at = ${dueInstant(local, zone).toISOString()}::timestamptz, due_time_zone = ${zone}`);
  }
  if (r.status === 'done' && current.status !== 'done') {
    sets.push(sql`status = 'done', completed_at = ${input.at.toISOString()}::timestamptz, completed_by = ${input.actor.userId}::uuid`);
  } else if (r.status === 'open' && current.status !== 'open') {
    sets.push(sql`status = 'open', completed_at = null, completed_by = null`);
  }
  await db.execute(sql`update tasks set ${sql.join(sets, sql`, `)} where id = ${input.id}::uuid and deleted_at is null`);
  // Read back whatever the reach: an agent who handed their task to a colleague still gets the answer.
  return (await loadTask(db, input.id, sql``))!;
}

export async function deleteTask(db: Database, input: { id: string; actor: RecordReader; at: Date }): Promise<void> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`update tasks t set deleted_at = ${input.at.toISOString()}::timestamptz where t.id = ${input.id}::uuid and t.deleted_at is null ${taskVisibleTo(input.actor)} returning t.id`,
  );
  if (!row) throw notFound('task');
}

/** The viewer's tasks in one bucket, and how many are in each open bucket (the shell's badge). */
export async function myTasks(
  db: Database,
  input: { userId: string; bucket: TaskBucket; timeZone: string; limit: number; now: Date },
): Promise<MyTasksResponse> {
  const now = DateTime.fromJSDate(input.now, { zone: input.timeZone });
  const endOfDay = now.endOf('day').plus({ milliseconds: 1 }).toJSDate().toISOString();
  const nowIso = input.now.toISOString();
  const where: Record<TaskBucket, SQL> = {
    overdue: sql`t.status = 'open' and t.due_at < ${nowIso}::timestamptz`,
    today: sql`t.status = 'open' and t.due_at >= ${nowIso}::timestamptz and t.due_at < ${endOfDay}::timestamptz`,
    upcoming: sql`t.status = 'open' and t.due_at >= ${endOfDay}::timestamptz`,
    done: sql`t.status = 'done'`,
  };
  const order = input.bucket === 'done' ? sql`t.completed_at desc, t.id desc` : sql`t.due_at, t.id`;
  const [rows, counts] = await Promise.all([
    queryRows<TaskRow>(db, sql`${selectTask} where t.assignee_id = ${input.userId}::uuid and t.deleted_at is null and ${where[input.bucket]} order by ${order} limit ${input.limit}`),
    queryOne<{ overdue: number; today: number; upcoming: number }>(
      db,
      sql`select count(*) filter (where t.due_at < ${nowIso}::timestamptz)::int as overdue,
          count(*) filter (where t.due_at >= ${nowIso}::timestamptz and t.due_at < ${endOfDay}::timestamptz)::int as today,
          count(*) filter (where t.due_at >= ${endOfDay}::timestamptz)::int as upcoming
        from tasks t where t.assignee_id = ${input.userId}::uuid and t.deleted_at is null and t.status = 'open'`,
    ),
  ]);
  return { items: rows.map(toTask), counts: { overdue: Number(counts?.overdue ?? 0), today: Number(counts?.today ?? 0), upcoming: Number(counts?.upcoming ?? 0) } };
}

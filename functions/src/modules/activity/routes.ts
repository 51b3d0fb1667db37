// Activity routes: the record timelines, notes and tasks on contacts and accounts, "My tasks",
// touches logged by hand, the contact policy (read, history, save) and the gate's preview.
import { z } from 'zod';
import {
  logTouchRequestSchema,
  myTasksQuerySchema,
  noteRequestSchema,
  policyPreviewRequestSchema,
  policyUpdateSchema,
  taskCreateSchema,
  taskUpdateSchema,
  timelineQuerySchema,
} from '@shared/contracts/activity';
import { can } from '@shared/access';
import { defineRoute, noContent, reply, type ApiModule, type Route } from '../../http/route';
import type { ActivityHooks } from './hooks';
import { addNote, deleteNote, mentionCandidates, updateNote } from './notes';
import { currentPolicy, policyHistory, savePolicy } from './policy';
import { previewSelection, timelineOf } from './service';
import { createTask, deleteTask, getTask, myTasks, updateTask } from './tasks';
import { recordTouches } from './touches';
import { notFound } from '../../core/app-error';
import { assertVisible } from '../../records/record-scope';

const contactParams = z.strictObject({ contactId: z.string().uuid() });
const accountParams = z.strictObject({ accountId: z.string().uuid() });
const noteParams = z.strictObject({ noteId: z.string().uuid() });
const taskParams = z.strictObject({ taskId: z.string().uuid() });
const mentionQuery = z.strictObject({ q: z.string().trim().max(60).default('') });

/** A record notes and the timeline hang on: its path, its id parameter and the routes' summaries. */
interface SubjectSpec {
  kind: 'contact' | 'account';
  base: string;
  params: z.ZodType<string, Record<string, string>>;
  timeline: string;
  note: string;
}

/** The timeline of a contact or an account, and adding a note to it. */
function subjectRoutes(hooks: ActivityHooks, subject: SubjectSpec): Route[] {
  const { kind } = subject;
  return [
    defineRoute({
      method: 'GET',
      path: `${subject.base}/timeline`,
      capability: 'records.read',
      summary: subject.timeline,
      params: subject.params,
      query: timelineQuerySchema,
      handler: async ({ deps, params, query, principal }) => timelineOf(deps.db, hooks, { kind, id: params }, query, principal),
    }),
    defineRoute({
      method: 'POST',
      path: `${subject.base}/notes`,
      capability: 'records.read',
      summary: subject.note,
      params: subject.params,
      body: noteRequestSchema,
      handler: async ({ deps, params, body, principal }) =>
        reply(201, await addNote(deps.db, { subject: { kind, id: params }, request: body, author: principal, at: deps.now() })),
    }),
  ];
}

export function createActivityModule(hooks: ActivityHooks): ApiModule {
  return {
    name: 'activity',
    routes: [
      ...subjectRoutes(hooks, {
        kind: 'contact',
        base: '/api/contacts/{contactId}',
        params: contactParams.transform((p) => p.contactId),
        timeline: "A contact's touches, notes, tasks, field and consent changes, imports and lists, newest first",
        note: 'Add a note to a contact (rich text, mentions)',
      }),
      ...subjectRoutes(hooks, {
        kind: 'account',
        base: '/api/accounts/{accountId}',
        params: accountParams.transform((p) => p.accountId),
        timeline: "An account's feed, rolling up its contacts', newest first",
        note: 'Add a note to an account',
      }),
      defineRoute({
        method: 'PATCH',
        path: '/api/notes/{noteId}',
        capability: 'records.read',
        summary: 'Edit a note (its author or an admin)',
        params: noteParams,
        body: noteRequestSchema,
        handler: async ({ deps, params, body, principal }) =>
          updateNote(deps.db, { id: params.noteId, request: body, actor: { ...principal, isAdmin: can(principal.roles, 'admin') }, at: deps.now() }),
      }),
      defineRoute({
        method: 'DELETE',
        path: '/api/notes/{noteId}',
        capability: 'records.read',
        summary: 'Delete a note (its author or an admin)',
        params: noteParams,
        handler: async ({ deps, params, principal }) => noContent(deleteNote(deps.db, { id: params.noteId, actor: { ...principal, isAdmin: can(principal.roles, 'admin') }, at: deps.now() })),
      }),
      defineRoute({
        method: 'GET',
        path: '/api/mentions',
        capability: 'records.read',
        summary: 'Staff users to mention in a note, by the start of their name',
        query: mentionQuery,
        rateLimit: 'search',
        handler: async ({ deps, query }) => ({ items: await mentionCandidates(deps.db, query.q) }),
      }),
      defineRoute({
        method: 'POST',
        path: '/api/contacts/{contactId}/touches',
        capability: 'records.read',
        summary: 'Log a touch made outside the product (a call, a meeting, a message)',
        params: contactParams,
        body: logTouchRequestSchema,
        handler: async ({ deps, params, body, principal, requestId }) => {
          await assertVisible(deps.db, principal, 'contact', params.contactId);
          const occurredAt = body.occurredAt ?? deps.now().toISOString();
          const result = await recordTouches(
            deps.db,
            [{ ...body, sourceEventId: `manual:${requestId}`, contactId: params.contactId, occurredAt }],
            principal.userId,
          );
          if (result.recorded === 0) throw notFound('contact');
          return reply(201, result);
        },
      }),
      defineRoute({
        method: 'POST',
        path: '/api/tasks',
        capability: 'records.read',
        summary: 'Create a task (call back, email, other) due at a local time, for a staff user',
        body: taskCreateSchema,
        handler: async ({ deps, body, principal }) => reply(201, await createTask(deps.db, { request: body, createdBy: principal, at: deps.now() })),
      }),
      defineRoute({
        method: 'GET',
        path: '/api/tasks/mine',
        capability: 'records.read',
        summary: "The caller's tasks: overdue, today, upcoming or done, with the open counts",
        query: myTasksQuerySchema,
        handler: async ({ deps, query, principal }) => myTasks(deps.db, { userId: principal.userId, ...query, now: deps.now() }),
      }),
      defineRoute({
        method: 'GET',
        path: '/api/tasks/{taskId}',
        capability: 'records.read',
        summary: 'One task',
        params: taskParams,
        handler: async ({ deps, params, principal }) => {
          const task = await getTask(deps.db, params.taskId, principal);
          if (!task) throw notFound('task');
          return task;
        },
      }),
      defineRoute({
        method: 'PATCH',
        path: '/api/tasks/{taskId}',
        capability: 'records.read',
        summary: 'Change, complete or reopen a task',
        params: taskParams,
        body: taskUpdateSchema,
        handler: async ({ deps, params, body, principal }) => updateTask(deps.db, { id: params.taskId, request: body, actor: principal, at: deps.now() }),
      }),
      defineRoute({
        method: 'DELETE',
        path: '/api/tasks/{taskId}',
        capability: 'records.read',
        summary: 'Delete a task',
        params: taskParams,
        handler: async ({ deps, params, principal }) => noContent(deleteTask(deps.db, { id: params.taskId, actor: principal, at: deps.now() })),
      }),
      defineRoute({
        method: 'GET',
        path: '/api/policy',
        capability: 'records.read',
        summary: 'The contact policy in force',
        handler: async ({ deps }) => currentPolicy(deps.db),
      }),
      defineRoute({
        method: 'GET',
        path: '/api/policy/history',
        capability: 'records.write',
        summary: 'Every version of the contact policy, newest first',
        handler: async ({ deps }) => ({ items: await policyHistory(deps.db) }),
      }),
      defineRoute({
        method: 'PUT',
        path: '/api/policy',
        capability: 'records.write',
        summary: 'Save a new version of the contact policy (409 when another was saved since basedOn)',
        body: policyUpdateSchema,
        handler: async ({ deps, body, principal }) => reply(201, await savePolicy(deps.db, { update: body, actorId: principal.userId, at: deps.now() })),
      }),
      defineRoute({
        method: 'POST',
        path: '/api/policy/preview',
        capability: 'records.read',
        summary: 'How many of a selection the gate would admit now by email and by phone, and why the rest not (writes nothing)',
        body: policyPreviewRequestSchema,
        rateLimit: 'search',
        handler: async ({ deps, body, principal }) =>
          previewSelection(deps.db, hooks, { selection: body.selection, channels: body.channels, at: body.at ? new Date(body.at) : deps.now(), reader: principal }),
      }),
    ],
  };
}

// Contact use cases: create-or-merge by email (without one: by account, full name and phone),
// read with the account embedded, versioned update, soft delete, restore, the list and an
// account's contacts. A new contact without an account joins the live account of its email's
// domain when there is one (free-mail domains never match an account).
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AccountSummary,
  Contact,
  ContactListResponse,
  contactCreateSchema,
  contactListQuerySchema,
  contactUpdateSchema,
} from '@shared/contracts/accounts';
import { emailDomain, isFreeMailDomain, joinFullName } from '@shared/normalize';
import type { Deps } from '../../core/deps';
import { accounts, contacts } from '../../db/schema';
import { CONTACT_PERSON_CONFLICT_TARGET, contactPersonKey, contactPersonKeyOf } from '../../db/schema/contact-key';
import { notFound } from '../../core/app-error';
import { withSuppressions } from './contact-suppression';
import { contactValues } from './contact-values';
import { contactListJson, listContactJson } from '../../records/list-records';
import type { Queryable } from '../../records/record-changes';
import type { Actor } from '../../core/actor';
import { findById, restoreRecord, softDeleteRecord, updateRecord, upsertRecord } from './record-store';
import { contactView, type ContactRow } from '../../records/views';
import { accountVisibleTo, contactVisibleTo, type RecordReader } from '../../records/record-scope';

type Ctx = Pick<Deps, 'db' | 'now' | 'hooks'>;

/** Account names and domains for a page of contacts, in one query. */
export async function accountSummaries(db: Queryable, ids: Array<string | null>): Promise<Map<string, AccountSummary>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: accounts.id, name: accounts.name, domain: accounts.domain })
    .from(accounts)
    .where(inArray(accounts.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Contacts as the API returns them: account embedded and suppression state, a few queries per page. */
export async function contactViews(deps: Pick<Deps, 'db' | 'hooks'>, rows: ContactRow[]): Promise<Contact[]> {
  const summaries = await accountSummaries(
    deps.db,
    rows.map((r) => r.accountId),
  );
  return withSuppressions(
    deps,
    rows.map((row) => contactView(row, row.accountId ? (summaries.get(row.accountId) ?? null) : null)),
  );
}

export async function createContact(
  deps: Ctx,
  input: { request: z.output<typeof contactCreateSchema>; actor: Actor },
): Promise<{ record: Contact; created: boolean }> {
  const values = contactValues(input.request);
  values.fullName ??= joinFullName(values.firstName, values.lastName);
  const insertOnly: Record<string, SQL> = {};
  const domain = emailDomain(values.email);
  if (values.accountId === undefined && domain && !isFreeMailDomain(domain)) {
    insertOnly.account_id = sql`(select ${accounts.id} from ${accounts} where ${accounts.domain} = ${domain} and ${accounts.deletedAt} is null)`;
  }
  const key = values.email
    ? { conflict: sql`(email) where deleted_at is null and email is not null`, naturalKey: eq(contacts.email, values.email) }
    : {
        conflict: sql.raw(CONTACT_PERSON_CONFLICT_TARGET),
        naturalKey: and(
          isNull(contacts.email),
          sql`${sql.raw(contactPersonKey('"contacts"'))} = ${contactPersonKeyOf({
            accountId: values.accountId ?? null,
            fullName: values.fullName ?? '',
            phone: values.directPhone ?? values.mobilePhone ?? '',
          })}`,
        )!,
      };
  const { row, created } = await upsertRecord(deps.db, { entity: 'contact', table: contacts, insertOnly, ...key }, values, {
    actor: input.actor,
    now: deps.now(),
  });
  const [contact] = await contactViews(deps, [row as unknown as ContactRow]);
  return { record: contact!, created };
}

/** One contact; a contact out of the reader's reach is not found, like a missing one. */
export async function getContact(deps: Ctx, input: { id: string; reader: RecordReader }): Promise<Contact> {
  const row = await findById(deps.db, contacts, input.id, { includeDeleted: true, visible: contactVisibleTo(input.reader) });
  if (!row) throw notFound('contact');
  const [contact] = await contactViews(deps, [row as unknown as ContactRow]);
  return contact!;
}

export async function updateContact(
  deps: Ctx,
  input: { id: string; request: z.output<typeof contactUpdateSchema>; version: number; actor: Actor },
): Promise<Contact> {
  const { version: _version, ...fields } = input.request;
  const values = contactValues(fields);
  const row = await updateRecord(deps.db, { entity: 'contact', table: contacts, id: input.id, values, version: input.version }, { actor: input.actor, now: deps.now() });
  const [contact] = await contactViews(deps, [row as unknown as ContactRow]);
  return contact!;
}

export async function deleteContact(deps: Ctx, input: { id: string; actor: Actor }): Promise<void> {
  await softDeleteRecord(deps.db, { entity: 'contact', table: contacts, id: input.id }, { actor: input.actor, now: deps.now() });
}

export async function restoreContact(deps: Ctx, input: { id: string; actor: Actor }): Promise<Contact> {
  const row = await restoreRecord(deps.db, { entity: 'contact', table: contacts, id: input.id }, { actor: input.actor, now: deps.now() });
  const [contact] = await contactViews(deps, [row as unknown as ContactRow]);
  return contact!;
}

/**
 * A page of contacts as the response's JSON text: Postgres builds every item (contact-json.ts), so
 * the page is one statement (beside its count) and its rows pass through untouched.
 */
export async function listContactsJson(
  deps: Pick<Deps, 'db'>,
  query: z.output<typeof contactListQuerySchema>,
  options: { reader: RecordReader; accountId?: string },
): Promise<{ json: string; rows: number }> {
  const { reader, accountId } = options;
  if (accountId && !(await findById(deps.db, accounts, accountId, { includeDeleted: true, visible: accountVisibleTo(reader) }))) throw notFound('account');
  const page = await listContactJson(deps.db, { ...query, where: and(accountId ? eq(contacts.accountId, accountId) : undefined, contactVisibleTo(reader)) });
  return { json: contactListJson(page), rows: page.items.length };
}

export async function listContacts(
  deps: Pick<Deps, 'db'>,
  query: z.output<typeof contactListQuerySchema>,
  options: { reader: RecordReader; accountId?: string },
): Promise<ContactListResponse> {
  return JSON.parse((await listContactsJson(deps, query, options)).json) as ContactListResponse;
}

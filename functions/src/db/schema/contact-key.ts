// The natural key of a contact without an email (ADR 0003): its account, its lower-cased full name
// and its first phone. The unique index, the services' upserts, bulk restore and the import upsert
// all take it from here: ON CONFLICT finds the index only when their expressions match its own.
import { sql, type SQL } from 'drizzle-orm';

const NO_ACCOUNT = `'00000000-0000-0000-0000-000000000000'::uuid`;

/** The key's three expressions, over a table alias (none: the bare columns, as in the index). */
export function contactPersonKeyParts(alias?: string): [string, string, string] {
  const column = (name: string) => (alias ? `${alias}."${name}"` : `"${name}"`);
  return [
    `coalesce(${column('account_id')}, ${NO_ACCOUNT})`,
    `lower(${column('full_name')})`,
    `coalesce(${column('direct_phone')}, ${column('mobile_phone')}, '')`,
  ];
}

/** The key as a row value `(a, b, c)`, to compare two contacts' keys. */
export const contactPersonKey = (alias?: string): string => `(${contactPersonKeyParts(alias).join(', ')})`;

/** Where the key is unique: live contacts without an email. */
export const CONTACT_PERSON_KEY_WHERE = `"deleted_at" is null and "email" is null`;

/** The ON CONFLICT target that infers the person-key index (contacts_person_live_key). */
export const CONTACT_PERSON_CONFLICT_TARGET = `(${contactPersonKeyParts()
  .map((part) => `(${part})`)
  .join(', ')}) where ${CONTACT_PERSON_KEY_WHERE}`;

/** The key of a contact about to be written, as bound values, comparable with contactPersonKey(). */
export const contactPersonKeyOf = (values: { accountId: string | null; fullName: string; phone: string }): SQL =>
  sql`(coalesce(${values.accountId}::uuid, ${sql.raw(NO_ACCOUNT)}), lower(${values.fullName}), ${values.phone})`;

// Which rows a list page or a bulk action covers, as one SQL condition: live (or deleted) rows,
// the compiled filter, the search text, explicit ids and exceptions. Lists and bulk actions share
// it, so "every record matching this filter" means the same rows in both.
import { sql, type SQL } from 'drizzle-orm';
import type { FilterGroup } from '@shared/contracts/filters';
import { phoneDigits } from '@shared/normalize';
import { compileFilter, escapeLike } from '../db/filter-sql';
import type { ResourceFields } from './fields';

export interface SelectionInput {
  filter?: FilterGroup | undefined;
  q?: string | undefined;
  ids?: string[] | undefined;
  except?: string[] | undefined;
  deleted?: boolean;
  /** Extra condition (an account's contacts). */
  where?: SQL | undefined;
}

/** A uuid[] as ONE bound parameter (Drizzle would otherwise bind each element separately). */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * The search condition: the lower-cased search text contains the query; a query that looks like
 * a phone number is matched on its digits (stored numbers are E.164).
 */
export function searchCondition(fields: ResourceFields, q: string): SQL {
  const trimmed = q.trim().toLowerCase();
  const digits = phoneDigits(trimmed);
  const phoneLike = /^[\d\s()+.-]+$/.test(trimmed) && digits.length >= 4;
  const needle = phoneLike ? digits : trimmed;
  return sql`${fields.searchText} like ${`%${escapeLike(needle)}%`}`;
}

export function selectionCondition(fields: ResourceFields, input: SelectionInput, filterPath = 'filter'): SQL {
  const parts: SQL[] = [input.deleted ? sql`${fields.deletedAt} is not null` : fields.live];
  if (input.where) parts.push(input.where);
  if (input.ids) parts.push(sql`${fields.id} = any(${uuidArray(input.ids)})`);
  if (input.filter && input.filter.conditions.length > 0) parts.push(compileFilter(input.filter, fields.filter, filterPath));
  if (input.q) parts.push(searchCondition(fields, input.q));
  if (input.except?.length) parts.push(sql`${fields.id} <> all(${uuidArray(input.except)})`);
  return sql.join(parts, sql` and `);
}

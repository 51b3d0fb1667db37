// Compiles the shared filter language (shared/contracts/filters.ts) to a SQL condition with bound
// parameters. A resource declares the fields it allows and the SQL expression of each; a field it
// does not declare, an operator its type does not offer or a value of the wrong type is refused
// with a 400 naming the condition. Used by list endpoints and bulk selections (and segments).
import { sql, type SQL } from 'drizzle-orm';
import {
  OPERATORS_BY_TYPE,
  isFilterGroup,
  type FieldType,
  type FilterCondition,
  type FilterGroup,
  type FilterOperator,
} from '@shared/contracts/filters';
import { AppError } from '../core/app-error';

type Scalar = string | number | boolean;

export interface FilterColumn {
  type: FieldType;
  /** The value as stored (nullable). */
  expr: SQL;
  /**
   * Text: the case-folded, null-as-empty expression equality compares against. Point it at an
   * indexed expression (`coalesce(lower(city), '')`) and equality filters use that index.
   */
  folded?: SQL;
  /** Text: the lower-cased expression `contains`/`starts_with` match (trigram-indexed where it matters). */
  lowered?: SQL;
  /** Text: how an equality value is brought to the stored form (lower-case by default; may refuse). */
  fold?: (value: string, path: string) => string;
  /** Number: a whole-number column of this Postgres type (other values are refused). */
  integer?: 'smallint' | 'integer';
  /** Timestamp columns compare as timestamptz, date columns as date. */
  dateKind?: 'timestamp' | 'date';
  /** A text[] column: conditions test its elements. */
  array?: boolean;
  /**
   * Text holding codes that screens show by name (countries): `contains` and `starts_with` match
   * the codes whose displayed name (the map's lower-cased value) matches, as the user reads them.
   */
  codeNames?: ReadonlyMap<string, string>;
  /** Enum values outside this list are refused. */
  strictOptions?: readonly string[];
  /**
   * A field of a related record: the condition is compiled against the related table's column and
   * tested with `fk IN (SELECT id FROM related WHERE …)` (a semi-join the planner can index).
   */
  via?: { fk: SQL; subquery: (condition: SQL) => SQL };
}

/** Finds the column of a field key, or undefined when the resource does not allow it. */
export type FilterColumnResolver = (key: string) => FilterColumn | undefined;

export function resolverOf(columns: Record<string, FilterColumn>, extra?: FilterColumnResolver): FilterColumnResolver {
  return (key) => (Object.hasOwn(columns, key) ? columns[key] : extra?.(key));
}

export function fail(path: string, message: string): never {
  throw new AppError('invalid', { errors: [{ field: path, message }], detail: `${path}: ${message}` });
}

/** `%` and `_` in user text match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

const asList = (value: FilterCondition['value']): Scalar[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function textValue(value: Scalar, path: string): string {
  if (typeof value === 'boolean') fail(path, 'must be text');
  const text = String(value);
  // Postgres text cannot hold NUL: it would fail the query.
  if (text.includes('\u0000')) fail(path, 'must not contain a NUL character');
  return text;
}

/** Postgres integer ranges: a value outside them is an error there, a 400 here. */
const INTEGER_RANGE = { smallint: 32_767, integer: 2_147_483_647 } as const;

function numberValue(value: Scalar, path: string, integer?: FilterColumn['integer']): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) fail(path, 'must be a number');
  if (integer) {
    if (!Number.isInteger(n)) fail(path, 'must be a whole number');
    if (Math.abs(n) > INTEGER_RANGE[integer]) fail(path, `must be between -${INTEGER_RANGE[integer]} and ${INTEGER_RANGE[integer]}`);
  }
  return n;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)$/;

/** A day that exists (Date.parse rolls 30 February over to March; Postgres refuses it). */
function isCalendarDay(year: string, month: string, day: string): boolean {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  // Postgres has no year 0; dates before year 1 are written "… BC", never with zeros.
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Whether text is a date (`YYYY-MM-DD`) or a date-time with an offset (ISO, or as Postgres prints
 * timestamptz) that Postgres accepts: a real calendar day, hours 0–23, minutes and seconds 0–59,
 * an offset within ±15:59. Checked here because Postgres would answer a bad one with an error.
 */
export function isRealDate(text: string, kind: 'date' | 'timestamp' | 'either' = 'either'): boolean {
  const day = kind !== 'timestamp' ? DATE_ONLY.exec(text) : null;
  if (day) return isCalendarDay(day[1]!, day[2]!, day[3]!);
  const at = kind !== 'date' ? DATE_TIME.exec(text) : null;
  if (!at) return false;
  const [, y, mo, d, h, mi, sec = '0', offH = '0', offM = '0'] = at;
  return isCalendarDay(y!, mo!, d!) && Number(h) <= 23 && Number(mi) <= 59 && Number(sec) <= 59 && Number(offH) <= 15 && Number(offM) <= 59;
}

/** The ISO shape a filter takes (a `T`, an offset with minutes): what Date.parse reads alike everywhere. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

function dateValue(value: Scalar, path: string): { text: string; dayOnly: boolean } {
  if (typeof value !== 'string' || !(DATE_ONLY.test(value) || ISO_DATE_TIME.test(value)) || !isRealDate(value)) {
    fail(path, 'must be a real date (YYYY-MM-DD) or an ISO date-time with an offset');
  }
  return { text: value, dayOnly: DATE_ONLY.test(value) };
}

const list = (items: SQL[]): SQL => sql.join(items, sql`, `);

function compileText(col: FilterColumn, op: FilterOperator, value: FilterCondition['value'], path: string): SQL {
  const folded = col.folded ?? sql`coalesce(lower(${col.expr}), '')`;
  const lowered = col.lowered ?? sql`lower(${col.expr})`;
  const raw = asList(value).map((v) => textValue(v, path));
  const fold = col.fold ?? ((v: string) => v.toLowerCase());
  const values = op === 'contains' || op === 'starts_with' ? raw.map((v) => v.toLowerCase()) : raw.map((v) => fold(v, path));
  if (col.codeNames && (op === 'contains' || op === 'starts_with')) {
    const text = values[0]!;
    const codes = [...col.codeNames].filter(([, name]) => (op === 'contains' ? name.includes(text) : name.startsWith(text))).map(([code]) => code);
    return codes.length ? sql`${folded} in (${list(codes.map((code) => sql`${code}`))})` : sql`false`;
  }
  switch (op) {
    case 'contains':
      return sql`${lowered} like ${`%${escapeLike(values[0]!)}%`}`;
    case 'starts_with':
      return sql`${lowered} like ${`${escapeLike(values[0]!)}%`}`;
    case 'eq':
      return sql`${folded} = ${values[0]!}`;
    // "is not" and "is none of" include records without a value.
    case 'neq':
      return sql`(${col.expr} is null or ${folded} <> ${values[0]!})`;
    case 'in':
      return sql`${folded} in (${list(values.map((v) => sql`${v}`))})`;
    case 'not_in':
      return sql`(${col.expr} is null or ${folded} not in (${list(values.map((v) => sql`${v}`))}))`;
    case 'is_empty':
      return sql`(${col.expr} is null or ${col.expr} = '')`;
    case 'is_not_empty':
      return sql`(${col.expr} is not null and ${col.expr} <> '')`;
    default:
      return fail(path, `"${op}" does not apply to text`);
  }
}

function compileArray(col: FilterColumn, op: FilterOperator, value: FilterCondition['value'], path: string): SQL {
  const values = asList(value).map((v) => textValue(v, path));
  // One bound text[] parameter in array-literal form, so the GIN index on the column applies.
  const arrayParam = () => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
  switch (op) {
    case 'contains':
      return sql`lower(array_to_string(${col.expr}, ';')) like ${`%${escapeLike(values[0]!.toLowerCase())}%`}`;
    case 'starts_with':
      return sql`exists (select 1 from unnest(${col.expr}) as e(v) where lower(e.v) like ${`${escapeLike(values[0]!.toLowerCase())}%`})`;
    case 'eq':
    case 'in':
      return sql`${col.expr} && ${arrayParam()}`;
    case 'neq':
    case 'not_in':
      return sql`not (${col.expr} && ${arrayParam()})`;
    case 'is_empty':
      return sql`coalesce(cardinality(${col.expr}), 0) = 0`;
    case 'is_not_empty':
      return sql`cardinality(${col.expr}) > 0`;
    default:
      return fail(path, `"${op}" does not apply to a list`);
  }
}

function compileEnum(col: FilterColumn, op: FilterOperator, value: FilterCondition['value'], path: string): SQL {
  const values = asList(value).map((v) => textValue(v, path));
  if (col.strictOptions) {
    const bad = values.find((v) => !col.strictOptions!.includes(v));
    if (bad !== undefined) fail(path, `"${bad}" is not one of ${col.strictOptions.join(', ')}`);
  }
  // Enum-ish text stored as written: compare case-folded when the column says how.
  const target = col.folded ?? col.expr;
  const vals = col.folded ? values.map((v) => v.toLowerCase()) : values;
  switch (op) {
    case 'eq':
      return sql`${target} = ${vals[0]!}`;
    case 'neq':
      return sql`${target} is distinct from ${vals[0]!}`;
    case 'in':
      return sql`${target} in (${list(vals.map((v) => sql`${v}`))})`;
    case 'not_in':
      return sql`(${col.expr} is null or ${target} not in (${list(vals.map((v) => sql`${v}`))}))`;
    case 'is_empty':
      return sql`(${col.expr} is null or ${col.expr} = '')`;
    case 'is_not_empty':
      return sql`(${col.expr} is not null and ${col.expr} <> '')`;
    default:
      return fail(path, `"${op}" does not apply to a choice`);
  }
}

function compileNumber(col: FilterColumn, op: FilterOperator, value: FilterCondition['value'], path: string): SQL {
  const values = asList(value).map((v) => numberValue(v, path, col.integer));
  switch (op) {
    case 'eq':
      return sql`${col.expr} = ${values[0]!}`;
    case 'neq':
      return sql`${col.expr} is distinct from ${values[0]!}`;
    case 'gt':
      return sql`${col.expr} > ${values[0]!}`;
    case 'lt':
      return sql`${col.expr} < ${values[0]!}`;
    case 'between': {
      const [a, b] = [Math.min(values[0]!, values[1]!), Math.max(values[0]!, values[1]!)];
      return sql`${col.expr} between ${a} and ${b}`;
    }
    case 'in':
      return sql`${col.expr} in (${list(values.map((v) => sql`${v}`))})`;
    case 'not_in':
      return sql`(${col.expr} is null or ${col.expr} not in (${list(values.map((v) => sql`${v}`))}))`;
    case 'is_empty':
      return sql`${col.expr} is null`;
    case 'is_not_empty':
      return sql`${col.expr} is not null`;
    default:
      return fail(path, `"${op}" does not apply to a number`);
  }
}

function compileDate(col: FilterColumn, op: FilterOperator, value: FilterCondition['value'], path: string): SQL {
  const values = asList(value).map((v) => dateValue(v, path));
  const isDate = col.dateKind === 'date';
  const at = (v: { text: string }) => (isDate ? sql`${v.text}::date` : sql`${v.text}::timestamptz`);
  // The first instant after a day given without a time (days are whole: "before 1 May" excludes it).
  const dayAfter = (v: { text: string }) => (isDate ? sql`(${v.text}::date + 1)` : sql`(${v.text}::date + 1)::timestamptz`);
  const end = (v: { text: string; dayOnly: boolean }) => (v.dayOnly ? sql`${col.expr} < ${dayAfter(v)}` : sql`${col.expr} <= ${at(v)}`);
  switch (op) {
    case 'before':
      return sql`${col.expr} < ${at(values[0]!)}`;
    case 'after':
      return values[0]!.dayOnly ? sql`${col.expr} >= ${dayAfter(values[0]!)}` : sql`${col.expr} > ${at(values[0]!)}`;
    case 'eq':
      return values[0]!.dayOnly ? sql`(${col.expr} >= ${at(values[0]!)} and ${end(values[0]!)})` : sql`${col.expr} = ${at(values[0]!)}`;
    case 'between': {
      const [a, b] = [...values].sort((x, y) => Date.parse(x.text) - Date.parse(y.text));
      return sql`(${col.expr} >= ${at(a!)} and ${end(b!)})`;
    }
    case 'is_empty':
      return sql`${col.expr} is null`;
    case 'is_not_empty':
      return sql`${col.expr} is not null`;
    default:
      return fail(path, `"${op}" does not apply to a date`);
  }
}

function compileBoolean(col: FilterColumn, op: FilterOperator, value: FilterCondition['value'], path: string): SQL {
  if (op !== 'eq') fail(path, `"${op}" does not apply to yes/no`);
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return sql`${col.expr} = ${value}`;
}

/** Positive counterparts of the negative operators, for conditions on a related record. */
const NEGATED: Partial<Record<FilterOperator, FilterOperator>> = { neq: 'eq', not_in: 'in', is_empty: 'is_not_empty' };

function compileCondition(condition: FilterCondition, resolve: FilterColumnResolver, path: string): SQL {
  const col = resolve(condition.field);
  if (!col) fail(`${path}.field`, `unknown field "${condition.field}"`);
  if (!OPERATORS_BY_TYPE[col.type].includes(condition.op)) {
    fail(`${path}.op`, `"${condition.op}" does not apply to the ${col.type} field "${condition.field}"`);
  }
  const valuePath = `${path}.value`;
  if (col.via) {
    const { fk, subquery } = col.via;
    const local: FilterColumn = { ...col, via: undefined };
    const positive = NEGATED[condition.op];
    if (positive) {
      const inner = compileCondition({ ...condition, op: positive }, () => local, path);
      // NOT EXISTS rather than NOT IN: the planner makes it an anti-join whatever the related set's
      // size, where NOT IN is a hashed subplan only while that set fits in work_mem (and a scan of
      // the set per row past it). The same rows either way: the subqueries never yield NULL.
      return sql`not exists (select 1 from (${subquery(inner)}) as related(v) where related.v = ${fk})`;
    }
    return sql`${fk} in (${subquery(compileCondition(condition, () => local, path))})`;
  }
  if (col.array) return compileArray(col, condition.op, condition.value, valuePath);
  switch (col.type) {
    case 'text':
      return compileText(col, condition.op, condition.value, valuePath);
    case 'enum':
      return compileEnum(col, condition.op, condition.value, valuePath);
    case 'number':
      return compileNumber(col, condition.op, condition.value, valuePath);
    case 'date':
      return compileDate(col, condition.op, condition.value, valuePath);
    case 'boolean':
      return compileBoolean(col, condition.op, condition.value, valuePath);
  }
}

/**
 * The SQL condition of a filter (TRUE for an empty one). `path` prefixes the field named in
 * errors (`query.filter` → `query.filter.conditions.0.field`).
 */
export function compileFilter(filter: FilterGroup, resolve: FilterColumnResolver, path = 'filter'): SQL {
  const parts = filter.conditions.map((node, i) =>
    isFilterGroup(node) ? compileFilter(node, resolve, `${path}.conditions.${i}`) : compileCondition(node, resolve, `${path}.conditions.${i}`),
  );
  if (parts.length === 0) return sql`true`;
  if (parts.length === 1) return parts[0]!;
  return sql`(${sql.join(parts, filter.type === 'and' ? sql` and ` : sql` or `)})`;
}

// Runs a filter against rows in memory, with the meaning the API gives it (text matching is
// case-insensitive, ranges are inclusive, dates compare by calendar day). For client-side lists
// and demos; server lists send the filter to the API instead.
import { isFilterGroup, type FieldDefinition, type FilterCondition, type FilterGroup } from '@shared/contracts/filters';

type Scalar = string | number | boolean;

function read(row: unknown, key: string): unknown {
  let value: unknown = row;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function dayOf(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return null;
}

function normalise(value: unknown, type: FieldDefinition['type'] | undefined): Scalar | null {
  if (isEmpty(value)) return null;
  if (type === 'date') return dayOf(value);
  if (type === 'number') return typeof value === 'number' ? value : Number(value);
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value).toLowerCase();
}

function target(value: unknown): Scalar {
  return typeof value === 'string' ? value.toLowerCase() : (value as Scalar);
}

export function matchesCondition(row: unknown, condition: FilterCondition, field: FieldDefinition | undefined): boolean {
  const raw = read(row, condition.field);
  if (condition.op === 'is_empty') return isEmpty(raw);
  if (condition.op === 'is_not_empty') return !isEmpty(raw);
  const value = normalise(raw, field?.type);
  const wanted = condition.value;
  if (value === null) return condition.op === 'neq' || condition.op === 'not_in';
  switch (condition.op) {
    case 'eq':
      return value === target(wanted);
    case 'neq':
      return value !== target(wanted);
    case 'contains':
      return String(value).includes(String(target(wanted)));
    case 'starts_with':
      return String(value).startsWith(String(target(wanted)));
    case 'in':
      return Array.isArray(wanted) && wanted.some((w) => target(w) === value);
    case 'not_in':
      return Array.isArray(wanted) && !wanted.some((w) => target(w) === value);
    case 'gt':
    case 'after':
      return value > (wanted as Scalar);
    case 'lt':
    case 'before':
      return value < (wanted as Scalar);
    case 'between':
      return Array.isArray(wanted) && value >= (wanted[0] as Scalar) && value <= (wanted[1] as Scalar);
    default:
      return false;
  }
}

/** A predicate for `rows.filter(...)`; an empty filter keeps every row. */
export function compileFilter<T>(filter: FilterGroup, fields: readonly FieldDefinition[]): (row: T) => boolean {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const compileGroup = (group: FilterGroup): ((row: T) => boolean) => {
    const parts = group.conditions.map((c) => (isFilterGroup(c) ? compileGroup(c) : (row: T) => matchesCondition(row, c, byKey.get(c.field))));
    if (parts.length === 0) return () => true;
    return group.type === 'and' ? (row) => parts.every((p) => p(row)) : (row) => parts.some((p) => p(row));
  };
  return compileGroup(filter);
}

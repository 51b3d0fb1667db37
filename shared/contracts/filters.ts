// The filter language: one shape for the AdvancedFilterBar, list endpoints, bulk selections and
// saved segments. A filter is a group of conditions (or nested groups) joined by AND or OR. The
// API compiles it to SQL with bound parameters against the fields a resource declares; it never
// trusts a field name it does not know.
import { z } from 'zod';

export const FILTER_OPERATORS = [
  'eq',
  'neq',
  'contains',
  'starts_with',
  'in',
  'not_in',
  'is_empty',
  'is_not_empty',
  'gt',
  'lt',
  'between',
  'before',
  'after',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export const FIELD_TYPES = ['text', 'number', 'date', 'enum', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Which operators a field type offers, in the order the filter bar lists them. */
export const OPERATORS_BY_TYPE: Record<FieldType, readonly FilterOperator[]> = {
  text: ['contains', 'eq', 'neq', 'starts_with', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  number: ['eq', 'neq', 'gt', 'lt', 'between', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  date: ['before', 'after', 'between', 'eq', 'is_empty', 'is_not_empty'],
  enum: ['in', 'not_in', 'eq', 'neq', 'is_empty', 'is_not_empty'],
  boolean: ['eq'],
};

export const OPERATOR_LABELS: Record<FilterOperator, string> = {
  eq: 'is',
  neq: 'is not',
  contains: 'contains',
  starts_with: 'starts with',
  in: 'is any of',
  not_in: 'is none of',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
  gt: 'greater than',
  lt: 'less than',
  between: 'between',
  before: 'before',
  after: 'after',
};

/** Operators that take no value. */
export const VALUELESS_OPERATORS: readonly FilterOperator[] = ['is_empty', 'is_not_empty'];
/** Operators whose value is a list (`between` takes exactly two). */
export const LIST_OPERATORS: readonly FilterOperator[] = ['in', 'not_in', 'between'];

export const MAX_FILTER_DEPTH = 4;
export const MAX_FILTER_CONDITIONS = 50;
export const MAX_LIST_VALUES = 1000;

const scalar = z.union([z.string().max(1000), z.number().finite(), z.boolean()]);

export const filterConditionSchema = z
  .object({
    field: z.string().min(1).max(100).regex(/^[a-zA-Z][a-zA-Z0-9_.]*$/, 'must be a field name'),
    op: z.enum(FILTER_OPERATORS),
    value: z.union([scalar, z.array(scalar).max(MAX_LIST_VALUES)]).optional(),
  })
  .superRefine((c, ctx) => {
    if (VALUELESS_OPERATORS.includes(c.op)) return;
    if (c.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `is required for "${c.op}"` });
      return;
    }
    const isList = Array.isArray(c.value);
    if (LIST_OPERATORS.includes(c.op) !== isList) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: isList ? `must be a single value for "${c.op}"` : `must be a list for "${c.op}"` });
    } else if (c.op === 'between' && (c.value as unknown[]).length !== 2) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be two values for "between"' });
    } else if (isList && (c.value as unknown[]).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must not be empty' });
    }
  });
export type FilterCondition = z.infer<typeof filterConditionSchema>;

export interface FilterGroup {
  type: 'and' | 'or';
  conditions: Array<FilterCondition | FilterGroup>;
}

function depthAndCount(group: FilterGroup, depth = 1): { depth: number; count: number } {
  let max = depth;
  let count = 0;
  for (const c of group.conditions) {
    if (isFilterGroup(c)) {
      const inner = depthAndCount(c, depth + 1);
      max = Math.max(max, inner.depth);
      count += inner.count;
    } else count += 1;
  }
  return { depth: max, count };
}

export const filterGroupSchema: z.ZodType<FilterGroup> = z.lazy(() =>
  z.object({
    type: z.enum(['and', 'or']),
    conditions: z.array(z.union([filterGroupSchema, filterConditionSchema])).max(MAX_FILTER_CONDITIONS),
  }),
);

/**
 * Whether raw input nests groups deeper than the limit, found without recursion: the group schema
 * parses recursively, and a hostile filter hundreds of groups deep would exhaust the stack there.
 */
function nestsTooDeep(value: unknown): boolean {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const conditions = (node as { conditions?: unknown } | null)?.conditions;
    if (typeof node !== 'object' || !Array.isArray(conditions)) continue;
    if (depth > MAX_FILTER_DEPTH) return true;
    for (const child of conditions) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}

const tooDeepMessage = `must nest at most ${MAX_FILTER_DEPTH} groups deep`;

/** A whole filter: a group with limits on nesting and size (depth checked before parsing). */
export const filterSchema: z.ZodType<FilterGroup> = z
  .unknown()
  .superRefine((value, ctx) => {
    if (nestsTooDeep(value)) ctx.addIssue({ code: 'custom', message: tooDeepMessage, abort: true });
  })
  .pipe(
    filterGroupSchema.superRefine((group, ctx) => {
      const { depth, count } = depthAndCount(group);
      if (depth > MAX_FILTER_DEPTH) ctx.addIssue({ code: 'custom', message: tooDeepMessage });
      if (count > MAX_FILTER_CONDITIONS) ctx.addIssue({ code: 'custom', message: `must hold at most ${MAX_FILTER_CONDITIONS} conditions` });
    }),
  );

export function isFilterGroup(node: FilterCondition | FilterGroup): node is FilterGroup {
  return 'conditions' in node;
}

export const EMPTY_FILTER: FilterGroup = { type: 'and', conditions: [] };

/** A field a resource lets users filter (and maybe sort) on, as the filter bar shows it. */
export interface FieldDefinition {
  key: string;
  label: string;
  type: FieldType;
  options?: ReadonlyArray<{ value: string; label: string }>;
  sortable?: boolean;
  /** Shown in monospace (emails, phones, ids, numbers). */
  mono?: boolean;
  /** The heading the field is listed under in a field picker (Contact, Account, …). */
  group?: string;
}

/**
 * URL form: base64url of the JSON, in the `filter` query parameter. Compact, survives copy and
 * paste, and the API accepts the same string (`?filter=`).
 */
export function encodeFilter(filter: FilterGroup): string {
  const json = JSON.stringify(filter);
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const UTF8 = new TextDecoder();
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const nodeBuffer = (globalThis as { Buffer?: { from(text: string, encoding: 'base64'): Uint8Array } }).Buffer;

/**
 * Base64 or base64url to bytes; throws on a character outside the alphabet, as atob does. On the
 * server Buffer decodes natively (Node 20's atob searched its alphabet for every character); in the
 * browser, atob. `native: null` takes the browser's path (for tests).
 */
export function base64UrlBytes(encoded: string, native: typeof nodeBuffer | null = nodeBuffer): Uint8Array {
  if (!BASE64.test(encoded)) throw new Error('not base64');
  if (native) return native.from(encoded, 'base64');
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The filter in a URL parameter, or null when it is missing or not a valid filter. */
export function decodeFilter(encoded: string | null | undefined): FilterGroup | null {
  if (!encoded) return null;
  try {
    const parsed = filterSchema.safeParse(JSON.parse(UTF8.decode(base64UrlBytes(encoded))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A zod schema for a `filter` query parameter in URL form, decoded and validated. */
export const filterQueryParam = z
  .string()
  .max(16_000)
  .transform((value, ctx) => {
    const decoded = decodeFilter(value);
    if (!decoded) {
      ctx.addIssue({ code: 'custom', message: 'must be a filter in URL form' });
      return z.NEVER;
    }
    return decoded;
  });

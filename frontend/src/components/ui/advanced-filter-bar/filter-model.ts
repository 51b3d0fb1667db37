// Pure helpers between the filter language (shared/contracts/filters.ts) and the filter bar:
// addressing conditions inside nested groups, editing them immutably, turning an editor draft
// into a valid condition, and describing a condition as a chip.
import {
  LIST_OPERATORS,
  OPERATORS_BY_TYPE,
  OPERATOR_LABELS,
  VALUELESS_OPERATORS,
  filterConditionSchema,
  isFilterGroup,
  type FieldDefinition,
  type FilterCondition,
  type FilterGroup,
  type FilterOperator,
} from '@shared/contracts/filters';

/** Indexes from the root group down to a condition or group; [] is the root. */
export type FilterPath = number[];
type FilterNode = FilterCondition | FilterGroup;

export function nodeAt(root: FilterGroup, path: FilterPath): FilterNode | undefined {
  let node: FilterNode = root;
  for (const index of path) {
    if (!isFilterGroup(node)) return undefined;
    const child: FilterNode | undefined = node.conditions[index];
    if (!child) return undefined;
    node = child;
  }
  return node;
}

function updateGroup(root: FilterGroup, path: FilterPath, change: (group: FilterGroup) => FilterGroup): FilterGroup {
  if (path.length === 0) return change(root);
  const [head, ...rest] = path as [number, ...number[]];
  const child = root.conditions[head];
  if (!child || !isFilterGroup(child)) return root;
  const conditions = [...root.conditions];
  conditions[head] = updateGroup(child, rest, change);
  return { ...root, conditions };
}

/** Appends a condition or group to the group at `groupPath`. */
export function addNode(root: FilterGroup, groupPath: FilterPath, node: FilterNode): FilterGroup {
  return updateGroup(root, groupPath, (g) => ({ ...g, conditions: [...g.conditions, node] }));
}

/** Replaces the node at `path`. */
export function replaceNode(root: FilterGroup, path: FilterPath, node: FilterNode): FilterGroup {
  if (path.length === 0) return isFilterGroup(node) ? node : root;
  const parent = path.slice(0, -1);
  const index = path[path.length - 1] as number;
  return updateGroup(root, parent, (g) => {
    if (index >= g.conditions.length) return g;
    const conditions = [...g.conditions];
    conditions[index] = node;
    return { ...g, conditions };
  });
}

/** Removes the node at `path`; a nested group left empty is removed too. */
export function removeNode(root: FilterGroup, path: FilterPath): FilterGroup {
  if (path.length === 0) return { ...root, conditions: [] };
  const parent = path.slice(0, -1);
  const index = path[path.length - 1] as number;
  const next = updateGroup(root, parent, (g) => ({ ...g, conditions: g.conditions.filter((_, i) => i !== index) }));
  const parentNode = nodeAt(next, parent);
  if (parent.length > 0 && parentNode && isFilterGroup(parentNode) && parentNode.conditions.length === 0) return removeNode(next, parent);
  return next;
}

export function toggleGroupType(root: FilterGroup, groupPath: FilterPath): FilterGroup {
  return updateGroup(root, groupPath, (g) => ({ ...g, type: g.type === 'and' ? 'or' : 'and' }));
}

export function countConditions(group: FilterGroup): number {
  return group.conditions.reduce((n, c) => n + (isFilterGroup(c) ? countConditions(c) : 1), 0);
}

/**
 * Whether values are picked from the field's options: choices, and text fields that store codes
 * the screens show by name (countries), where typing the code would be guesswork.
 */
export function picksValues(field: FieldDefinition): boolean {
  return field.type === 'enum' || (field.type === 'text' && field.options !== undefined);
}

export function defaultOperator(field: FieldDefinition): FilterOperator {
  // A text field with a picker starts at "is": "contains" would ask for typing instead.
  if (field.type === 'text' && field.options) return 'eq';
  return OPERATORS_BY_TYPE[field.type][0] as FilterOperator;
}

/** Fields under their group headings, in the order each group first appears. */
export function groupFields(fields: readonly FieldDefinition[], fallback = 'Fields'): Array<{ heading: string; fields: FieldDefinition[] }> {
  const groups = new Map<string, FieldDefinition[]>();
  for (const field of fields) {
    const heading = field.group ?? fallback;
    const group = groups.get(heading);
    if (group) group.push(field);
    else groups.set(heading, [field]);
  }
  return [...groups].map(([heading, list]) => ({ heading, fields: list }));
}

/** What the condition editor holds while the user types. */
export interface ConditionDraft {
  field: string;
  op: FilterOperator;
  /** Single value (text, number, date, boolean as "true"/"false", enum value). */
  value: string;
  /** Second value of `between`. */
  valueTo: string;
  /** Chosen values of an enum list operator. */
  values: string[];
}

export function emptyDraft(field: FieldDefinition): ConditionDraft {
  return { field: field.key, op: defaultOperator(field), value: field.type === 'boolean' ? 'true' : '', valueTo: '', values: [] };
}

export function draftFromCondition(condition: FilterCondition): ConditionDraft {
  const v = condition.value;
  if (condition.op === 'between' && Array.isArray(v)) return { field: condition.field, op: condition.op, value: String(v[0] ?? ''), valueTo: String(v[1] ?? ''), values: [] };
  if (Array.isArray(v)) return { field: condition.field, op: condition.op, value: v.join(', '), valueTo: '', values: v.map(String) };
  return { field: condition.field, op: condition.op, value: v === undefined ? '' : String(v), valueTo: '', values: [] };
}

function parseScalar(field: FieldDefinition, raw: string): string | number | boolean | null {
  const text = raw.trim();
  if (text === '') return null;
  switch (field.type) {
    case 'number': {
      const n = Number(text.replace(/,/g, ''));
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : null;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)) ? text : null;
    default:
      return text;
  }
}

/** A valid condition from a draft, or a sentence saying what is missing. */
export function draftToCondition(draft: ConditionDraft, field: FieldDefinition): { condition: FilterCondition } | { error: string } {
  if (!OPERATORS_BY_TYPE[field.type].includes(draft.op)) return { error: `“${OPERATOR_LABELS[draft.op]}” does not apply to ${field.label}.` };
  let value: FilterCondition['value'];
  if (VALUELESS_OPERATORS.includes(draft.op)) value = undefined;
  else if (draft.op === 'between') {
    const from = parseScalar(field, draft.value);
    const to = parseScalar(field, draft.valueTo);
    if (from === null || to === null || typeof from === 'boolean' || typeof to === 'boolean') return { error: `Enter both ends of the range for ${field.label}.` };
    value = from <= to ? [from, to] : [to, from];
  } else if (LIST_OPERATORS.includes(draft.op)) {
    const raw = picksValues(field) ? draft.values : draft.value.split(',');
    const parsed = raw.map((r) => parseScalar(field, r));
    if (parsed.some((p) => p === null) && !picksValues(field) && raw.some((r) => r.trim() !== '' && parseScalar(field, r) === null))
      return { error: `One of the values is not a valid ${field.type}.` };
    const list = [...new Set(parsed.filter((p): p is string | number | boolean => p !== null))];
    if (list.length === 0) return { error: picksValues(field) ? `Choose at least one ${field.label.toLowerCase()}.` : 'Enter at least one value (separate several with commas).' };
    value = list;
  } else {
    const parsed = parseScalar(field, draft.value);
    if (parsed === null) return { error: picksValues(field) && field.type === 'text' ? `Choose a ${field.label.toLowerCase()}.` : field.type === 'number' ? 'Enter a number.' : field.type === 'date' ? 'Enter a date.' : 'Enter a value.' };
    value = parsed;
  }
  const condition: FilterCondition = value === undefined ? { field: field.key, op: draft.op } : { field: field.key, op: draft.op, value };
  const checked = filterConditionSchema.safeParse(condition);
  if (!checked.success) return { error: checked.error.issues[0]?.message ?? 'This condition is not valid.' };
  return { condition: checked.data };
}

function formatScalar(field: FieldDefinition | undefined, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  const option = field?.options?.find((o) => o.value === value);
  return option ? option.label : value;
}

export interface ChipParts {
  field: string;
  operator: string;
  value: string;
}

const MAX_CHIP_VALUES = 3;

/** A condition in words, split so the chip can style each part. */
export function describeCondition(condition: FilterCondition, fields: readonly FieldDefinition[]): ChipParts {
  const field = fields.find((f) => f.key === condition.field);
  const v = condition.value;
  let value = '';
  if (condition.op === 'between' && Array.isArray(v)) value = `${formatScalar(field, v[0] as string)} and ${formatScalar(field, v[1] as string)}`;
  else if (Array.isArray(v)) {
    const shown = v.slice(0, MAX_CHIP_VALUES).map((x) => formatScalar(field, x));
    value = shown.join(', ') + (v.length > MAX_CHIP_VALUES ? ` +${v.length - MAX_CHIP_VALUES}` : '');
  } else if (v !== undefined) value = formatScalar(field, v);
  return { field: field?.label ?? condition.field, operator: OPERATOR_LABELS[condition.op], value };
}

export function describeConditionText(condition: FilterCondition, fields: readonly FieldDefinition[]): string {
  const { field, operator, value } = describeCondition(condition, fields);
  return [field, operator, value].filter(Boolean).join(' ');
}

// What the generic record screens need to know about one kind of record: its API, its nouns, and
// its fields (label, kind, where each shows, how it reads). Accounts and contacts are two specs;
// a new module's records are a third, rendered by the same list, detail and form screens.
import type { ReactNode } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import type { z } from 'zod';
import type { FieldDefinition, FieldType } from '@shared/contracts/filters';
import type { ExportResource } from './use-csv-export';

/** How a field is edited and shown. */
export type RecordFieldKind = 'text' | 'email' | 'url' | 'phone' | 'country' | 'number' | 'enum' | 'date' | 'textarea' | 'tags';

/** The props a form control gets from its Field (label, hint and error wiring). */
export interface RecordFormControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface RecordField<T> {
  key: keyof T & string;
  label: string;
  kind?: RecordFieldKind;
  /** The choices of an enum field. */
  options?: readonly string[];
  /** The detail page's section it is shown in (the spec's first when left out); false keeps it off the page. */
  section?: string | false;
  required?: boolean;
  /** Shown, never edited (computed or system-set values). */
  readOnly?: boolean;
  /** In the create and edit dialog, in this order. */
  inForm?: boolean;
  hint?: ReactNode;
  placeholder?: string;
  /** Monospace; emails, urls, phones and numbers are by default. */
  mono?: boolean;
  /** Spans the full width of the form and the detail grid (descriptions). */
  wide?: boolean;
  /**
   * How the stored value reads (defaults to the value itself), as text: a table cell shows it, and
   * the detail page's field shows it and names its edit button by it.
   */
  display?: (record: T) => string | null;
  /** The value the editors start from (defaults to the stored value): raw phones, say. */
  editValue?: (record: T) => string | number | null;
  /** A form control no kind covers (the account picker); gets the form value and the Field's wiring. */
  formControl?: (props: RecordFormControlProps & { value: unknown; onChange: (value: unknown) => void; onBlur: () => void; record: T | null }) => ReactNode;
  /** The table column built by `columnsFromFields`; false leaves the field out of the table. */
  column?: Partial<ColumnDef<T, unknown>> | false;
  /** Offered in the filter bar when the spec derives its filter fields from its own fields. */
  filterable?: boolean;
  /** Offered in the list's sort menu (and its column header sorts). */
  sortable?: boolean;
}

export interface RecordQueryKeys {
  all: readonly unknown[];
  lists: readonly unknown[];
  detail: (id: string) => readonly unknown[];
  history: (id: string) => readonly unknown[];
}

/** The query keys of a kind of record under one root: `['accounts']`, `['accounts', 'list']`, … */
export function recordKeys(root: string) {
  return {
    all: [root] as const,
    lists: [root, 'list'] as const,
    detail: (id: string) => [root, 'detail', id] as const,
    history: (id: string) => [root, 'detail', id, 'history'] as const,
  };
}

export interface RecordBase {
  id: string;
  version: number;
  deletedAt: string | null;
  updatedAt: string;
}

export interface RecordSpec<T extends RecordBase> {
  nouns: { singular: string; plural: string };
  /** The list page's title ("Accounts"). */
  title: string;
  /** Where the screens live in the SPA (`/accounts`); a record is `${route}/${id}`. */
  route: string;
  /** The API's collection (`/api/accounts`). */
  apiPath: string;
  keys: RecordQueryKeys;
  /** Other cached data a create or edit changes (a contact's account counts its contacts). */
  alsoInvalidates?: readonly (readonly unknown[])[];
  /** The record's name in titles, toasts and confirmations. */
  nameOf: (record: T) => string;
  fields: readonly RecordField<T>[];
  /** The detail page's field sections, in order; fields without one go in the first. */
  sections?: readonly string[];
  createSchema: z.ZodType;
  updateSchema: z.ZodType;
  /** The filter bar's fields: the API's filter whitelist (`ACCOUNT_FIELDS`); defaults to the filterable fields. */
  filterFields?: readonly FieldDefinition[];
  sortKeys: readonly string[];
  /** The fields a bulk update may set. */
  bulkFields?: readonly FieldDefinition[];
  exportAs?: ExportResource;
  /** Field labels for history entries (API key → label), beyond the fields' own. */
  historyLabels?: Record<string, string>;
  /** Reads a history value the way the page shows it ("US" → "United States"). */
  formatHistoryValue?: (field: string, value: unknown, record: T) => string | undefined;
  copy: {
    listDescription: ReactNode;
    searchPlaceholder: string;
    createDescription: ReactNode;
    /** What the empty list suggests. */
    emptyDescription: ReactNode;
    deleteDescription: string;
    /** The toast when a create merged into an existing record ("already existed: …"). */
    merged: string;
  };
}

const MONO_KINDS = new Set<RecordFieldKind>(['email', 'url', 'phone', 'number']);

export const isMono = <T>(field: RecordField<T>) => field.mono ?? MONO_KINDS.has(field.kind ?? 'text');

/** The fields of the create and edit dialog, in spec order. */
export const formFieldsOf = <T>(fields: readonly RecordField<T>[]) => fields.filter((f) => f.inForm);

/** The detail page's sections with their fields; an empty section is left out. */
export function sectionsOf<T extends RecordBase>(spec: RecordSpec<T>): { title: string; fields: RecordField<T>[] }[] {
  const titles = spec.sections && spec.sections.length > 0 ? spec.sections : ['Details'];
  const first = titles[0]!;
  return titles
    .map((title) => ({ title, fields: spec.fields.filter((f) => f.section !== false && (f.section ?? first) === title) }))
    .filter((section) => section.fields.length > 0);
}

/** Labels for history entries: the fields' own, then the spec's extras. */
export function historyLabelsOf<T extends RecordBase>(spec: RecordSpec<T>): Record<string, string> {
  return { ...(spec.historyLabels ?? {}), ...Object.fromEntries(spec.fields.map((f) => [f.key, f.label])) };
}

const FILTER_TYPES: Record<RecordFieldKind, FieldType> = {
  text: 'text',
  email: 'text',
  url: 'text',
  phone: 'text',
  country: 'text',
  textarea: 'text',
  tags: 'text',
  number: 'number',
  enum: 'enum',
  date: 'date',
};

/** The filter bar's fields: the spec's own list, or its filterable fields. */
export function filterFieldsOf<T extends RecordBase>(spec: RecordSpec<T>): readonly FieldDefinition[] {
  if (spec.filterFields) return spec.filterFields;
  return spec.fields
    .filter((f) => f.filterable)
    .map((f) => ({
      key: f.key,
      label: f.label,
      type: FILTER_TYPES[f.kind ?? 'text'],
      sortable: f.sortable,
      mono: isMono(f),
      options: f.options?.map((value) => ({ value, label: value })),
    }));
}

/** Table columns from the fields that declare one: id = API key, header = label, cell = display. */
export function columnsFromFields<T>(fields: readonly RecordField<T>[]): ColumnDef<T, unknown>[] {
  return fields
    .filter((f) => f.column !== undefined && f.column !== false)
    .map((f) => ({
      id: f.key,
      header: f.label,
      size: 160,
      enableSorting: f.sortable ?? false,
      meta: { mono: isMono(f) },
      cell: ({ row }) => {
        const shown = f.display ? f.display(row.original) : (row.original[f.key] as ReactNode);
        return shown === null || shown === undefined || shown === '' ? '—' : shown;
      },
      ...(f.column as Partial<ColumnDef<T, unknown>>),
    }));
}

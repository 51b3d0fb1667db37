// A record's fields as a grid of inline editors, described by a small table of field specs. Text
// is sent as typed (the API's schema trims it and turns empty into null); numbers are read here.
import { InlineField, type InlineKind } from './inline-field';

export interface EditableFieldSpec<T> {
  key: keyof T & string;
  label: string;
  kind?: InlineKind;
  options?: readonly string[];
  mono?: boolean;
  readOnly?: boolean;
  /** How the stored value reads, as text (defaults to the value itself). */
  display?: (record: T) => string | null;
  /** The value the editor starts from (defaults to the stored value). */
  editValue?: (record: T) => string | number | null;
  /** Spans the grid's full width (descriptions). */
  wide?: boolean;
}

/** The value to send for an edited draft, or an error message. */
export function parseDraft(kind: InlineKind | undefined, draft: string): { value: unknown } | { error: string } {
  if (kind === 'number') {
    const cleaned = draft.replace(/[,\s_]/g, '');
    if (cleaned === '') return { value: null };
    const n = Number(cleaned);
    return Number.isFinite(n) ? { value: n } : { error: 'must be a number' };
  }
  if (kind === 'enum') return { value: draft === '' ? null : draft };
  return { value: draft };
}

export function EditableFields<T>({
  record,
  fields,
  readOnly,
  save,
}: {
  record: T;
  fields: readonly EditableFieldSpec<T>[];
  readOnly: boolean;
  save: (patch: Record<string, unknown>, label: string) => Promise<string | null>;
}) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 xl:grid-cols-3">
      {fields.map((spec) => {
        const stored = record[spec.key] as unknown;
        const value = spec.editValue ? spec.editValue(record) : stored === null || stored === undefined ? null : (stored as string | number);
        return (
          <InlineField
            key={spec.key}
            label={spec.label}
            value={value}
            display={spec.display?.(record) ?? undefined}
            kind={spec.kind}
            options={spec.options}
            mono={spec.mono}
            readOnly={readOnly || spec.readOnly}
            className={spec.wide ? 'sm:col-span-2 xl:col-span-3' : undefined}
            onSave={async (draft) => {
              const parsed = parseDraft(spec.kind, draft);
              if ('error' in parsed) return `${spec.label} ${parsed.error}`;
              return save({ [spec.key]: parsed.value }, spec.label);
            }}
          />
        );
      })}
    </dl>
  );
}

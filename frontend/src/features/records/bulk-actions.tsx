// The actions of a list's bulk bar: set one field on every selected record, or delete them with
// an Undo toast that restores exactly those records by the bulk operation's id, add them (an
// account: its contacts) to a static list, or export them to CSV.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { PencilLine, Trash2 } from 'lucide-react';
import type { BulkResult, BulkSelection } from '@shared/contracts/accounts';
import type { FieldDefinition } from '@shared/contracts/filters';
import { FormDialogFooter } from '@/components/form/form-dialog-footer';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { OptionSelect } from '@/components/ui/option-select';
import { toast } from '@/components/ui/toast';
import { ApiError, api, describeError } from '@/lib/api';
import { AddToListAction } from './add-to-list';
import { countOf } from './bulk-selection';
import { CsvExportButton, CsvExportStatus } from './export-csv';
import { toExportSelection, useCanExport, useCsvExport, type ExportResource } from './use-csv-export';

export interface BulkNouns {
  singular: string;
  plural: string;
}

export interface BulkActionsProps {
  /** `/api/accounts` or `/api/contacts`. */
  basePath: string;
  /** Query keys to refresh after a change. */
  queryKey: readonly unknown[];
  nouns: BulkNouns;
  selection: BulkSelection | null;
  count: number;
  clear: () => void;
  /** The fields a bulk update may set. */
  updatableFields: readonly FieldDefinition[];
  canWrite: boolean;
  /** Offer "Add to list" (the audience roles only: the API refuses the others). */
  addToList?: boolean;
  /** Offer "Export CSV" of the selection as this resource (to the roles that may export). */
  exportAs?: ExportResource;
}

export function BulkActions({ basePath, queryKey, nouns, selection, count, clear, updatableFields, canWrite, addToList = false, exportAs }: BulkActionsProps) {
  const queryClient = useQueryClient();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [updating, setUpdating] = useState(false);
  const csvExport = useCsvExport();
  const canExport = useCanExport() && exportAs !== undefined;
  if (!canWrite || !selection) return null;
  const refresh = () => queryClient.invalidateQueries({ queryKey });
  const what = countOf(count, nouns.singular, nouns.plural);

  async function undo(result: BulkResult) {
    try {
      const undone = await api.post<BulkResult>(`${basePath}/bulk/${result.bulkId}/undo`);
      toast.success(`${countOf(undone.affected, nouns.singular, nouns.plural)} restored.`);
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      void refresh();
    }
  }

  async function remove() {
    try {
      const result = await api.post<BulkResult>(`${basePath}/bulk`, { action: 'delete', selection });
      clear();
      toast.success(`${countOf(result.affected, nouns.singular, nouns.plural)} deleted.`, {
        description: result.skipped > 0 ? `${result.skipped.toLocaleString('en-US')} were already deleted.` : undefined,
        duration: 12_000,
        ...(result.undoable ? { action: { label: 'Undo', onClick: () => void undo(result) } } : {}),
      });
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      void refresh();
    }
  }

  return (
    <>
      {addToList && <AddToListAction basePath={basePath} selection={selection} what={nouns.singular === 'account' ? `the contacts of ${what}` : what} />}
      {updatableFields.length > 0 && (
        <Button variant="outline" size="sm" className="h-7 bg-card" onClick={() => setUpdating(true)}>
          <PencilLine aria-hidden="true" />
          Set field
        </Button>
      )}
      {canExport && (
        <CsvExportButton
          csvExport={csvExport}
          size="sm"
          className="h-7 bg-card"
          onClick={() => void csvExport.start({ resource: exportAs, selection: toExportSelection(selection) })}
        />
      )}
      <Button variant="outline" size="sm" className="h-7 bg-card text-danger-text hover:bg-danger-subtle" onClick={() => setConfirmDelete(true)}>
        <Trash2 aria-hidden="true" />
        Delete
      </Button>
      {canExport && <CsvExportStatus csvExport={csvExport} className="ml-auto" testId="bulk-export-status" />}
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        destructive
        title={`Delete ${what}?`}
        description={`They leave every list and view. You can undo this from the notification, or restore them later from the history.`}
        confirmLabel={`Delete ${what}`}
        onConfirm={remove}
      />
      <BulkUpdateDialog
        open={updating}
        onOpenChange={setUpdating}
        fields={updatableFields}
        what={what}
        onSubmit={async (set) => {
          const result = await api.post<BulkResult>(`${basePath}/bulk`, { action: 'update', selection, set });
          void refresh();
          toast.success(`${countOf(result.affected, nouns.singular, nouns.plural)} updated.`, {
            description: result.skipped > 0 ? `${result.skipped.toLocaleString('en-US')} already had that value.` : undefined,
          });
        }}
      />
    </>
  );
}

const CLEAR = '__clear__';

function BulkUpdateDialog({
  open,
  onOpenChange,
  fields,
  what,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  fields: readonly FieldDefinition[];
  what: string;
  onSubmit: (set: Record<string, string | null>) => Promise<void>;
}) {
  const [fieldKey, setFieldKey] = useState(fields[0]?.key ?? '');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = fields.find((f) => f.key === fieldKey);

  function reset(next: boolean) {
    if (busy) return;
    if (next) {
      setFieldKey(fields[0]?.key ?? '');
      setValue('');
      setError(null);
    }
    onOpenChange(next);
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!field) return;
    setBusy(true);
    setError(null);
    try {
      const cleared = value === CLEAR || value.trim() === '';
      await onSubmit({ [field.key]: cleared ? null : value.trim() });
      onOpenChange(false);
    } catch (failure) {
      const fieldMessage = failure instanceof ApiError ? Object.entries(failure.fieldErrors).find(([key]) => key.endsWith(field.key))?.[1]?.[0] : undefined;
      setError(fieldMessage ? `${field.label} ${fieldMessage}` : describeError(failure));
    } finally {
      setBusy(false);
    }
  }

  const shown = value === CLEAR || value.trim() === '' ? 'empty' : `“${value.trim()}”`;
  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogContent size="sm">
        <DialogHeader>
          <DialogTitle>Set a field on {what}</DialogTitle>
          <DialogDescription>The same value is written to every selected record; each change is kept in its history.</DialogDescription>
        </DialogHeader>
        <form className="grid gap-4" onSubmit={submit} aria-label="Set a field">
          <Field label="Field">
            <OptionSelect
              value={fieldKey}
              onValueChange={(next) => {
                setFieldKey(next);
                setValue('');
                setError(null);
              }}
              options={fields.map((f) => ({ value: f.key, label: f.label }))}
            />
          </Field>
          {field && (
            <Field label="New value" error={error ?? undefined} hint="Leave empty to clear the field.">
              {(control) =>
                field.type === 'enum' ? (
                  <OptionSelect {...control} value={value || undefined} onValueChange={setValue} placeholder="Choose…" options={[{ value: CLEAR, label: '(empty)' }, ...(field.options ?? [])]} />
                ) : (
                  <Input {...control} value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" className={field.mono ? 'font-mono' : undefined} />
                )
              }
            </Field>
          )}
          <p className="text-sm text-muted-foreground">
            {field ? (
              <>
                Sets <span className="font-medium text-foreground">{field.label}</span> to <span className="font-medium text-foreground">{shown}</span> on {what}.
              </>
            ) : null}
          </p>
          <FormDialogFooter submitLabel={`Update ${what}`} pending={busy} onCancel={() => reset(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

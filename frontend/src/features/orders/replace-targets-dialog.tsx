// Replacing an order's target-account list, for staff and for the client alike: domains pasted
// one a line or a CSV file; "Check list" asks the order's targets route for a dry run (the
// server's own normalisation: registrable domains under the public suffix list), which shows what
// the list would become — domains kept, duplicates dropped, and each line that is not a domain
// with why — and only then "Replace list" writes it. Each side passes its own route.
import { useState } from 'react';
import type { OrderTargets, OrderTargetsResult } from '@shared/contracts/portal';
import { FormDialog } from '@/components/form/form-dialog';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FileButton } from '@/components/ui/file-button';
import { LineTable } from '@/components/ui/line-table';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { splitDomains } from './order-form';

const n = (value: number) => value.toLocaleString('en-US');
const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

export interface ReplaceTargetsDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** How many domains the list holds now (the confirmation says what goes). */
  currentCount: number;
  /** Sends the list to the order's targets route (the client's or staff's); `dryRun` writes nothing. */
  send: (body: OrderTargets) => Promise<OrderTargetsResult>;
  /** The list was replaced. */
  onReplaced: (result: OrderTargetsResult) => void;
}

type Source = { kind: 'pasted'; text: string } | { kind: 'file'; name: string; csv: string };

const bodyOf = (source: Source): OrderTargets => (source.kind === 'file' ? { csv: source.csv } : { domains: splitDomains(source.text) });

export function ReplaceTargetsDialog({ open, onOpenChange, currentCount, send, onReplaced }: ReplaceTargetsDialogProps) {
  const [source, setSource] = useState<Source>({ kind: 'pasted', text: '' });
  const [checked, setChecked] = useState<OrderTargetsResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const lines = source.kind === 'pasted' ? splitDomains(source.text).length : null;

  const edit = (next: Source) => {
    setSource(next);
    setChecked(null);
    setError(null);
  };

  async function submit() {
    if (source.kind === 'pasted' && !lines) {
      setError('Paste at least one domain, or load a CSV file.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      if (!checked) {
        setChecked(await send({ ...bodyOf(source), dryRun: true }));
      } else {
        const result = await send(bodyOf(source));
        toast.success(`Target list replaced: ${plural(result.kept, 'domain', 'domains')}.`);
        onOpenChange(false);
        onReplaced(result);
      }
    } catch (refused) {
      setError(describeError(refused));
    } finally {
      setPending(false);
    }
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        if (next) edit({ kind: 'pasted', text: '' });
        onOpenChange(next);
      }}
      size="lg"
      title="Replace the target-account list"
      description="The new list replaces the old one entirely; the match preview is computed again."
      onSubmit={async (event) => {
        event?.preventDefault();
        await submit();
      }}
      pending={pending}
      formError={null}
      submitLabel={checked ? `Replace list with ${plural(checked.kept, 'domain', 'domains')}` : 'Check list'}
      submitDisabled={checked !== null && checked.kept === 0}
    >
      {checked ? (
        <div className="grid gap-3" data-testid="targets-check">
          <p className="text-sm">
            <span className="font-medium">{plural(checked.kept, 'domain', 'domains')}</span> will replace the {plural(currentCount, 'domain', 'domains')} of the current list
            {checked.duplicates > 0 && `; ${plural(checked.duplicates, 'duplicate', 'duplicates')} dropped`}
            {checked.invalid.length > 0 ? `; ${plural(checked.invalid.length, 'line is', 'lines are')} not a domain and will be left out:` : '.'}
          </p>
          <LineTable caption="Lines that are not domains" lines={checked.invalid} note={(line) => line.reason} />
          {checked.kept === 0 && <p className="text-sm text-danger-text">None of the lines is a domain: nothing to replace the list with.</p>}
          {error && (
            <p role="alert" className="text-sm text-danger-text">
              {error}
            </p>
          )}
          <div>
            <Button variant="outline" size="sm" onClick={() => edit(source)} disabled={pending}>
              Back to the list
            </Button>
          </div>
        </div>
      ) : (
        <>
          {source.kind === 'file' ? (
            <div className="grid gap-1.5">
              <p className="flex items-center gap-2 text-sm">
                <span className="font-medium">CSV file</span>
                <span className="font-mono">{source.name}</span>
                <Button variant="ghost" size="sm" onClick={() => edit({ kind: 'pasted', text: '' })}>
                  Paste domains instead
                </Button>
              </p>
              <p className="text-xs text-muted-foreground">A domain or website column, else the first column.</p>
              {error && (
                <p role="alert" className="text-xs font-medium text-danger-text">
                  {error}
                </p>
              )}
            </div>
          ) : (
            <Field label="Domains" hint={`One a line, or pasted from a spreadsheet${lines ? ` — ${n(lines)} so far` : ''}.`} error={error}>
              <Textarea rows={8} value={source.text} onChange={(e) => edit({ kind: 'pasted', text: e.target.value })} placeholder={'acme.com\nglobex.com'} className="font-mono text-xs" />
            </Field>
          )}
          <div className="-mt-2">
            <FileButton
              label="Load a CSV file"
              accept=".csv,text/csv,text/plain"
              onFile={(file) => {
                if (file) void file.text().then((csv) => edit({ kind: 'file', name: file.name, csv }));
              }}
            />
          </div>
        </>
      )}
    </FormDialog>
  );
}

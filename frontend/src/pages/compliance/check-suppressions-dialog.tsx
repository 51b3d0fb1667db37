// The check tool: paste emails and phones (mixed, one a line or comma-separated) and see which
// are suppressed, by which entry and why, and which could not be read at all.
import { useEffect, useState, type FormEvent } from 'react';
import { CheckCircle2 } from 'lucide-react';
import { MAX_CHECK_VALUES, type SuppressionCheckResponse } from '@shared/contracts/compliance';
import { FormDialogFooter } from '@/components/form/form-dialog-footer';
import { FormError } from '@/components/form/form-error';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { formatDate } from '@/features/records/format';
import { describeError } from '@/lib/api';
import { splitCheckInput } from './check-input';
import { ReasonBadge, TypeBadge } from './suppression-badges';
import { checkSuppressions } from './suppressions-api';
import { TableHeadings } from '@/components/ui/table-headings';

export function CheckSuppressionsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SuppressionCheckResponse | null>(null);

  useEffect(() => {
    if (open) {
      setError(null);
      setResult(null);
    }
  }, [open]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { emails, phones } = splitCheckInput(text);
    if (emails.length + phones.length === 0) return setError('Paste at least one email address or phone number.');
    if (emails.length + phones.length > MAX_CHECK_VALUES) return setError(`Check at most ${MAX_CHECK_VALUES.toLocaleString('en-US')} values at a time.`);
    setBusy(true);
    setError(null);
    try {
      setResult(await checkSuppressions({ emails, phones }));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>Check emails and phones</DialogTitle>
          <DialogDescription>Paste values, one a line: each is compared with the address, domain and do-not-call entries.</DialogDescription>
        </DialogHeader>
        <form onSubmit={(e) => void submit(e)} className="grid gap-4" noValidate aria-label="Check values">
          <Field label="Emails and phone numbers">
            <Textarea value={text} onChange={(e) => setText(e.target.value)} rows={5} className="font-mono text-[13px]" spellCheck={false} />
          </Field>
          <FormError>{error}</FormError>
          <FormDialogFooter submitLabel="Check" cancelLabel="Close" pending={busy} onCancel={() => onOpenChange(false)} />
        </form>
        {result && <CheckResult result={result} />}
      </DialogContent>
    </Dialog>
  );
}

function CheckResult({ result }: { result: SuppressionCheckResponse }) {
  return (
    <section aria-label="Check result" className="grid gap-3" data-testid="check-result">
      <p className="text-sm" role="status">
        <span className="font-mono font-semibold tabular">{result.checked}</span> checked ·{' '}
        <span className="font-mono font-semibold tabular">{new Set(result.suppressed.map((m) => m.input)).size}</span> suppressed ·{' '}
        <span className="font-mono font-semibold tabular">{result.invalid.length}</span> unreadable
      </p>
      {result.suppressed.length === 0 && result.invalid.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-success-text">
          <CheckCircle2 className="size-4" aria-hidden="true" /> None of them is suppressed.
        </p>
      ) : (
        <div className="max-h-64 overflow-auto rounded-md border border-border" tabIndex={0} role="region" aria-label="Suppressed and unreadable values">
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-muted text-left text-xs uppercase tracking-wide text-muted-foreground">
              <TableHeadings headings={['Value', 'Matched', 'Why', 'Since']} className="px-3 py-1.5" />
            </thead>
            <tbody>
              {result.suppressed.map((m) => (
                <tr key={`${m.input}-${m.matchedType}-${m.matchedValue}`} className="border-t border-border">
                  <td className="px-3 py-1.5 font-mono">{m.input}</td>
                  <td className="px-3 py-1.5">
                    <span className="flex items-center gap-1.5">
                      <TypeBadge type={m.matchedType} />
                      <span className="font-mono text-xs">{m.matchedValue}</span>
                    </span>
                  </td>
                  <td className="px-3 py-1.5">
                    <ReasonBadge reason={m.reason} />
                  </td>
                  <td className="px-3 py-1.5 text-muted-foreground">{formatDate(m.since)}</td>
                </tr>
              ))}
              {result.invalid.map((m) => (
                <tr key={`invalid-${m.input}`} className="border-t border-border">
                  <td className="px-3 py-1.5 font-mono">{m.input}</td>
                  <td className="px-3 py-1.5 text-muted-foreground" colSpan={3}>
                    Not readable as {m.channel === 'email' ? 'an email address' : 'a phone number'}: {m.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// Bulk upload: paste values (one a line, or a CSV with an email/domain/phone/value column) or
// choose a CSV file; the API adds them in one statement and reports added, duplicate and invalid
// lines. Small files are sent inline; big ones go to the data bucket first.
import { useEffect, useState, type FormEvent } from 'react';
import {
  MAX_BULK_CSV_CHARS,
  SUPPRESSION_REASONS,
  SUPPRESSION_REASON_LABELS,
  type BulkSuppressionResponse,
  type SuppressionList,
  type SuppressionReason,
} from '@shared/contracts/compliance';
import { FormDialogFooter } from '@/components/form/form-dialog-footer';
import { FormError } from '@/components/form/form-error';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { FileButton } from '@/components/ui/file-button';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { Textarea } from '@/components/ui/textarea';
import { describeError } from '@/lib/api';
import { BulkReport } from './bulk-report';
import { bulkAddSuppressions, uploadSuppressionFile } from './suppressions-api';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  list: SuppressionList;
  onDone: () => void;
}

export function BulkSuppressionDialog({ open, onOpenChange, list, onDone }: Props) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState<SuppressionReason>('manual');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<BulkSuppressionResponse | null>(null);

  useEffect(() => {
    if (!open) return;
    setText('');
    setFile(null);
    setReason(list === 'email' ? 'manual' : 'dnc_registry');
    setError(null);
    setReport(null);
  }, [open, list]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file && text.trim() === '') {
      setError('Paste at least one value, or choose a file.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      let source: { csv: string } | { s3Key: string };
      if (file) source = file.size > MAX_BULK_CSV_CHARS ? { s3Key: await uploadSuppressionFile(file) } : { csv: await file.text() };
      else source = { csv: text };
      const result = await bulkAddSuppressions({ list, reason, source: file ? file.name.slice(0, 200) : 'paste', ...source });
      setReport(result);
      onDone();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  const noun = list === 'email' ? 'addresses or domains' : 'phone numbers';
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>{list === 'email' ? 'Bulk upload to the email list' : 'Bulk upload to do-not-call'}</DialogTitle>
          <DialogDescription>
            Paste {noun}, one a line, or choose a CSV file with an <code className="font-mono text-xs">{list === 'email' ? 'email' : 'phone'}</code> or{' '}
            <code className="font-mono text-xs">value</code> column (a <code className="font-mono text-xs">reason</code> column overrides the reason per row).
          </DialogDescription>
        </DialogHeader>
        {report ? (
          <>
            <BulkReport report={report} />
            <DialogFooter>
              <Button variant="outline" onClick={() => setReport(null)}>
                Upload more
              </Button>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={(e) => void submit(e)} className="grid gap-4" noValidate aria-label="Bulk upload">
            <Field label={`Paste ${noun}`} hint={file ? 'A file is chosen: the pasted text is ignored.' : undefined}>
              <Textarea
                value={text}
                onChange={(e) => setText(e.target.value)}
                rows={8}
                className="font-mono text-[13px]"
                spellCheck={false}
                disabled={file !== null}
                placeholder={list === 'email' ? 'jane@example.com\nexample.org' : '+1 617 555 0100\n(212) 555-0199'}
              />
            </Field>
            <div className="flex flex-wrap items-center gap-3">
              <FileButton label="Choose a CSV file" accept=".csv,.txt,text/csv,text/plain" onFile={(chosen) => setFile(chosen ?? null)} />
              {file && (
                <span className="flex items-center gap-2 text-sm">
                  <span className="font-mono">{file.name}</span>
                  <Button variant="ghost" size="sm" onClick={() => setFile(null)}>
                    Clear file
                  </Button>
                </span>
              )}
            </div>
            <Field label="Reason">
              <OptionSelect value={reason} onValueChange={setReason} options={labelledOptions(SUPPRESSION_REASONS, SUPPRESSION_REASON_LABELS)} />
            </Field>
            <FormError>{error}</FormError>
            <FormDialogFooter submitLabel="Upload" pending={busy} onCancel={() => onOpenChange(false)} />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

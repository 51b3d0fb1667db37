// A new domain set from pasted lines or a CSV file (domains, URLs, emails or company names, the
// first column of a CSV). The API normalizes and matches it in one go and answers the report.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { FileUp } from 'lucide-react';
import { DOMAIN_SET_MAX_LINES, domainSetCreateSchema, type DomainSetReport } from '@shared/contracts/audience';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { ApiError, api, describeError } from '@/lib/api';
import { DOMAIN_SETS_PATH } from '@/features/audience/audience-api';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (report: DomainSetReport) => void;
}

export function DomainSetCreateDialog({ open, onOpenChange, onCreated }: Props) {
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const fileId = useId();

  useEffect(() => {
    if (!open) return;
    setName('');
    setText('');
    setFileName(null);
    setErrors({});
  }, [open]);

  async function readFile(file: File | undefined) {
    if (!file) return;
    setText(await file.text());
    setFileName(file.name);
    if (!name.trim()) setName(file.name.replace(/\.[^.]+$/, ''));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = domainSetCreateSchema.safeParse({ name, text });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.path[0] === 'text' ? 'Paste at least one line, or choose a file.' : issue.message])));
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const report = await api.post<DomainSetReport>(DOMAIN_SETS_PATH, parsed.data);
      onCreated(report);
      onOpenChange(false);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        setErrors(Object.fromEntries(Object.entries(error.fieldErrors).map(([field, messages]) => [field, messages.join(' ')])));
      } else setErrors({ form: describeError(error) });
    } finally {
      setBusy(false);
    }
  }

  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').length;
  return (
    <Dialog open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <DialogContent size="lg">
        <form onSubmit={(e) => void submit(e)} className="grid gap-4" noValidate aria-label="New domain set">
          <DialogHeader>
            <DialogTitle>New domain set</DialogTitle>
            <DialogDescription>
              Paste target accounts, one a line: domains, website URLs, emails or company names. Up to {DOMAIN_SET_MAX_LINES.toLocaleString('en-US')} lines; they are
              normalized and matched to your accounts.
            </DialogDescription>
          </DialogHeader>
          <Field label="Name" required error={errors.name}>
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus autoComplete="off" />
          </Field>
          <Field label="Domains or companies" required error={errors.text} hint={lines > 0 ? `${lines.toLocaleString('en-US')} lines` : undefined}>
            <Textarea
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setFileName(null);
              }}
              rows={8}
              className="font-mono text-[13px]"
              spellCheck={false}
              placeholder={'acme.com\nhttps://www.northwind.io/about\nGlobex Corporation'}
            />
          </Field>
          <div className="flex flex-wrap items-center gap-3">
            <label
              htmlFor={fileId}
              className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-input bg-card px-3 py-1.5 text-sm font-medium shadow-xs hover:bg-muted has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring"
            >
              <FileUp className="size-4" aria-hidden="true" />
              Upload a CSV file
              <input id={fileId} type="file" accept=".csv,.txt,text/csv,text/plain" className="sr-only" onChange={(e) => void readFile(e.target.files?.[0])} />
            </label>
            {fileName && <span className="font-mono text-sm">{fileName}</span>}
          </div>
          {errors.form && (
            <p role="alert" className="text-sm font-medium text-danger-text">
              {errors.form}
            </p>
          )}
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Create and match
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

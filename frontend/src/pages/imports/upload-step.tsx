// Step 1 of the wizard: choose a CSV (drop it on the zone or pick it), see its name and size, and
// follow the upload; a file the app or the API refuses says why.
import { useId, useRef, useState, type DragEvent } from 'react';
import { FileSpreadsheet, UploadCloud, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';
import { formatBytes } from './format';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { UploadProgress } from './upload-file';

export interface UploadStepProps {
  file: File | null;
  onFile: (file: File | null) => void;
  progress: UploadProgress | null;
  /** Analysing: the bytes are all sent and the API reads the file. */
  analysing: boolean;
  error: string | null;
  busy: boolean;
}

export function UploadStep({ file, onFile, progress, analysing, error, busy }: UploadStepProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();
  const errorId = useId();

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  }

  const percent = progress && progress.total > 0 ? (progress.sent / progress.total) * 100 : null;

  return (
    <div className="grid gap-4">
      <div
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          if (!busy) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          'flex flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed px-6 py-12 text-center transition-colors',
          dragging ? 'border-primary bg-primary-subtle' : 'border-border bg-muted/40',
          error && !dragging && 'border-danger',
        )}
      >
        <span className="grid size-12 place-items-center rounded-full bg-primary-subtle text-primary-subtle-foreground" aria-hidden="true">
          <UploadCloud className="size-6" />
        </span>
        <div>
          <p className="text-[15px] font-semibold">Drop a CSV file here</p>
          <p id={hintId} className="mt-1 text-sm text-muted-foreground">
            .csv, .tsv or .txt up to 1 GB; any encoding, delimiter and header names — you map the columns next.
          </p>
        </div>
        <input
          ref={inputRef}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          className="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="file-input"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) onFile(chosen);
            event.target.value = '';
          }}
        />
        <Button variant="outline" onClick={() => inputRef.current?.click()} disabled={busy} aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
          Choose a file
        </Button>
      </div>

      {file && (
        <div className="flex items-center gap-3 rounded-lg border border-border bg-card px-4 py-3" data-testid="chosen-file">
          <FileSpreadsheet className="size-5 shrink-0 text-primary" aria-hidden="true" />
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium">{file.name}</p>
            <p className="text-xs text-muted-foreground">{formatBytes(file.size)}</p>
          </div>
          {!busy && (
            <Button variant="ghost" size="icon-sm" onClick={() => onFile(null)} aria-label={`Remove ${file.name}`}>
              <X aria-hidden="true" />
            </Button>
          )}
        </div>
      )}

      {progress && (
        <div className="grid gap-1.5" aria-live="polite">
          <ProgressBar
            value={percent}
            label="Upload progress"
            valueText={`${formatBytes(progress.sent)} of ${formatBytes(progress.total)}`}
            tone={error ? 'danger' : 'primary'}
          />
          <p className="text-xs text-muted-foreground">
            {analysing ? 'Uploaded. Reading the file: encoding, delimiter, header and a first look at the values…' : `${formatBytes(progress.sent)} of ${formatBytes(progress.total)} sent`}
          </p>
        </div>
      )}

      {error && (
        <div id={errorId} role="alert" className="rounded-lg border border-danger/40 bg-danger-subtle px-4 py-3 text-sm text-danger-text" data-testid="upload-error">
          <p className="font-semibold">This file can’t be imported</p>
          <p className="mt-0.5">{error}</p>
        </div>
      )}
    </div>
  );
}

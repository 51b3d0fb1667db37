// A field of a record that edits in place: click it (or focus it and press Enter), change the
// value, Enter saves and Esc cancels; leaving a changed field saves it too. The save answers an
// error message to show under the field, or null.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Loader2, PencilLine } from 'lucide-react';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { inputClasses } from '@/components/ui/input';
import { cn } from '@/lib/utils';

export type InlineKind = 'text' | 'number' | 'enum' | 'textarea';

export interface InlineFieldProps {
  label: string;
  /** The stored value as the editor starts from it. */
  value: string | number | null;
  /**
   * How the value reads when not editing (defaults to the value), as text: the edit button is
   * named by what it shows.
   */
  display?: string | null;
  kind?: InlineKind;
  options?: readonly string[];
  mono?: boolean;
  readOnly?: boolean;
  /** Saves the edited text; answers an error message, or null when saved. */
  onSave: (draft: string) => Promise<string | null>;
  className?: string;
}

const EMPTY_OPTION = '__empty__';

export function InlineField({ label, value, display, kind = 'text', options = [], mono, readOnly, onSave, className }: InlineFieldProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = useRef(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const id = useId();
  const initial = value === null || value === undefined ? '' : String(value);

  useEffect(() => {
    if (editing && kind !== 'enum') inputRef.current?.select();
  }, [editing, kind]);

  function start() {
    if (readOnly) return;
    done.current = false;
    setDraft(initial);
    setError(null);
    setEditing(true);
  }

  function stop() {
    done.current = true;
    setEditing(false);
    setError(null);
    // Back on the field, so keyboard users carry on where they were.
    requestAnimationFrame(() => buttonRef.current?.focus());
  }

  async function commit(next: string) {
    if (done.current || busy) return;
    if (next === initial) {
      stop();
      return;
    }
    setBusy(true);
    const message = await onSave(next);
    setBusy(false);
    if (message) {
      setError(message);
      inputRef.current?.focus();
    } else stop();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      stop();
    } else if (event.key === 'Enter' && (kind !== 'textarea' || !event.shiftKey)) {
      event.preventDefault();
      void commit(draft);
    }
  }

  const empty = initial === '';
  // What the field shows, and so what its edit button is named by ("Job title: Empty. Edit"):
  // the name holds all the visible text, as speech-input users need to reach it by what they see.
  const shown = empty ? 'Empty' : (display ?? initial);
  const errorId = `${id}-error`;
  // What the one-line and the multi-line editor share.
  const editorProps = {
    ref: inputRef,
    value: draft,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onKeyDown,
    onBlur: () => {
      if (!error) void commit(draft);
    },
    'aria-labelledby': `${id}-label`,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  };
  return (
    <div className={cn('grid min-w-0 gap-1', className)} data-field={label}>
      <dt className="text-xs font-medium text-muted-foreground" id={`${id}-label`}>
        {label}
      </dt>
      <dd className="min-w-0">
        {!editing ? (
          readOnly ? (
            <span className={cn('block min-h-8 truncate py-1.5 text-sm', empty ? 'text-muted-foreground' : mono && 'font-mono text-[13px]')}>
              {empty ? '—' : (display ?? initial)}
            </span>
          ) : (
            <button
              ref={buttonRef}
              type="button"
              onClick={start}
              aria-label={`${label}: ${shown}. Edit`}
              className="group/field -mx-2 flex min-h-8 w-[calc(100%+1rem)] items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm transition-colors hover:bg-muted"
            >
              <span className={cn('min-w-0 flex-1 truncate', empty ? 'text-muted-foreground' : mono && 'font-mono text-[13px]')}>{shown}</span>
              <PencilLine className="size-3.5 shrink-0 text-muted-foreground opacity-0 transition-opacity group-hover/field:opacity-100 group-focus-visible/field:opacity-100" aria-hidden="true" />
            </button>
          )
        ) : kind === 'enum' ? (
          <Select
            defaultOpen
            value={draft === '' ? EMPTY_OPTION : draft}
            onValueChange={(next) => {
              const chosen = next === EMPTY_OPTION ? '' : next;
              setDraft(chosen);
              void commit(chosen);
            }}
            onOpenChange={(open) => {
              if (!open && !busy) setTimeout(() => !busy && draft === initial && stop(), 0);
            }}
          >
            <SelectTrigger size="sm" aria-labelledby={`${id}-label`} aria-describedby={error ? errorId : undefined}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={EMPTY_OPTION}>(empty)</SelectItem>
              {options.map((option) => (
                <SelectItem key={option} value={option}>
                  {option}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        ) : (
          <div className="relative">
            {kind === 'textarea' ? (
              <textarea {...editorProps} rows={4} disabled={busy} className={cn(inputClasses, 'h-auto py-2')} />
            ) : (
              <input
                {...editorProps}
                inputMode={kind === 'number' ? 'decimal' : undefined}
                readOnly={busy}
                spellCheck={!mono}
                autoComplete="off"
                className={cn(inputClasses, 'h-8', mono && 'font-mono text-[13px]')}
              />
            )}
            {busy && <Loader2 className="absolute right-2 top-2 size-4 animate-spin text-muted-foreground" aria-label="Saving" />}
          </div>
        )}
        {error && (
          <p id={errorId} role="alert" className="mt-1 text-xs font-medium text-danger-text">
            {error}
          </p>
        )}
      </dd>
    </div>
  );
}

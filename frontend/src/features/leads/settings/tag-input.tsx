// A list of short values typed as tags: Enter or a comma adds what was typed (a pasted list is
// split on commas and new lines), Backspace in the empty box takes the last tag back into it, and
// each tag has its own remove button. Duplicates (case-insensitive) are ignored.
import { useState, type KeyboardEvent } from 'react';
import { X } from 'lucide-react';
import { cn } from '@/lib/utils';

export interface TagInputProps {
  value: string[];
  onChange: (next: string[]) => void;
  /** The input's accessible name is its Field label; these name the tags (one, several) in the list's and remove buttons' labels. */
  itemNames: readonly [one: string, other: string];
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  /** Turns what was typed into a tag, or null to refuse it (e.g. upper-cases a country code). */
  normalize?: (text: string) => string | null;
  /** What a refused value should look like, said beside it ("two letters, such as US"). */
  refusedHint?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

const split = (text: string) =>
  text
    .split(/[,\n;]+/)
    .map((t) => t.trim())
    .filter(Boolean);

export function TagInput({ value, onChange, itemNames, id, placeholder, disabled, normalize = (t) => t, refusedHint, ...aria }: TagInputProps) {
  const [draft, setDraft] = useState('');
  const [refused, setRefused] = useState<string | null>(null);

  function commit(text: string): boolean {
    const next = [...value];
    const bad: string[] = [];
    for (const raw of split(text)) {
      const tag = normalize(raw);
      if (tag === null) bad.push(raw);
      else if (!next.some((t) => t.toLowerCase() === tag.toLowerCase())) next.push(tag);
    }
    if (next.length !== value.length) onChange(next);
    setRefused(bad.length ? bad.join(', ') : null);
    setDraft(bad.join(', '));
    return bad.length === 0;
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if ((e.key === 'Enter' || e.key === ',') && draft.trim()) {
      e.preventDefault();
      commit(draft);
    } else if (e.key === 'Enter') {
      // An empty box does not submit the surrounding form.
      e.preventDefault();
    } else if (e.key === 'Backspace' && draft === '' && value.length) {
      e.preventDefault();
      setDraft(value[value.length - 1]!);
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div
      className={cn(
        'flex min-h-9 w-full flex-wrap items-center gap-1 rounded-md border border-input bg-card px-1.5 py-1 shadow-xs focus-within:border-primary',
        aria['aria-invalid'] && 'border-danger',
        disabled && 'cursor-not-allowed opacity-50',
      )}
    >
      {value.length > 0 && (
        <ul className="contents" aria-label={`Chosen ${itemNames[1]}`}>
          {value.map((tag) => (
            <li key={tag} className="inline-flex h-6 items-center gap-0.5 rounded bg-muted pl-2 text-[13px]">
              {tag}
              {!disabled && (
                <button
                  type="button"
                  className="grid size-6 place-items-center rounded text-muted-foreground hover:bg-border hover:text-foreground"
                  aria-label={`Remove ${itemNames[0]} ${tag}`}
                  onClick={() => onChange(value.filter((t) => t !== tag))}
                >
                  <X className="size-3" aria-hidden="true" />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        {...aria}
        className="h-7 min-w-[8rem] flex-1 bg-transparent px-1.5 text-sm outline-none placeholder:text-muted-foreground"
        value={draft}
        placeholder={value.length ? undefined : placeholder}
        disabled={disabled}
        autoComplete="off"
        onChange={(e) => {
          setRefused(null);
          setDraft(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && commit(draft)}
        onPaste={(e) => {
          const text = e.clipboardData.getData('text');
          if (!/[,\n;]/.test(text)) return;
          e.preventDefault();
          commit(draft + text);
        }}
      />
      {refused && (
        <span className="basis-full px-1.5 pb-0.5 text-xs font-medium text-danger-text" role="status">
          Not added: {refused}
          {refusedHint && ` (${refusedHint})`}
        </span>
      )}
    </div>
  );
}

// The controls above a record list: the search box (`/` focuses it), the sort choice, and the
// Cards / Table switch. Their state lives in the address (useListUrlState).
import { forwardRef, useEffect, useState, type KeyboardEvent } from 'react';
import { ArrowDownWideNarrow, ArrowUpNarrowWide, LayoutGrid, Search, Table2 } from 'lucide-react';
import type { FieldDefinition } from '@shared/contracts/filters';
import type { SortState } from '@/components/ui/data-table/data-table';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Kbd } from '@/components/ui/kbd';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { cn } from '@/lib/utils';
import type { ListView } from './list-url-state';

const SEARCH_DEBOUNCE_MS = 250;
const DEFAULT_SORT = '__default__';

export const SearchBox = forwardRef<HTMLInputElement, { value: string; onChange: (q: string) => void; placeholder: string; label: string }>(function SearchBox(
  { value, onChange, placeholder, label },
  ref,
) {
  const [text, setText] = useState(value);
  // The address can change under us (back button, a cleared filter): follow it.
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text.trim() === '' ? '' : text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <div className="relative w-full max-w-sm">
      <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
      <Input
        ref={ref}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text !== '') {
            e.stopPropagation();
            setText('');
          }
        }}
        placeholder={placeholder}
        aria-label={label}
        className="h-9 pl-8 pr-9"
      />
      <Kbd className="pointer-events-none absolute right-2 top-1/2 -translate-y-1/2" aria-hidden="true">
        /
      </Kbd>
    </div>
  );
});

export function SortSelect({ fields, value, onChange, defaultLabel }: { fields: readonly FieldDefinition[]; value: SortState | null; onChange: (sort: SortState | null) => void; defaultLabel: string }) {
  const sortable = fields.filter((f) => f.sortable);
  const desc = value?.desc ?? true;
  return (
    <div className="flex items-center gap-1">
      <Select value={value?.id ?? DEFAULT_SORT} onValueChange={(id) => onChange(id === DEFAULT_SORT ? null : { id, desc: value?.desc ?? false })}>
        <SelectTrigger size="sm" className="h-9 w-48" aria-label="Sort by">
          <span className="text-muted-foreground">Sort:</span>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={DEFAULT_SORT}>{defaultLabel}</SelectItem>
          {sortable.map((f) => (
            <SelectItem key={f.key} value={f.key}>
              {f.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Button
        variant="outline"
        size="icon"
        disabled={!value}
        aria-label={desc ? 'Descending: switch to ascending' : 'Ascending: switch to descending'}
        title={desc ? 'Descending' : 'Ascending'}
        onClick={() => value && onChange({ ...value, desc: !value.desc })}
      >
        {desc ? <ArrowDownWideNarrow aria-hidden="true" /> : <ArrowUpNarrowWide aria-hidden="true" />}
      </Button>
    </div>
  );
}

export function ViewToggle({ value, onChange }: { value: ListView; onChange: (view: ListView) => void }) {
  const options: Array<{ view: ListView; label: string; icon: typeof LayoutGrid }> = [
    { view: 'cards', label: 'Cards', icon: LayoutGrid },
    { view: 'table', label: 'Table', icon: Table2 },
  ];
  // A radio group: one tab stop, arrow keys choose (and move focus with the choice).
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) return;
    event.preventDefault();
    const next = value === 'cards' ? 'table' : 'cards';
    onChange(next);
    event.currentTarget.querySelector<HTMLButtonElement>(`[data-view="${next}"]`)?.focus();
  }
  return (
    <div role="radiogroup" aria-label="Layout" onKeyDown={onKeyDown} className="inline-flex h-9 items-center gap-1 rounded-lg bg-muted p-1">
      {options.map(({ view, label, icon: Icon }) => {
        const active = value === view;
        return (
          <button
            key={view}
            type="button"
            role="radio"
            aria-checked={active}
            tabIndex={active ? 0 : -1}
            data-view={view}
            onClick={() => onChange(view)}
            className={cn(
              'inline-flex h-7 items-center gap-1.5 rounded-md px-3 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground',
              active && 'bg-card text-foreground shadow-sm',
            )}
          >
            <Icon className="size-4" aria-hidden="true" />
            {label}
          </button>
        );
      })}
    </div>
  );
}

// CommandPalette: cmdk in a dialog, opened with ⌘K / Ctrl+K. It lists the commands it is given
// (navigation, actions) filtered as you type, and, with a `search` provider, records found on the
// server under their own groups (shown as returned, not re-filtered).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Dialog as RadixDialog, VisuallyHidden } from 'radix-ui';
import { Loader2 } from 'lucide-react';
import { formatShortcut, isMacPlatform, useHotkeys } from '@/lib/hotkeys';
import { DialogOverlay } from './dialog';
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from './command';
import { Kbd } from './kbd';
import { useReturnFocus } from './use-return-focus';

export interface PaletteCommand {
  id: string;
  label: string;
  icon?: ReactNode;
  /** A combo as useHotkeys understands it ("g d", "mod+k"); shown, not bound. */
  shortcut?: string;
  keywords?: string[];
  /** Secondary text on the right (e.g. an email or a record type). */
  detail?: string;
  onSelect: () => void;
}

export interface PaletteGroup {
  heading: string;
  commands: PaletteCommand[];
}

export interface CommandPaletteProps {
  groups: PaletteGroup[];
  /** Server-side search; called (debounced) with the query once it has 2+ characters. */
  search?: (query: string, signal: AbortSignal) => Promise<PaletteGroup[]>;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  placeholder?: string;
  /** Bind ⌘K / Ctrl+K (default true). */
  hotkey?: boolean;
}

const SEARCH_DEBOUNCE_MS = 200;

const itemValue = (command: PaletteCommand) => `${command.id} ${command.label}`;

export function CommandPalette({ groups, search, open: openProp, onOpenChange, placeholder = 'Type a command or search…', hotkey = true }: CommandPaletteProps) {
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PaletteGroup[]>([]);
  const [searching, setSearching] = useState(false);
  const [selected, setSelected] = useState('');
  const isMac = useRef(isMacPlatform()).current;
  const returnFocus = useReturnFocus();

  useHotkeys([{ combo: 'mod+k', allowInInputs: true, handler: () => setOpen(!open) }], hotkey);

  useEffect(() => {
    if (!open) {
      setQuery('');
      setResults([]);
      // A stale value (say, a record found last time) would leave nothing highlighted on reopening.
      setSelected('');
    }
  }, [open]);

  useEffect(() => {
    const q = query.trim();
    if (!search || q.length < 2) {
      setResults([]);
      setSearching(false);
      return;
    }
    const controller = new AbortController();
    setSearching(true);
    const timer = setTimeout(() => {
      search(q, controller.signal)
        .then((found) => {
          if (!controller.signal.aborted) setResults(found);
        })
        .catch(() => {
          // A failed search leaves the local commands; the palette stays usable.
          if (!controller.signal.aborted) setResults([]);
        })
        .finally(() => {
          if (!controller.signal.aborted) setSearching(false);
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [query, search]);

  // Results arrive after cmdk has filtered; if no local command matched, highlight the first
  // result so Enter opens it.
  const firstResult = results[0]?.commands[0];
  useEffect(() => {
    if (firstResult && !selected) setSelected(itemValue(firstResult));
  }, [firstResult, selected]);

  function changeQuery(next: string) {
    setQuery(next);
    // The last query's records go at once: cmdk highlights the first option on every keystroke,
    // and a record that no longer matches must not be the one Enter opens (nor stay highlighted
    // after the new results replace it).
    setResults([]);
  }

  function run(command: PaletteCommand) {
    setOpen(false);
    command.onSelect();
  }

  function renderItem(command: PaletteCommand, forceMount: boolean) {
    return (
      <CommandItem
        key={command.id}
        value={itemValue(command)}
        keywords={command.keywords}
        forceMount={forceMount}
        onSelect={() => run(command)}
      >
        {command.icon && (
          <span className="text-muted-foreground" aria-hidden="true">
            {command.icon}
          </span>
        )}
        <span className="truncate">{command.label}</span>
        {command.detail && <span className="ml-auto truncate font-mono text-xs text-muted-foreground">{command.detail}</span>}
        {command.shortcut && (
          <span className={command.detail ? 'ml-2 flex gap-1' : 'ml-auto flex gap-1'}>
            {formatShortcut(command.shortcut, isMac)
              .split(' then ')
              .map((k) => (
                <Kbd key={k}>{k}</Kbd>
              ))}
          </span>
        )}
      </CommandItem>
    );
  }

  return (
    <RadixDialog.Root open={open} onOpenChange={setOpen}>
      <RadixDialog.Portal>
        <DialogOverlay />
        <RadixDialog.Content
          className="fixed left-1/2 top-[14vh] z-50 w-[calc(100vw-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-xl border border-border bg-popover shadow-lg data-[state=open]:animate-scale-in"
          aria-describedby={undefined}
          {...returnFocus}
        >
          <VisuallyHidden.Root>
            <RadixDialog.Title>Command palette</RadixDialog.Title>
          </VisuallyHidden.Root>
          <Command loop label="Command palette" value={selected} onValueChange={(v) => setSelected(v ?? '')}>
            <CommandInput placeholder={placeholder} value={query} onValueChange={changeQuery} aria-label="Search commands and records" />
            {/* Status and "no results" sit outside the listbox, which may hold only options. */}
            {searching && (
              <div role="status" className="flex items-center gap-2 px-4 py-2 text-sm text-muted-foreground">
                <Loader2 className="size-4 animate-spin" aria-hidden="true" /> Searching…
              </div>
            )}
            {/* Server results are force-mounted, so cmdk's own count ignores them. */}
            {!searching && results.length === 0 && <CommandEmpty>No results.</CommandEmpty>}
            <CommandList className="max-h-[min(60vh,420px)]">
              {results.map((group) => (
                <CommandGroup key={`result-${group.heading}`} heading={group.heading} forceMount>
                  {group.commands.map((c) => renderItem(c, true))}
                </CommandGroup>
              ))}
              {groups.map((group) => (
                <CommandGroup key={group.heading} heading={group.heading}>
                  {group.commands.map((c) => renderItem(c, false))}
                </CommandGroup>
              ))}
            </CommandList>
            <div className="flex items-center gap-3 border-t border-border px-3 py-2 text-xs text-muted-foreground">
              <span className="flex items-center gap-1">
                <Kbd>↑</Kbd>
                <Kbd>↓</Kbd> to move
              </span>
              <span className="flex items-center gap-1">
                <Kbd>↵</Kbd> to open
              </span>
              <span className="flex items-center gap-1">
                <Kbd>Esc</Kbd> to close
              </span>
            </div>
          </Command>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

// Pick a contact to personalise a preview or a test send with: searched by name or email over
// the global search; "Sample values" uses the merge fields' samples instead.
import { useEffect, useState } from 'react';
import { ChevronsUpDown, UserRound } from 'lucide-react';
import type { SearchResponse } from '@shared/contracts/accounts';
import { Button } from '@/components/ui/button';
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from '@/components/ui/command';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { api } from '@/lib/api';
import { useDebounced } from '@/lib/use-debounced';
import { cn } from '@/lib/utils';

export interface PickedContact {
  id: string;
  label: string;
  email: string | null;
}

export interface ContactPickerProps {
  value: PickedContact | null;
  onChange: (contact: PickedContact | null) => void;
  label?: string;
  /** What no contact means: "Sample values" for a preview; null when a contact must be chosen (no such option). */
  noneLabel?: string | null;
  className?: string;
}

export function ContactPicker({ value, onChange, label = 'Preview as contact', noneLabel = 'Sample values', className }: ContactPickerProps) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 200);
  const [hits, setHits] = useState<PickedContact[]>([]);
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');

  useEffect(() => {
    if (!open || query.length < 2) return setHits([]);
    const controller = new AbortController();
    setState('loading');
    api
      .get<SearchResponse>('/api/search', { q: query, limit: 8 }, controller.signal)
      .then((r) => {
        setHits(r.contacts.map((c) => ({ id: c.id, label: c.fullName ?? c.email ?? 'Unnamed contact', email: c.email })));
        setState('idle');
      })
      .catch((error: Error) => error.name !== 'AbortError' && setState('error'));
    return () => controller.abort();
  }, [open, query]);

  const shown = value ? value.label : (noneLabel ?? 'Choose a contact');
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        {/* The name holds the text shown, so a person who speaks what they see reaches the button. */}
        <Button variant="outline" size="sm" aria-label={`${label}: ${shown}`} className={cn('max-w-72 justify-between', className)}>
          <UserRound aria-hidden="true" />
          <span className={cn('truncate', !value && noneLabel === null && 'text-muted-foreground')}>{shown}</span>
          <ChevronsUpDown className="opacity-60" aria-hidden="true" />
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-80 p-0" aria-label="Choose a contact">
        <Command shouldFilter={false}>
          <CommandInput placeholder="Search contacts by name or email…" aria-label="Search contacts" value={q} onValueChange={setQ} />
          <CommandList aria-label="Contacts">
            <CommandGroup>
              {noneLabel !== null && (
                <CommandItem
                  value="sample"
                  onSelect={() => {
                    onChange(null);
                    setOpen(false);
                  }}
                >
                  {noneLabel}
                </CommandItem>
              )}
              {hits.map((contact) => (
                <CommandItem
                  key={contact.id}
                  value={contact.id}
                  onSelect={() => {
                    onChange(contact);
                    setOpen(false);
                  }}
                >
                  <span className="truncate">{contact.label}</span>
                  {contact.email && <span className="ml-auto truncate font-mono text-xs text-muted-foreground">{contact.email}</span>}
                </CommandItem>
              ))}
            </CommandGroup>
            {query.length >= 2 && state === 'idle' && hits.length === 0 && <CommandEmpty>No contact matches.</CommandEmpty>}
            {state === 'loading' && <p className="px-3 py-2 text-xs text-muted-foreground">Searching…</p>}
            {state === 'error' && <p className="px-3 py-2 text-xs text-danger-text">The search failed; try again.</p>}
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  );
}

// Pick an email or call campaign: searched by name over both kinds, grouped by kind.
import { useState } from 'react';
import { ChevronsUpDown, Mail, Megaphone, Phone } from 'lucide-react';
import { CAMPAIGN_KIND_LABELS } from '@shared/contracts/content-tracking';
import { Button } from '@/components/ui/button';
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from '@/components/ui/command';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { useDebounced } from '@/lib/use-debounced';
import { cn } from '@/lib/utils';
import { useCampaignOptions, type CampaignOption } from './tracking-api';

export interface CampaignPickerProps {
  value: CampaignOption | null;
  onChange: (campaign: CampaignOption | null) => void;
  /** Campaigns not to offer (already attached), as `${kind}:${id}`. */
  exclude?: ReadonlySet<string>;
  /** What no campaign means ("No campaign"); null when one must be chosen. */
  noneLabel?: string | null;
  label?: string;
  className?: string;
  id?: string;
}

export function CampaignPicker({ value, onChange, exclude, noneLabel = null, label = 'Campaign', className, id }: CampaignPickerProps) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 200);
  const options = useCampaignOptions(query, open);
  const offered = (options.data ?? []).filter((c) => !exclude?.has(`${c.kind}:${c.id}`));
  const pick = (campaign: CampaignOption | null) => {
    onChange(campaign);
    setOpen(false);
  };
  const group = (kind: 'email' | 'call') => {
    const items = offered.filter((c) => c.kind === kind);
    if (items.length === 0) return null;
    const Icon = kind === 'email' ? Mail : Phone;
    return (
      <CommandGroup heading={`${CAMPAIGN_KIND_LABELS[kind]}s`}>
        {items.map((c) => (
          <CommandItem key={`${c.kind}:${c.id}`} value={`${c.kind}:${c.id}`} onSelect={() => pick(c)}>
            <Icon aria-hidden="true" />
            <span className="truncate">{c.name}</span>
            <span className="ml-auto text-xs text-muted-foreground">{c.status}</span>
          </CommandItem>
        ))}
      </CommandGroup>
    );
  };

  const shown = value ? value.name : (noneLabel ?? 'Choose a campaign');
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        {/* The name holds the text shown, so a person who speaks what they see reaches the button. */}
        <Button id={id} type="button" variant="outline" aria-label={`${label}: ${shown}`} className={cn('w-full justify-between', className)}>
          <Megaphone aria-hidden="true" />
          <span className={cn('flex-1 truncate text-left', !value && 'text-muted-foreground')}>{shown}</span>
          <ChevronsUpDown className="opacity-60" aria-hidden="true" />
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-(--radix-popover-trigger-width) min-w-72 p-0" aria-label="Choose a campaign">
        <Command shouldFilter={false}>
          <CommandInput placeholder="Search email and call campaigns…" aria-label="Search campaigns" value={q} onValueChange={setQ} />
          <CommandList aria-label="Campaigns">
            {noneLabel !== null && (
              <CommandGroup>
                <CommandItem value="none" onSelect={() => pick(null)}>
                  {noneLabel}
                </CommandItem>
              </CommandGroup>
            )}
            {group('email')}
            {group('call')}
            {options.isSuccess && offered.length === 0 && <CommandEmpty>No campaign matches.</CommandEmpty>}
            {options.isLoading && <p className="px-3 py-2 text-xs text-muted-foreground">Searching…</p>}
            {options.isError && <p className="px-3 py-2 text-xs text-danger-text">The campaigns could not be loaded; try again.</p>}
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  );
}

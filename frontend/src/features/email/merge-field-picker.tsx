// The merge-field picker: a searchable list of the fields a message can be personalised with
// (contact, account, campaign, a call script's content links, sender), each inserted at the caret
// as a Liquid tag with a fallback for contacts who lack the value.
import { useId, useState } from 'react';
import { Braces } from 'lucide-react';
import { MERGE_FIELD_GROUPS, type MergeField, type MergeFieldGroup } from '@shared/contracts/email-content';
import { Button } from '@/components/ui/button';
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from '@/components/ui/command';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { useMergeFields } from './campaigns-api';
import { mergeTag } from './merge-tag';

const GROUP_LABELS: Record<MergeFieldGroup, string> = { contact: 'Contact', account: 'Account', campaign: 'Campaign', content: 'Content links', system: 'Sender and links' };

export interface MergeFieldPickerProps {
  /** What the tag goes into, for the button's accessible name: "subject" → "Insert merge field into subject". */
  target: string;
  onInsert: (tag: string) => void;
  disabled?: boolean;
  /** Called as the list opens, so the field can remember its caret first. */
  onOpen?: () => void;
  /** Another catalog than email's (a call script's contact and account fields). */
  fields?: MergeFieldSource;
}

/** A catalog as a query gives it. */
export interface MergeFieldSource {
  data?: MergeField[] | undefined;
  isLoading: boolean;
  isError: boolean;
}

export function MergeFieldPicker({ target, onInsert, disabled, onOpen, fields: source }: MergeFieldPickerProps) {
  const [open, setOpen] = useState(false);
  const [fallback, setFallback] = useState('');
  const emailFields = useMergeFields({ enabled: source === undefined });
  const fields = source ?? emailFields;
  const fallbackId = useId();
  const byGroup = MERGE_FIELD_GROUPS.map((group) => ({ group, items: (fields.data ?? []).filter((f) => f.group === group) })).filter((g) => g.items.length > 0);

  function pick(field: MergeField) {
    // Links and system values have no sensible fallback; the author's one is for contact and account fields.
    onInsert(field.group === 'system' || field.group === 'content' ? `{{ ${field.key} }}` : mergeTag(field.key, fallback));
    setOpen(false);
    setFallback('');
  }

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        if (next) onOpen?.();
        setOpen(next);
      }}
    >
      <PopoverTrigger asChild>
        <Button
          variant="outline"
          size="icon-sm"
          aria-label={`Insert merge field into ${target}`}
          title={`Insert merge field into ${target}`}
          disabled={disabled}
          // Keep the caret in the field: a mouse press on the button would take focus first.
          onMouseDown={(e) => e.preventDefault()}
        >
          <Braces aria-hidden="true" />
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-80 p-0" align="end" aria-label="Merge fields">
        <div className="grid gap-1.5 border-b border-border p-3">
          <Label htmlFor={fallbackId}>Fallback when empty</Label>
          <Input id={fallbackId} value={fallback} onChange={(e) => setFallback(e.target.value)} placeholder="e.g. there" autoComplete="off" />
        </div>
        <Command>
          <CommandInput placeholder="Search fields…" aria-label="Search merge fields" />
          <CommandList aria-label="Merge fields">
            {fields.isLoading && <p className="px-3 py-4 text-sm text-muted-foreground">Loading fields…</p>}
            {fields.isError && <p className="px-3 py-4 text-sm text-danger-text">The merge fields could not be loaded.</p>}
            <CommandEmpty>No field matches.</CommandEmpty>
            {byGroup.map(({ group, items }) => (
              <CommandGroup key={group} heading={GROUP_LABELS[group]}>
                {items.map((field) => (
                  <CommandItem key={field.key} value={`${field.label} ${field.key}`} onSelect={() => pick(field)}>
                    <span className="truncate">{field.label}</span>
                    <span className="ml-auto truncate font-mono text-xs text-muted-foreground">{field.sample}</span>
                  </CommandItem>
                ))}
              </CommandGroup>
            ))}
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  );
}

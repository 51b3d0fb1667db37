// AdvancedFilterBar: the filter of a list as removable chips joined by AND/OR (click the joiner to
// switch), with one level of nested groups ("Industry is Software AND (Country is US OR Country is
// CA)"). It edits a FilterGroup from shared/contracts/filters.ts; pair it with useUrlFilter() to
// keep the filter in the URL.
import { useState, type ReactNode } from 'react';
import { FolderPlus, ListFilter, Plus, X } from 'lucide-react';
import { isFilterGroup, type FieldDefinition, type FilterCondition, type FilterGroup } from '@shared/contracts/filters';
import { cn } from '@/lib/utils';
import { Button } from '../button';
import { Popover, PopoverContent, PopoverTrigger } from '../popover';
import { ConditionEditor } from './condition-editor';
import { addNode, countConditions, describeCondition, describeConditionText, removeNode, replaceNode, toggleGroupType, type FilterPath } from './filter-model';

export interface AdvancedFilterBarProps {
  fields: readonly FieldDefinition[];
  value: FilterGroup;
  onChange: (filter: FilterGroup) => void;
  className?: string;
  /** Extra controls at the end of the bar (e.g. saved views). */
  children?: ReactNode;
}

export function AdvancedFilterBar({ fields, value, onChange, className, children }: AdvancedFilterBarProps) {
  const total = countConditions(value);
  return (
    <div role="group" aria-label="Filters" className={cn('flex flex-wrap items-center gap-1.5', className)} data-testid="filter-bar">
      <span className="mr-1 inline-flex items-center gap-1.5 text-sm font-medium text-muted-foreground">
        <ListFilter className="size-4" aria-hidden="true" />
        <span className={cn(total > 0 && 'sr-only')}>Filters</span>
      </span>
      <GroupChips fields={fields} root={value} group={value} path={[]} onChange={onChange} />
      <AddConditionButton
        label="Add filter"
        icon={<Plus aria-hidden="true" />}
        fields={fields}
        onApply={(condition) => onChange(addNode(value, [], condition))}
      />
      <AddConditionButton
        label="Add group"
        icon={<FolderPlus aria-hidden="true" />}
        fields={fields}
        onApply={(condition) => onChange(addNode(value, [], { type: value.type === 'and' ? 'or' : 'and', conditions: [condition] }))}
      />
      {total > 0 && (
        <Button variant="ghost" size="sm" className="text-muted-foreground" onClick={() => onChange({ type: 'and', conditions: [] })}>
          Clear all
        </Button>
      )}
      {children}
    </div>
  );
}

function GroupChips({
  fields,
  root,
  group,
  path,
  onChange,
}: {
  fields: readonly FieldDefinition[];
  root: FilterGroup;
  group: FilterGroup;
  path: FilterPath;
  onChange: (filter: FilterGroup) => void;
}) {
  return (
    <>
      {group.conditions.map((node, index) => {
        const nodePath = [...path, index];
        return (
          <span key={index} className="inline-flex items-center gap-1.5">
            {index > 0 && <Joiner type={group.type} onToggle={() => onChange(toggleGroupType(root, path))} />}
            {isFilterGroup(node) ? (
              <span
                role="group"
                aria-label={`Group: ${node.type === 'and' ? 'all' : 'any'} of ${node.conditions.length} conditions`}
                className="inline-flex flex-wrap items-center gap-1.5 rounded-lg border border-dashed border-input bg-muted/50 px-1.5 py-1"
              >
                <GroupChips fields={fields} root={root} group={node} path={nodePath} onChange={onChange} />
                <AddConditionButton
                  label="Add to group"
                  compact
                  icon={<Plus aria-hidden="true" />}
                  fields={fields}
                  onApply={(condition) => onChange(addNode(root, nodePath, condition))}
                />
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="size-6"
                  aria-label="Remove group"
                  onClick={() => onChange(removeNode(root, nodePath))}
                >
                  <X aria-hidden="true" />
                </Button>
              </span>
            ) : (
              <Chip
                fields={fields}
                condition={node}
                onUpdate={(condition) => onChange(replaceNode(root, nodePath, condition))}
                onRemove={() => onChange(removeNode(root, nodePath))}
              />
            )}
          </span>
        );
      })}
    </>
  );
}

/** The AND or OR between two chips; its name starts with the word it shows, so it can be said. */
function Joiner({ type, onToggle }: { type: 'and' | 'or'; onToggle: () => void }) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-label={type === 'and' ? 'AND: all must match; switch to any (OR)' : 'OR: any may match; switch to all (AND)'}
      className="rounded px-1 py-0.5 font-mono text-[11px] font-semibold uppercase tracking-wider text-accent-subtle-foreground hover:bg-accent-subtle"
    >
      {type}
    </button>
  );
}

function Chip({
  fields,
  condition,
  onUpdate,
  onRemove,
}: {
  fields: readonly FieldDefinition[];
  condition: FilterCondition;
  onUpdate: (condition: FilterCondition) => void;
  onRemove: () => void;
}) {
  const [open, setOpen] = useState(false);
  const parts = describeCondition(condition, fields);
  const text = describeConditionText(condition, fields);
  return (
    <span className="inline-flex h-7 items-center rounded-full border border-primary/25 bg-primary-subtle text-[13px] text-primary-subtle-foreground" data-testid="filter-chip">
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <button type="button" className="inline-flex h-full max-w-80 items-center gap-1 truncate rounded-l-full pl-2.5 pr-1 hover:bg-primary/10" aria-label={`Edit filter: ${text}`}>
            {/* The spaces keep the parts apart as words in the text (the flex gap only draws them apart). */}
            <span className="font-semibold">{parts.field}</span>{' '}
            <span className="opacity-80">{parts.operator}</span>{' '}
            {parts.value && <span className="truncate font-medium">{parts.value}</span>}
          </button>
        </PopoverTrigger>
        <PopoverContent className="w-80 p-0" aria-label={`Edit filter: ${text}`}>
          <ConditionEditor
            fields={fields}
            initial={condition}
            onApply={(next) => {
              onUpdate(next);
              setOpen(false);
            }}
            onCancel={() => setOpen(false)}
          />
        </PopoverContent>
      </Popover>
      <button
        type="button"
        onClick={onRemove}
        aria-label={`Remove filter: ${text}`}
        className="grid h-full place-items-center rounded-r-full pl-0.5 pr-2 hover:bg-primary/10"
      >
        <X className="size-3.5" aria-hidden="true" />
      </button>
    </span>
  );
}

function AddConditionButton({
  label,
  icon,
  fields,
  onApply,
  compact,
}: {
  label: string;
  icon: ReactNode;
  fields: readonly FieldDefinition[];
  onApply: (condition: FilterCondition) => void;
  compact?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        {compact ? (
          <Button variant="ghost" size="icon-sm" className="size-6" aria-label={label}>
            {icon}
          </Button>
        ) : (
          <Button variant="outline" size="sm" className="h-7 border-dashed px-2.5">
            {icon}
            {label}
          </Button>
        )}
      </PopoverTrigger>
      <PopoverContent className="w-80 p-0" aria-label={label}>
        {open && (
          <ConditionEditor
            fields={fields}
            onApply={(condition) => {
              onApply(condition);
              setOpen(false);
            }}
            onCancel={() => setOpen(false)}
          />
        )}
      </PopoverContent>
    </Popover>
  );
}

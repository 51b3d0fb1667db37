// Settings → Resources Centre → reference people (speakers, organizers, sponsors the Resources
// Centre sends) and the open conflicts: a record edited here that then changed there waits for a
// person to keep ours or take theirs, compared side by side.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { GitCompareArrows, Pencil, UsersRound } from 'lucide-react';
import { REFERENCE_KIND_LABELS, type ConflictResolution, type ReferenceConflict, type ReferencePerson } from '@shared/contracts/content-resources';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { actionsColumn, RowAction } from '@/components/ui/data-table/row-actions';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { formatDateTime, formatRelative } from '@/features/records/format';
import { describeError } from '@/lib/api';
import { cn } from '@/lib/utils';
import { useReferenceConflicts, useReferencePeople, useResolveConflict, useUpdatePerson } from './resources-api';

const fieldLabel = (field: string) => (field === 'name' ? 'Name' : field.charAt(0).toUpperCase() + field.slice(1).replace(/_/g, ' '));
const summaryOf = (p: ReferencePerson) => [p.data.title, p.data.company, p.data.city, p.data.tier].filter(Boolean).join(' · ');

export function ReferencePeopleCard() {
  const people = useReferencePeople();
  const [editing, setEditing] = useState<ReferencePerson | null>(null);
  const rows = useMemo(() => people.data?.items ?? [], [people.data]);
  const latestEdit = useRef(setEditing);
  latestEdit.current = setEditing;

  const columns = useMemo<ColumnDef<ReferencePerson, unknown>[]>(
    () => [
      { id: 'name', header: 'Name', size: 190, meta: { locked: true }, cell: ({ row }) => <span className="truncate font-medium">{row.original.name}</span> },
      { id: 'kind', header: 'Kind', size: 96, cell: ({ row }) => REFERENCE_KIND_LABELS[row.original.kind] },
      { id: 'summary', header: 'Details', size: 280, cell: ({ row }) => <span className="truncate text-muted-foreground">{summaryOf(row.original) || '—'}</span> },
      {
        id: 'state',
        header: 'State',
        size: 130,
        cell: ({ row }) =>
          row.original.openConflicts ? (
            <Badge variant="warning" dot>
              In conflict
            </Badge>
          ) : row.original.editedAt ? (
            <Badge variant="info">Edited here</Badge>
          ) : (
            <Badge variant="neutral">As received</Badge>
          ),
      },
      {
        id: 'updated',
        header: 'Changed there',
        size: 120,
        cell: ({ row }) =>
          row.original.remoteUpdatedAt ? (
            <time dateTime={row.original.remoteUpdatedAt} title={formatDateTime(row.original.remoteUpdatedAt)} className="text-muted-foreground">
              {formatRelative(row.original.remoteUpdatedAt)}
            </time>
          ) : (
            '—'
          ),
      },
      actionsColumn<ReferencePerson>(48, (p) => <RowAction label={`Edit ${p.name}`} icon={<Pencil aria-hidden="true" />} onClick={() => latestEdit.current(p)} />),
    ],
    [],
  );

  return (
    <SectionCard id="resources-people" title="Reference people" description="Speakers, organizers and sponsors from the Resources Centre. An edit here is kept: a later change there becomes a conflict." flush>
      <div className="p-4">
        <DataTable
          tableId="resources-centre-people"
          label="Reference people"
          itemName={rows.length === 1 ? 'person' : 'people'}
          columns={columns}
          rows={rows}
          getRowId={(p) => p.id}
          loading={people.isLoading}
          error={people.isError ? describeError(people.error) : null}
          onRetry={() => void people.refetch()}
          onRowOpen={setEditing}
          height={320}
          defaultDensity="compact"
          empty={<EmptyState compact icon={<UsersRound />} title="No reference people yet" description="They arrive with the Resources Centre’s inbound requests and the scheduled pull." />}
        />
      </div>
      <EditPersonDialog person={editing} onClose={() => setEditing(null)} />
    </SectionCard>
  );
}

function EditPersonDialog({ person, onClose }: { person: ReferencePerson | null; onClose: () => void }) {
  const update = useUpdatePerson();
  const [name, setName] = useState('');
  const [data, setData] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!person) return;
    setName(person.name);
    setData(Object.fromEntries(Object.entries(person.data).map(([k, v]) => [k, v ?? ''])));
    setError(null);
  }, [person]);

  async function save() {
    if (!person) return;
    try {
      await update.mutateAsync({ id: person.id, name: name.trim(), data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.trim() === '' ? null : v.trim()])) });
      toast.success(`${name.trim()} saved. A later change in the Resources Centre will ask before it overwrites this.`);
      onClose();
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <Dialog open={person !== null} onOpenChange={(open) => !open && !update.isPending && onClose()}>
      <DialogContent size="md">
        <DialogHeader>
          <DialogTitle>Edit {person?.name}</DialogTitle>
          <DialogDescription>{person ? `${REFERENCE_KIND_LABELS[person.kind]} ${person.externalId} in the Resources Centre.` : ''}</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label="Name" required>
            <Input value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          {Object.keys(data).map((key) => (
            <Field key={key} label={fieldLabel(key)}>
              <Input value={data[key]} onChange={(e) => setData((d) => ({ ...d, [key]: e.target.value }))} />
            </Field>
          ))}
          {error && (
            <p role="alert" className="rounded-md bg-danger-subtle px-3 py-2 text-sm text-danger-text">
              {error}
            </p>
          )}
          <DialogFooter>
            <Button variant="ghost" onClick={onClose} disabled={update.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending} disabled={name.trim() === ''}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function ConflictsCard() {
  const conflicts = useReferenceConflicts();
  const [open, setOpen] = useState<ReferenceConflict | null>(null);
  const items = conflicts.data?.items ?? [];
  return (
    <SectionCard
      id="resources-conflicts"
      title="Open conflicts"
      description="Records edited here that then changed in the Resources Centre."
      actions={items.length > 0 && <Badge variant="warning">{items.length} open</Badge>}
    >
      {conflicts.isLoading ? (
        <Skeleton className="h-16" />
      ) : conflicts.isError ? (
        <ErrorState compact title="The conflicts could not be loaded" description={describeError(conflicts.error)} onRetry={() => void conflicts.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState compact icon={<GitCompareArrows />} title="No open conflicts" description="Every edit here agrees with the Resources Centre, or was resolved." />
      ) : (
        <ul className="grid gap-2" aria-label="Open conflicts">
          {items.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-border px-3 py-2">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium">
                  {c.person.name} <span className="font-normal text-muted-foreground">· {REFERENCE_KIND_LABELS[c.person.kind]}</span>
                </p>
                <p className="truncate text-xs text-muted-foreground">
                  {c.fields.map(fieldLabel).join(', ')} differ · changed there{' '}
                  {c.incomingUpdatedAt ? <time dateTime={c.incomingUpdatedAt}>{formatRelative(c.incomingUpdatedAt)}</time> : 'recently'}
                </p>
              </div>
              <Button size="sm" variant="outline" onClick={() => setOpen(c)} aria-label={`Resolve the conflict on ${c.person.name}`}>
                <GitCompareArrows aria-hidden="true" /> Resolve
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ResolveDialog conflict={open} onClose={() => setOpen(null)} />
    </SectionCard>
  );
}

function ResolveDialog({ conflict, onClose }: { conflict: ReferenceConflict | null; onClose: () => void }) {
  const resolve = useResolveConflict();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [conflict]);
  if (!conflict) return <Dialog open={false} />;
  const ours = { name: conflict.person.name, ...conflict.person.data };
  const theirs = { name: conflict.incoming.name, ...conflict.incoming.data };
  const fields = ['name', ...[...new Set([...Object.keys(conflict.person.data), ...Object.keys(conflict.incoming.data)])].sort()];
  const differs = new Set(conflict.fields);

  async function choose(resolution: ConflictResolution) {
    try {
      await resolve.mutateAsync({ id: conflict!.id, resolution });
      toast.success(resolution === 'keep_ours' ? `Kept our version of ${conflict!.person.name}.` : `Took the Resources Centre’s version of ${conflict!.person.name}.`);
      onClose();
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <Dialog open onOpenChange={(next) => !next && !resolve.isPending && onClose()}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>Resolve the conflict on {conflict.person.name}</DialogTitle>
          <DialogDescription>
            Edited here {conflict.person.editedAt ? formatRelative(conflict.person.editedAt) : ''}
            {conflict.person.editedBy?.name ? ` by ${conflict.person.editedBy.name}` : ''}; changed in the Resources Centre {conflict.incomingUpdatedAt ? formatRelative(conflict.incomingUpdatedAt) : ''}. Fields that differ are marked.
          </DialogDescription>
        </DialogHeader>
        <div className="overflow-x-auto rounded-md border border-border">
          <table className="w-full text-sm">
            <caption className="sr-only">Our version and the Resources Centre’s, field by field</caption>
            <thead className="bg-muted text-left text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="w-32 px-3 py-2 font-medium">
                  Field
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Ours
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Theirs
                </th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => {
                const changed = differs.has(field);
                return (
                  <tr key={field} className={cn('border-t border-border align-top', changed && 'bg-warning-subtle')}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {fieldLabel(field)}
                      {changed && <span className="sr-only"> (differs)</span>}
                    </th>
                    <td className="break-words px-3 py-2">{(ours as Record<string, string | null>)[field] ?? <span className="text-muted-foreground">—</span>}</td>
                    <td className="break-words px-3 py-2">{(theirs as Record<string, string | null>)[field] ?? <span className="text-muted-foreground">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {error && (
          <p role="alert" className="rounded-md bg-danger-subtle px-3 py-2 text-sm text-danger-text">
            {error}
          </p>
        )}
        <DialogFooter>
          <Button variant="outline" loading={resolve.isPending && resolve.variables?.resolution === 'keep_ours'} disabled={resolve.isPending} onClick={() => void choose('keep_ours')}>
            Keep ours
          </Button>
          <Button loading={resolve.isPending && resolve.variables?.resolution === 'take_theirs'} disabled={resolve.isPending} onClick={() => void choose('take_theirs')}>
            Take theirs
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

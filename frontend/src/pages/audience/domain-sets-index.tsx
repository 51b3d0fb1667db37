// Domain sets: each ABM target list with how many of its entries matched an account; a new set
// is pasted or uploaded and opens on its match report.
import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { Globe2, Plus } from 'lucide-react';
import type { DomainSet } from '@shared/contracts/audience';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Kbd } from '@/components/ui/kbd';
import { toast } from '@/components/ui/toast';
import { whenColumn } from '@/features/records/when-column';
import { describeError } from '@/lib/api';
import { useHotkeys } from '@/lib/hotkeys';
import { audienceKeys, useCanWriteAudience, useDomainSets } from '@/features/audience/audience-api';
import { DomainSetCreateDialog } from './domain-set-create-dialog';

const nf = (n: number) => n.toLocaleString('en-US');

export function DomainSetsIndex() {
  const [, navigate] = useLocation();
  const sets = useDomainSets();
  const canWrite = useCanWriteAudience();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);

  useHotkeys([{ combo: 'c', handler: () => canWrite && setCreating(true) }]);

  const columns = useMemo<ColumnDef<DomainSet, unknown>[]>(() => {
    const cols: ColumnDef<DomainSet, unknown>[] = [
      {
        id: 'name',
        header: 'Name',
        size: 300,
        meta: { locked: true },
        cell: ({ row }) => (
          <Link href={`/domain-sets/${row.original.id}`} tabIndex={-1} onClick={(e) => e.stopPropagation()} className="font-medium hover:underline">
            {row.original.name}
          </Link>
        ),
      },
      { id: 'entryCount', header: 'Entries', size: 110, meta: { mono: true, align: 'right' }, cell: ({ row }) => nf(row.original.entryCount) },
      { id: 'matchedCount', header: 'Matched', size: 110, meta: { mono: true, align: 'right' }, cell: ({ row }) => nf(row.original.matchedCount) },
      {
        id: 'matchRate',
        header: 'Match rate',
        size: 120,
        meta: { mono: true, align: 'right' },
        cell: ({ row }) => (row.original.entryCount > 0 ? `${Math.round((row.original.matchedCount / row.original.entryCount) * 100)}%` : '—'),
      },
      whenColumn('updatedAt', 'Updated', 160, (r) => r.updatedAt),
    ];
    return cols.map((c) => ({ ...c, enableSorting: false }));
  }, []);

  return (
    <>
      <HeaderActionBar
        title="Domain sets"
        description="Target account lists: paste domains or company names, review how they matched your accounts, and reach the contacts there."
        actions={
          canWrite && (
            <Button onClick={() => setCreating(true)} title="New domain set (C)">
              <Plus aria-hidden="true" />
              New domain set
              <Kbd className="ml-1 border-white/25 bg-white/10 text-primary-foreground">C</Kbd>
            </Button>
          )
        }
      />
      <DataTable
        tableId="domain-sets"
        label="Domain sets"
        itemName="sets"
        columns={columns}
        rows={sets.data?.items ?? []}
        getRowId={(set) => set.id}
        loading={sets.isLoading}
        error={sets.isError ? describeError(sets.error) : null}
        onRetry={() => void sets.refetch()}
        onRowOpen={(set) => navigate(`/domain-sets/${set.id}`)}
        height="max(360px, calc(100dvh - 16rem))"
        empty={
          <EmptyState
            icon={<Globe2 />}
            title="No domain sets yet"
            description="Paste a target account list to see which accounts you already have."
            action={
              canWrite ? (
                <Button size="sm" onClick={() => setCreating(true)}>
                  <Plus aria-hidden="true" />
                  New domain set
                </Button>
              ) : undefined
            }
          />
        }
      />
      <DomainSetCreateDialog
        open={creating}
        onOpenChange={setCreating}
        onCreated={(report) => {
          queryClient.setQueryData(audienceKeys.domainSet(report.set.id), report);
          void queryClient.invalidateQueries({ queryKey: audienceKeys.domainSets, exact: true });
          toast.success(`“${report.set.name}”: ${nf(report.matched.length)} of ${nf(report.set.entryCount)} entries matched.`);
          navigate(`/domain-sets/${report.set.id}`);
        }}
      />
    </>
  );
}

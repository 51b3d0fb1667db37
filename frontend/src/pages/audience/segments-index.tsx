// Saved segments: name, how many conditions, last change; open one to edit it or turn it into a
// list; delete with confirmation.
import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { Filter, Plus, Trash2 } from 'lucide-react';
import type { Segment } from '@shared/contracts/audience';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { countConditions } from '@/components/ui/advanced-filter-bar/filter-model';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Kbd } from '@/components/ui/kbd';
import { toast } from '@/components/ui/toast';
import { whenColumn } from '@/features/records/when-column';
import { api, describeError } from '@/lib/api';
import { useHotkeys } from '@/lib/hotkeys';
import { SEGMENTS_PATH, audienceKeys, useCanWriteAudience, useSegments } from '@/features/audience/audience-api';

export function SegmentsIndex() {
  const [, navigate] = useLocation();
  const segments = useSegments();
  const canWrite = useCanWriteAudience();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState<Segment | null>(null);

  useHotkeys([{ combo: 'c', handler: () => canWrite && navigate('/segments/new') }]);

  const columns = useMemo<ColumnDef<Segment, unknown>[]>(() => {
    const cols: ColumnDef<Segment, unknown>[] = [
      {
        id: 'name',
        header: 'Name',
        size: 300,
        meta: { locked: true },
        cell: ({ row }) => (
          <Link href={`/segments/${row.original.id}`} tabIndex={-1} onClick={(e) => e.stopPropagation()} className="font-medium hover:underline">
            {row.original.name}
          </Link>
        ),
      },
      {
        id: 'conditions',
        header: 'Conditions',
        size: 120,
        meta: { mono: true, align: 'right' },
        cell: ({ row }) => countConditions(row.original.filter).toLocaleString('en-US'),
      },
      whenColumn('updatedAt', 'Updated', 160, (r) => r.updatedAt),
      { id: 'description', header: 'Description', size: 320, cell: ({ row }) => row.original.description ?? <span className="text-muted-foreground">—</span> },
    ];
    if (canWrite) {
      cols.push({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        size: 70,
        meta: { label: 'Actions', align: 'right', locked: true },
        cell: ({ row }) => (
          <Button
            variant="ghost"
            size="icon-sm"
            className="size-7 text-danger-text hover:bg-danger-subtle"
            aria-label={`Delete ${row.original.name}`}
            onClick={(e) => (e.stopPropagation(), setDeleting(row.original))}
          >
            <Trash2 aria-hidden="true" />
          </Button>
        ),
      });
    }
    return cols.map((c) => ({ ...c, enableSorting: false }));
  }, [canWrite]);

  return (
    <>
      <HeaderActionBar
        title="Segments"
        description="Saved filters over contacts and their companies, lists, domain sets, suppression and consent. Members are worked out when used."
        actions={
          canWrite && (
            <Button onClick={() => navigate('/segments/new')} title="New segment (C)">
              <Plus aria-hidden="true" />
              New segment
              <Kbd className="ml-1 border-white/25 bg-white/10 text-primary-foreground">C</Kbd>
            </Button>
          )
        }
      />
      <DataTable
        tableId="segments"
        label="Segments"
        itemName="segments"
        columns={columns}
        rows={segments.data?.items ?? []}
        getRowId={(segment) => segment.id}
        loading={segments.isLoading}
        error={segments.isError ? describeError(segments.error) : null}
        onRetry={() => void segments.refetch()}
        onRowOpen={(segment) => navigate(`/segments/${segment.id}`)}
        height="max(360px, calc(100dvh - 16rem))"
        empty={
          <EmptyState
            icon={<Filter />}
            title="No segments yet"
            description="Build one with the filter bar and watch the count as you go."
            action={
              canWrite ? (
                <Button size="sm" onClick={() => navigate('/segments/new')}>
                  <Plus aria-hidden="true" />
                  New segment
                </Button>
              ) : undefined
            }
          />
        }
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        destructive
        title={`Delete “${deleting?.name ?? ''}”?`}
        description="Lists made from it keep their members."
        confirmLabel="Delete segment"
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await api.delete(`${SEGMENTS_PATH}/${deleting.id}`);
            void queryClient.invalidateQueries({ queryKey: audienceKeys.segments });
            toast.success(`Segment “${deleting.name}” deleted.`);
          } catch (error) {
            toast.error(describeError(error));
            throw error;
          }
        }}
      />
    </>
  );
}

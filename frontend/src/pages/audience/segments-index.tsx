// Saved segments: name, how many conditions, last change; open one to edit it or turn it into a
// list; delete with confirmation.
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { Filter, Trash2 } from 'lucide-react';
import type { Segment } from '@shared/contracts/audience';
import { countConditions } from '@/components/ui/advanced-filter-bar/filter-model';
import { RowAction, actionsColumn } from '@/components/ui/data-table/row-actions';
import { DeleteNamedDialog } from '@/features/named-index/delete-named-dialog';
import { NamedIndexPage, descriptionColumn } from '@/features/named-index/named-index-page';
import { whenColumn } from '@/features/records/when-column';
import { SEGMENTS_PATH, audienceKeys, useCanWriteAudience, useSegments } from '@/features/audience/audience-api';

const hrefOf = (segment: Segment) => `/segments/${segment.id}`;

export function SegmentsIndex() {
  const [, navigate] = useLocation();
  const segments = useSegments();
  const canWrite = useCanWriteAudience();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState<Segment | null>(null);

  const columns = useMemo<ColumnDef<Segment, unknown>[]>(() => {
    const cols: ColumnDef<Segment, unknown>[] = [
      {
        id: 'conditions',
        header: 'Conditions',
        size: 120,
        meta: { mono: true, align: 'right' },
        cell: ({ row }) => countConditions(row.original.filter).toLocaleString('en-US'),
      },
      whenColumn('updatedAt', 'Updated', 160, (r) => r.updatedAt),
      descriptionColumn(320),
    ];
    if (canWrite) {
      cols.push(
        actionsColumn(70, (segment) => (
          <RowAction label={`Delete ${segment.name}`} icon={<Trash2 aria-hidden="true" />} tone="danger" onClick={() => setDeleting(segment)} />
        )),
      );
    }
    return cols;
  }, [canWrite]);

  return (
    <NamedIndexPage
      title="Segments"
      description="Saved filters over contacts and their companies, lists, domain sets, suppression and consent. Members are worked out when used."
      tableId="segments"
      itemName="segments"
      query={segments}
      hrefOf={hrefOf}
      columns={columns}
      createLabel="New segment"
      onCreate={() => navigate('/segments/new')}
      canCreate={canWrite}
      empty={{ icon: <Filter />, title: 'No segments yet', description: 'Build one with the filter bar and watch the count as you go.' }}
    >
      <DeleteNamedDialog
        item={deleting}
        onClose={() => setDeleting(null)}
        noun="Segment"
        pathOf={(segment) => `${SEGMENTS_PATH}/${segment.id}`}
        description="Lists made from it keep their members."
        onDeleted={() => void queryClient.invalidateQueries({ queryKey: audienceKeys.segments })}
      />
    </NamedIndexPage>
  );
}

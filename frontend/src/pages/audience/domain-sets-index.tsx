// Domain sets: each ABM target list with how many of its entries matched an account; a new set
// is pasted or uploaded and opens on its match report.
import { useState } from 'react';
import { useLocation } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { Globe2 } from 'lucide-react';
import type { DomainSet } from '@shared/contracts/audience';
import { toast } from '@/components/ui/toast';
import { NamedIndexPage } from '@/features/named-index/named-index-page';
import { whenColumn } from '@/features/records/when-column';
import { audienceKeys, useCanWriteAudience, useDomainSets } from '@/features/audience/audience-api';
import { DomainSetCreateDialog } from './domain-set-create-dialog';

const nf = (n: number) => n.toLocaleString('en-US');

const hrefOf = (set: DomainSet) => `/domain-sets/${set.id}`;

const COLUMNS: ColumnDef<DomainSet, unknown>[] = [
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

export function DomainSetsIndex() {
  const [, navigate] = useLocation();
  const sets = useDomainSets();
  const canWrite = useCanWriteAudience();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);

  return (
    <NamedIndexPage
      title="Domain sets"
      description="Target account lists: paste domains or company names, review how they matched your accounts, and reach the contacts there."
      tableId="domain-sets"
      itemName="sets"
      query={sets}
      hrefOf={hrefOf}
      columns={COLUMNS}
      createLabel="New domain set"
      onCreate={() => setCreating(true)}
      canCreate={canWrite}
      empty={{ icon: <Globe2 />, title: 'No domain sets yet', description: 'Paste a target account list to see which accounts you already have.' }}
    >
      <DomainSetCreateDialog
        open={creating}
        onOpenChange={setCreating}
        onCreated={(report) => {
          queryClient.setQueryData(audienceKeys.domainSet(report.set.id), report);
          void queryClient.invalidateQueries({ queryKey: audienceKeys.domainSets, exact: true });
          toast.success(`“${report.set.name}”: ${nf(report.matched.length)} of ${nf(report.set.entryCount)} entries matched.`);
          navigate(hrefOf(report.set));
        }}
      />
    </NamedIndexPage>
  );
}

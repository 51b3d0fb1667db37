// The accounts table's columns. Column ids are the API's field keys, so a header click sorts by
// that field where the API can (the sortable fields of ACCOUNT_FIELDS).
import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'wouter';
import { ACCOUNT_SORT_KEYS, type Account } from '@shared/contracts/accounts';
import { Badge } from '@/components/ui/badge';
import { ConfidenceMeter } from '@/features/records/confidence-meter';
import { countryName, formatCount, formatDate, formatUsd } from '@/features/records/format';
import { AccountAvatar } from '@/features/records/account-avatar';

const sortable = new Set<string>(ACCOUNT_SORT_KEYS);
const dash = <span className="text-muted-foreground">—</span>;
const orDash = (value: string | null | undefined) => (value ? value : dash);

export const ENRICHMENT_BADGES = {
  none: { label: 'Not enriched', variant: 'neutral' },
  pending: { label: 'Enriching', variant: 'info' },
  enriched: { label: 'Enriched', variant: 'success' },
  failed: { label: 'Enrichment failed', variant: 'danger' },
} as const;

export function accountColumns(): ColumnDef<Account, unknown>[] {
  const columns: ColumnDef<Account, unknown>[] = [
    {
      id: 'name',
      header: 'Company',
      size: 260,
      meta: { locked: true },
      cell: ({ row }) => (
        <span className="flex min-w-0 items-center gap-2.5">
          <AccountAvatar name={row.original.name} domain={row.original.domain} size="sm" />
          <Link href={`/accounts/${row.original.id}`} tabIndex={-1} className="truncate font-medium text-foreground hover:underline" onClick={(e) => e.stopPropagation()}>
            {row.original.name}
          </Link>
        </span>
      ),
    },
    { id: 'domain', header: 'Domain', size: 180, meta: { mono: true }, cell: ({ row }) => orDash(row.original.domain) },
    { id: 'industry', header: 'Industry', size: 180, cell: ({ row }) => orDash(row.original.industry) },
    { id: 'employeeCount', header: 'Employees', size: 120, meta: { mono: true, align: 'right' }, cell: ({ row }) => formatCount(row.original.employeeCount) ?? orDash(row.original.employeeRange) },
    { id: 'annualRevenue', header: 'Revenue', size: 120, meta: { mono: true, align: 'right' }, cell: ({ row }) => formatUsd(row.original.annualRevenue) ?? orDash(row.original.revenueRange) },
    { id: 'country', header: 'Country', size: 150, cell: ({ row }) => orDash(countryName(row.original.country)) },
    { id: 'city', header: 'City', size: 140, cell: ({ row }) => orDash(row.original.city) },
    { id: 'phone', header: 'Phone', size: 160, meta: { mono: true }, cell: ({ row }) => orDash(row.original.phone ?? row.original.phoneRaw) },
    {
      id: 'enrichmentStatus',
      header: 'Enrichment',
      size: 150,
      cell: ({ row }) => {
        const badge = ENRICHMENT_BADGES[row.original.enrichmentStatus];
        return row.original.confidence !== null ? (
          <ConfidenceMeter score={row.original.confidence} label={`Confidence of ${row.original.name}`} />
        ) : (
          <Badge variant={badge.variant}>{badge.label}</Badge>
        );
      },
    },
    { id: 'source', header: 'Source', size: 120, cell: ({ row }) => orDash(row.original.source) },
    { id: 'createdAt', header: 'Created', size: 130, meta: { mono: true }, cell: ({ row }) => formatDate(row.original.createdAt) },
    { id: 'updatedAt', header: 'Updated', size: 130, meta: { mono: true }, cell: ({ row }) => formatDate(row.original.updatedAt) },
  ];
  return columns.map((column) => ({ ...column, enableSorting: sortable.has(column.id as string) }));
}

// Columns of a domain set's match report: the line as given, the account it matched (and how, and
// how surely), and the review decision with confirm / reject buttons.
import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'wouter';
import { Check, X } from 'lucide-react';
import type { DomainSetEntry } from '@shared/contracts/audience';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { RowAction, actionsColumn, unsortable } from '@/components/ui/data-table/row-actions';
import { ConfidenceMeter } from '@/features/records/confidence-meter';

export const MATCH_METHOD_LABELS: Record<NonNullable<DomainSetEntry['matchMethod']>, string> = {
  domain_exact: 'Same domain',
  domain_parent: 'Parent domain',
  name_exact: 'Same name',
  name_similar: 'Similar name',
};

const REVIEW_BADGES: Record<DomainSetEntry['reviewStatus'], { label: string; variant: BadgeVariant }> = {
  suggested: { label: 'To review', variant: 'warning' },
  confirmed: { label: 'Confirmed', variant: 'success' },
  rejected: { label: 'Rejected', variant: 'neutral' },
};

/** The two review decisions, each a button on every matched row. */
const DECISIONS = [
  { status: 'confirmed', text: 'Confirm', icon: <Check aria-hidden="true" />, tone: 'success' },
  { status: 'rejected', text: 'Reject', icon: <X aria-hidden="true" />, tone: 'danger' },
] as const;

const dash = <span className="text-muted-foreground">—</span>;

const lineColumn: ColumnDef<DomainSetEntry, unknown> = {
  id: 'lineNo',
  header: 'Line',
  size: 70,
  meta: { mono: true, align: 'right' },
  cell: ({ row }) => row.original.lineNo,
};
const rawColumn: ColumnDef<DomainSetEntry, unknown> = {
  id: 'raw',
  header: 'As given',
  size: 200,
  meta: { mono: true, locked: true },
  cell: ({ row }) => <span title={row.original.raw}>{row.original.raw}</span>,
};

export function matchedColumns(options: { onReview?: (entry: DomainSetEntry, status: 'confirmed' | 'rejected') => void }): ColumnDef<DomainSetEntry, unknown>[] {
  const columns: ColumnDef<DomainSetEntry, unknown>[] = [
    lineColumn,
    rawColumn,
    {
      id: 'account',
      header: 'Account',
      size: 220,
      cell: ({ row }) =>
        row.original.accountId ? (
          <Link href={`/accounts/${row.original.accountId}`} tabIndex={-1} onClick={(e) => e.stopPropagation()} className="hover:underline">
            <span className="font-medium">{row.original.accountName}</span>
            {row.original.accountDomain && <span className="ml-1.5 font-mono text-xs text-muted-foreground">{row.original.accountDomain}</span>}
          </Link>
        ) : (
          dash
        ),
    },
    { id: 'matchMethod', header: 'How', size: 120, cell: ({ row }) => (row.original.matchMethod ? MATCH_METHOD_LABELS[row.original.matchMethod] : dash) },
    {
      id: 'confidence',
      header: 'Confidence',
      size: 110,
      cell: ({ row }) =>
        row.original.confidence === null ? dash : <ConfidenceMeter score={Math.round(row.original.confidence * 100)} label={`Match confidence for ${row.original.raw}`} />,
    },
    {
      id: 'reviewStatus',
      header: 'Review',
      size: 110,
      cell: ({ row }) => {
        const badge = REVIEW_BADGES[row.original.reviewStatus];
        return <Badge variant={badge.variant}>{badge.label}</Badge>;
      },
    },
  ];
  if (options.onReview) {
    const onReview = options.onReview;
    columns.push(
      actionsColumn(
        190,
        (entry) =>
          DECISIONS.map(({ status, text, icon, tone }) => (
            <RowAction
              key={status}
              label={`${text} match of ${entry.raw}`}
              icon={icon}
              text={text}
              tone={tone}
              disabled={entry.reviewStatus === status}
              onClick={() => onReview(entry, status)}
            />
          )),
        'Decide',
      ),
    );
  }
  return unsortable(columns);
}

export function unmatchedColumns(): ColumnDef<DomainSetEntry, unknown>[] {
  const columns: ColumnDef<DomainSetEntry, unknown>[] = [
    lineColumn,
    rawColumn,
    { id: 'kind', header: 'Read as', size: 130, cell: ({ row }) => (row.original.kind === 'domain' ? 'Domain' : 'Company name') },
    { id: 'domain', header: 'Normalized domain', size: 220, meta: { mono: true }, cell: ({ row }) => row.original.domain ?? dash },
    {
      // A rejected match counts as unmatched; say which account was turned down.
      id: 'rejected',
      header: 'Rejected match',
      size: 240,
      cell: ({ row }) =>
        row.original.reviewStatus === 'rejected' && row.original.accountName ? (
          <span className="inline-flex items-center gap-1.5">
            <Badge variant="neutral">Rejected</Badge>
            {row.original.accountName}
          </span>
        ) : (
          dash
        ),
    },
  ];
  return unsortable(columns);
}

// The contacts table's columns: dense, emails and phones in monospace, confidence as small
// meters, consent and suppression as badges. Column ids are the API's field keys. Compliance
// comes right after the email and is wide enough for all three of its badges, so a 1440 px
// screen shows it whole without scrolling sideways.
import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'wouter';
import { CONTACT_SORT_KEYS, type Contact } from '@shared/contracts/accounts';
import { Badge } from '@/components/ui/badge';
import { ConfidenceMeter } from '@/features/records/confidence-meter';
import { countryName, formatDate } from '@/features/records/format';
import { ComplianceBadges } from './compliance-badges';
import { contactName } from './contacts-api';

const sortable = new Set<string>(CONTACT_SORT_KEYS);
const dash = <span className="text-muted-foreground">—</span>;
const orDash = (value: string | null | undefined) => (value ? value : dash);

export const EMAIL_STATUS_BADGES = {
  valid: { label: 'Valid', variant: 'success' },
  invalid: { label: 'Invalid', variant: 'danger' },
  'catch-all': { label: 'Catch-all', variant: 'warning' },
  unknown: { label: 'Unknown', variant: 'neutral' },
} as const;

export function contactColumns({ showAccount = true }: { showAccount?: boolean } = {}): ColumnDef<Contact, unknown>[] {
  const columns: ColumnDef<Contact, unknown>[] = [
    {
      id: 'fullName',
      header: 'Name',
      size: 180,
      meta: { locked: true },
      cell: ({ row }) => (
        <Link href={`/contacts/${row.original.id}`} tabIndex={-1} onClick={(e) => e.stopPropagation()} className="font-medium text-foreground hover:underline">
          {contactName(row.original)}
        </Link>
      ),
    },
    { id: 'jobTitle', header: 'Title', size: 150, cell: ({ row }) => orDash(row.original.jobTitle) },
    ...(showAccount
      ? [
          {
            id: 'account',
            header: 'Company',
            size: 150,
            cell: ({ row }) =>
              row.original.account ? (
                <Link href={`/accounts/${row.original.account.id}`} tabIndex={-1} onClick={(e) => e.stopPropagation()} className="hover:underline">
                  {row.original.account.name}
                </Link>
              ) : (
                dash
              ),
          } satisfies ColumnDef<Contact, unknown>,
        ]
      : []),
    { id: 'email', header: 'Email', size: 210, meta: { mono: true }, cell: ({ row }) => orDash(row.original.email) },
    { id: 'consentStatus', header: 'Compliance', size: 290, cell: ({ row }) => <ComplianceBadges contact={row.original} /> },
    {
      id: 'emailConfidence',
      header: 'Email check',
      size: 110,
      meta: { label: 'Email status and confidence' },
      cell: ({ row }) => {
        const c = row.original;
        if (c.emailConfidence !== null) return <ConfidenceMeter score={c.emailConfidence} label={`Email confidence for ${contactName(c)}`} />;
        if (c.emailStatus) {
          const badge = EMAIL_STATUS_BADGES[c.emailStatus];
          return <Badge variant={badge.variant}>{badge.label}</Badge>;
        }
        return dash;
      },
    },
    { id: 'directPhone', header: 'Direct phone', size: 150, meta: { mono: true }, cell: ({ row }) => orDash(row.original.directPhone ?? row.original.directPhoneRaw) },
    { id: 'mobilePhone', header: 'Mobile', size: 160, meta: { mono: true }, cell: ({ row }) => orDash(row.original.mobilePhone ?? row.original.mobilePhoneRaw) },
    { id: 'seniority', header: 'Seniority', size: 110, cell: ({ row }) => orDash(row.original.seniority) },
    { id: 'country', header: 'Country', size: 140, cell: ({ row }) => orDash(countryName(row.original.country)) },
    { id: 'createdAt', header: 'Created', size: 130, meta: { mono: true }, cell: ({ row }) => formatDate(row.original.createdAt) },
  ];
  return columns.map((column) => ({ ...column, enableSorting: sortable.has(column.id as string) }));
}

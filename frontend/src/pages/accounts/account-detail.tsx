// One account: the generic record page with the account's avatar and enrichment badge, a link to
// its website, and its contacts (the first page, each row opening the contact).
import { useMemo } from 'react';
import { Link, useLocation } from 'wouter';
import { ExternalLink, UserRound } from 'lucide-react';
import type { Account, Contact } from '@shared/contracts/accounts';
import { EMPTY_FILTER, encodeFilter } from '@shared/contracts/filters';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { SectionCard } from '@/components/ui/section-card';
import { RecordTimeline } from '@/features/activity/record-timeline';
import { RecordDetailPage } from '@/features/records/record-detail-page';
import { formatTotal, useRecordList } from '@/features/records/use-record-list';
import { contactColumns } from '../contacts/contact-columns';
import { AccountAvatar } from '@/features/records/account-avatar';
import { ENRICHMENT_BADGES } from './account-columns';
import { ACCOUNT_SPEC } from './account-spec';
import { ACCOUNTS_PATH, accountKeys, useAccount, useCanWriteRecords } from './accounts-api';
import { pagedTable } from '@/lib/paged-table';

export function AccountDetail({ id }: { id: string }) {
  const account = useAccount(id);
  const canWrite = useCanWriteRecords();
  return (
    <RecordDetailPage
      spec={ACCOUNT_SPEC}
      id={id}
      query={account}
      canWrite={canWrite}
      avatar={(record) => <AccountAvatar name={record.name} domain={record.domain} size="lg" />}
      subtitle={(record) => record.domain && <span className="font-mono">{record.domain}</span>}
      badges={(record) => {
        const enrichment = ENRICHMENT_BADGES[record.enrichmentStatus];
        return (
          <Badge variant={enrichment.variant} dot>
            {enrichment.label}
          </Badge>
        );
      }}
      actions={(record) =>
        record.website && (
          <Button variant="outline" asChild>
            <a href={/^https?:/i.test(record.website) ? record.website : `https://${record.website}`} target="_blank" rel="noreferrer noopener">
              <ExternalLink aria-hidden="true" />
              Website
            </a>
          </Button>
        )
      }
      after={(record) => (
        <>
          <AccountContacts account={record} />
          <RecordTimeline kind="account" id={id} name={record.name} accountId={id} canWrite={record.deletedAt === null} />
        </>
      )}
    />
  );
}

/** The account's contacts, a compact table that opens a contact on a click or Enter. */
function AccountContacts({ account }: { account: Account }) {
  const [, navigate] = useLocation();
  const contacts = useRecordList<Contact>(accountKeys.contacts(account.id), `${ACCOUNTS_PATH}/${account.id}/contacts`, { q: '', filter: EMPTY_FILTER, sort: 'fullName', order: 'asc' });
  const columns = useMemo(() => contactColumns({ showAccount: false }), []);
  return (
    <SectionCard
      id="account-contacts"
      title="Contacts"
      description={`${formatTotal(contacts.total, contacts.rows.length)} at ${account.name}`}
      actions={
        <Button variant="outline" size="sm" asChild>
          <Link href={`/contacts?filter=${accountFilter(account.id)}`}>Open in Contacts</Link>
        </Button>
      }
      flush
    >
      <DataTable
        tableId="account-contacts"
        label={`Contacts at ${account.name}`}
        itemName="contacts"
        columns={columns}
        rows={contacts.rows}
        getRowId={(c) => c.id}
        total={contacts.total?.count}
        {...pagedTable(contacts)}
        onRowOpen={(c) => navigate(`/contacts/${c.id}`)}
        openOnRowClick
        height={contacts.rows.length > 0 ? Math.min(420, 40 + contacts.rows.length * 34 + 8) : 220}
        defaultDensity="compact"
        className="rounded-none border-0 shadow-none"
        empty={<EmptyState compact icon={<UserRound />} title="No contacts yet" description="Contacts with an email at this domain join it when they are created or imported." />}
      />
    </SectionCard>
  );
}

/** The contacts list's filter for one account, in URL form. */
function accountFilter(accountId: string): string {
  return encodeFilter({ type: 'and', conditions: [{ field: 'accountId', op: 'eq', value: accountId }] });
}

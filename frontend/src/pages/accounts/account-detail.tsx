// One account: its fields edited in place (PATCH with the version read; a stale write is said
// plainly with a reload), its contacts, and its field history. Deleting offers an undo.
import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ArrowLeft, ExternalLink, PencilLine, RotateCcw, Trash2, UserRound } from 'lucide-react';
import { accountUpdateSchema, type Contact } from '@shared/contracts/accounts';
import { EMPTY_FILTER, encodeFilter } from '@shared/contracts/filters';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { SectionCard } from '@/components/ui/section-card';
import { RecordTimeline } from '@/features/activity/record-timeline';
import { toast } from '@/components/ui/toast';
import { EditableFields } from '@/features/records/editable-fields';
import { countryName, formatDateTime } from '@/features/records/format';
import { listAddress } from '@/features/records/list-address';
import { RecordHistory } from '@/features/records/record-history';
import { StaleWriteBanner } from '@/features/records/stale-write-banner';
import { RecordDetailSkeleton } from '@/features/records/record-detail-skeleton';
import { useRecordEditor } from '@/features/records/use-record-editor';
import { formatTotal, useRecordList } from '@/features/records/use-record-list';
import { ApiError, api, describeError } from '@/lib/api';
import { contactColumns } from '../contacts/contact-columns';
import { ACCOUNT_DETAIL_FIELDS, ACCOUNT_FIELD_LABELS } from './account-detail-fields';
import { AccountAvatar } from './account-avatar';
import { ENRICHMENT_BADGES } from './account-columns';
import { AccountFormDialog } from './account-form-dialog';
import { ACCOUNTS_PATH, accountKeys, useAccount, useCanWriteRecords } from './accounts-api';

export function AccountDetail({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const account = useAccount(id);
  const canWrite = useCanWriteRecords();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const editor = useRecordEditor({ basePath: ACCOUNTS_PATH, record: account.data, recordKey: accountKeys.detail(id), listKey: accountKeys.lists, schema: accountUpdateSchema });
  const contacts = useRecordList<Contact>(accountKeys.contacts(id), `${ACCOUNTS_PATH}/${id}/contacts`, { q: '', filter: EMPTY_FILTER, sort: 'fullName', order: 'asc' });
  const columns = useMemo(() => contactColumns({ showAccount: false }), []);
  const back = listAddress('/accounts');

  if (account.isLoading) return <RecordDetailSkeleton label="Loading account" />;
  if (account.isError || !account.data) {
    const missing = account.error instanceof ApiError && account.error.status === 404;
    return (
      <ErrorState
        title={missing ? 'There is no such account' : 'The account could not be loaded'}
        description={missing ? 'It may have been deleted for good, or the link is mistyped.' : describeError(account.error)}
        onRetry={missing ? undefined : () => void account.refetch()}
      />
    );
  }
  const record = account.data;
  const deleted = record.deletedAt !== null;
  const enrichment = ENRICHMENT_BADGES[record.enrichmentStatus];

  async function restore() {
    try {
      await api.post(`${ACCOUNTS_PATH}/${id}/restore`);
      toast.success(`${record.name} restored.`);
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      void editor.reload();
    }
  }

  async function remove() {
    try {
      await api.delete(`${ACCOUNTS_PATH}/${id}`);
      toast.success(`${record.name} deleted.`, { duration: 12_000, action: { label: 'Undo', onClick: () => void restore() } });
      navigate(back);
    } catch (error) {
      toast.error(describeError(error));
    }
  }

  return (
    <div className="grid gap-6">
      <HeaderActionBar
        className="pb-0"
        eyebrow={
          <Link href={back} className="inline-flex items-center gap-1 rounded-sm hover:text-foreground">
            <ArrowLeft className="size-3.5" aria-hidden="true" />
            Accounts
          </Link>
        }
        title={
          <span className="flex items-center gap-3">
            <AccountAvatar name={record.name} domain={record.domain} size="lg" />
            <span className="min-w-0">
              <span className="block truncate">{record.name}</span>
              {record.domain && <span className="block truncate font-mono text-sm font-normal tracking-normal text-muted-foreground">{record.domain}</span>}
            </span>
          </span>
        }
        meta={
          <>
            {deleted && <Badge variant="danger">Deleted</Badge>}
            <Badge variant={enrichment.variant} dot>
              {enrichment.label}
            </Badge>
          </>
        }
        actions={
          canWrite && (
            <>
              {record.website && (
                <Button variant="outline" asChild>
                  <a href={/^https?:/i.test(record.website) ? record.website : `https://${record.website}`} target="_blank" rel="noreferrer noopener">
                    <ExternalLink aria-hidden="true" />
                    Website
                  </a>
                </Button>
              )}
              {deleted ? (
                <Button onClick={() => void restore()}>
                  <RotateCcw aria-hidden="true" />
                  Restore
                </Button>
              ) : (
                <>
                  <Button variant="outline" onClick={() => setEditing(true)}>
                    <PencilLine aria-hidden="true" />
                    Edit
                  </Button>
                  <Button variant="outline" className="text-danger-text hover:bg-danger-subtle" onClick={() => setConfirmDelete(true)}>
                    <Trash2 aria-hidden="true" />
                    Delete
                  </Button>
                </>
              )}
            </>
          )
        }
      />

      {editor.stale && <StaleWriteBanner noun="account" onReload={() => void editor.reload()} />}

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(320px,1fr)]">
        <div className="grid min-w-0 grid-cols-1 content-start gap-6">
          <SectionCard
            id="account-details"
            title="Details"
            description={canWrite && !deleted ? 'Click a field to change it: Enter saves, Esc cancels.' : undefined}
            actions={<span className="text-xs text-muted-foreground">Updated {formatDateTime(record.updatedAt)}</span>}
          >
            <EditableFields record={record} fields={ACCOUNT_DETAIL_FIELDS} readOnly={!canWrite || deleted} save={editor.save} />
          </SectionCard>
          <SectionCard
            id="account-contacts"
            title="Contacts"
            description={`${formatTotal(contacts.total, contacts.rows.length)} at ${record.name}`}
            actions={
              <Button variant="outline" size="sm" asChild>
                <Link href={`/contacts?filter=${accountFilter(id)}`}>Open in Contacts</Link>
              </Button>
            }
            flush
          >
            <DataTable
              tableId="account-contacts"
              label={`Contacts at ${record.name}`}
              itemName="contacts"
              columns={columns}
              rows={contacts.rows}
              getRowId={(c) => c.id}
              total={contacts.total?.count}
              hasMore={contacts.hasNextPage}
              onLoadMore={() => void contacts.fetchNextPage()}
              loadingMore={contacts.isFetchingNextPage}
              loading={contacts.isLoading}
              error={contacts.isError ? describeError(contacts.error) : null}
              onRetry={() => void contacts.refetch()}
              onRowOpen={(c) => navigate(`/contacts/${c.id}`)}
              height={contacts.rows.length > 0 ? Math.min(420, 40 + contacts.rows.length * 34 + 8) : 220}
              defaultDensity="compact"
              className="rounded-none border-0 shadow-none"
              empty={<EmptyState compact icon={<UserRound />} title="No contacts yet" description="Contacts with an email at this domain join it when they are created or imported." />}
            />
          </SectionCard>
          <RecordTimeline kind="account" id={id} name={record.name} accountId={id} canWrite={!deleted} />
        </div>
        <SectionCard id="account-history" title="History" description="Every change, newest first." className="content-start self-start">
          <RecordHistory
            path={`${ACCOUNTS_PATH}/${id}/history`}
            queryKey={accountKeys.history(id)}
            labels={ACCOUNT_FIELD_LABELS}
            formatValue={(field, value) => (field === 'country' && typeof value === 'string' ? (countryName(value) ?? undefined) : undefined)}
          />
        </SectionCard>
      </div>

      <AccountFormDialog open={editing} onOpenChange={setEditing} account={record} />
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        destructive
        title={`Delete ${record.name}?`}
        description="The account leaves every list and view; its contacts stay. You can undo this from the notification or restore it later."
        confirmLabel="Delete account"
        onConfirm={remove}
      />
    </div>
  );
}

/** The contacts list's filter for one account, in URL form. */
function accountFilter(accountId: string): string {
  return encodeFilter({ type: 'and', conditions: [{ field: 'accountId', op: 'eq', value: accountId }] });
}

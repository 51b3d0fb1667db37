// One contact: fields edited in place (PATCH with the version read; a stale write is said plainly
// with a reload), their account, confidence and compliance at a glance, and the field history.
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ArrowLeft, Building2, Mail, PencilLine, Phone, RotateCcw, Trash2 } from 'lucide-react';
import { contactUpdateSchema } from '@shared/contracts/accounts';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { SectionCard } from '@/components/ui/section-card';
import { toast } from '@/components/ui/toast';
import { RecordTimeline } from '@/features/activity/record-timeline';
import { ConfidenceMeter } from '@/features/records/confidence-meter';
import { EditableFields } from '@/features/records/editable-fields';
import { countryName, formatDateTime, initialsOf } from '@/features/records/format';
import { listAddress } from '@/features/records/list-address';
import { RecordDetailSkeleton } from '@/features/records/record-detail-skeleton';
import { RecordHistory } from '@/features/records/record-history';
import { StaleWriteBanner } from '@/features/records/stale-write-banner';
import { useRecordEditor } from '@/features/records/use-record-editor';
import { ApiError, api, describeError } from '@/lib/api';
import { AccountAvatar } from '../accounts/account-avatar';
import { useCanWriteRecords } from '../accounts/accounts-api';
import { ConsentPanel } from '../compliance/consent-panel';
import { ComplianceBadges } from './compliance-badges';
import { EMAIL_STATUS_BADGES } from './contact-columns';
import { CONTACT_DETAIL_FIELDS, CONTACT_FIELD_LABELS } from './contact-detail-fields';
import { ContactFormDialog } from './contact-form-dialog';
import { CONTACTS_PATH, contactKeys, contactName, useContact } from './contacts-api';

export function ContactDetail({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const contact = useContact(id);
  const canWrite = useCanWriteRecords();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const editor = useRecordEditor({ basePath: CONTACTS_PATH, record: contact.data, recordKey: contactKeys.detail(id), listKey: contactKeys.lists, schema: contactUpdateSchema });
  const back = listAddress('/contacts');

  if (contact.isLoading) return <RecordDetailSkeleton label="Loading contact" />;
  if (contact.isError || !contact.data) {
    const missing = contact.error instanceof ApiError && contact.error.status === 404;
    return (
      <ErrorState
        title={missing ? 'There is no such contact' : 'The contact could not be loaded'}
        description={missing ? 'It may have been deleted for good, or the link is mistyped.' : describeError(contact.error)}
        onRetry={missing ? undefined : () => void contact.refetch()}
      />
    );
  }
  const record = contact.data;
  const name = contactName(record);
  const deleted = record.deletedAt !== null;

  async function restore() {
    try {
      await api.post(`${CONTACTS_PATH}/${id}/restore`);
      toast.success(`${name} restored.`);
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      void editor.reload();
    }
  }

  async function remove() {
    try {
      await api.delete(`${CONTACTS_PATH}/${id}`);
      toast.success(`${name} deleted.`, { duration: 12_000, action: { label: 'Undo', onClick: () => void restore() } });
      navigate(back);
    } catch (error) {
      toast.error(describeError(error));
    }
  }

  const emailStatus = record.emailStatus ? EMAIL_STATUS_BADGES[record.emailStatus] : null;

  return (
    <div className="grid gap-6">
      <HeaderActionBar
        className="pb-0"
        eyebrow={
          <Link href={back} className="inline-flex items-center gap-1 rounded-sm hover:text-foreground">
            <ArrowLeft className="size-3.5" aria-hidden="true" />
            Contacts
          </Link>
        }
        title={
          <span className="flex items-center gap-3">
            <span className="grid size-14 shrink-0 place-items-center rounded-full bg-primary-subtle text-lg font-semibold text-primary-subtle-foreground" aria-hidden="true">
              {initialsOf(name)}
            </span>
            <span className="min-w-0">
              <span className="block truncate">{name}</span>
              <span className="block truncate text-sm font-normal tracking-normal text-muted-foreground">
                {[record.jobTitle, record.account?.name].filter(Boolean).join(' · ') || 'No title or account yet'}
              </span>
            </span>
          </span>
        }
        meta={
          <>
            {deleted && <Badge variant="danger">Deleted</Badge>}
            <ComplianceBadges contact={record} />
          </>
        }
        actions={
          canWrite &&
          (deleted ? (
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
          ))
        }
      />

      {editor.stale && <StaleWriteBanner noun="contact" onReload={() => void editor.reload()} />}

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(320px,1fr)]">
        <div className="grid min-w-0 grid-cols-1 content-start gap-6">
          <SectionCard
            id="contact-reach"
            title="Reachability"
            description="How sure we are of each way to reach them."
          >
            <dl className="grid gap-4 sm:grid-cols-3">
              <div className="grid gap-1.5">
                <dt className="flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
                  <Mail className="size-3.5" aria-hidden="true" /> Email
                </dt>
                <dd className="grid gap-1">
                  <span className="truncate font-mono text-[13px]">{record.email ?? '—'}</span>
                  <span className="flex items-center gap-2">
                    <ConfidenceMeter score={record.emailConfidence} label="Email confidence" />
                    {emailStatus && <Badge variant={emailStatus.variant}>{emailStatus.label}</Badge>}
                  </span>
                </dd>
              </div>
              <div className="grid gap-1.5">
                <dt className="flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
                  <Phone className="size-3.5" aria-hidden="true" /> Direct phone
                </dt>
                <dd className="grid gap-1">
                  <span className="truncate font-mono text-[13px]">{record.directPhone ?? record.directPhoneRaw ?? '—'}</span>
                  <ConfidenceMeter score={record.directPhoneConfidence} label="Direct phone confidence" />
                </dd>
              </div>
              <div className="grid gap-1.5">
                <dt className="flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
                  <Phone className="size-3.5" aria-hidden="true" /> Mobile
                </dt>
                <dd className="grid gap-1">
                  <span className="truncate font-mono text-[13px]">{record.mobilePhone ?? record.mobilePhoneRaw ?? '—'}</span>
                  <ConfidenceMeter score={record.mobilePhoneConfidence} label="Mobile phone confidence" />
                </dd>
              </div>
            </dl>
          </SectionCard>
          <SectionCard
            id="contact-details"
            title="Details"
            description={canWrite && !deleted ? 'Click a field to change it: Enter saves, Esc cancels.' : undefined}
            actions={<span className="text-xs text-muted-foreground">Updated {formatDateTime(record.updatedAt)}</span>}
          >
            <EditableFields record={record} fields={CONTACT_DETAIL_FIELDS} readOnly={!canWrite || deleted} save={editor.save} />
          </SectionCard>
          <RecordTimeline kind="contact" id={id} name={name} contactId={id} canWrite={!deleted} />
        </div>
        <div className="grid min-w-0 grid-cols-1 content-start gap-6">
          <SectionCard id="contact-account" title="Account">
            {record.account ? (
              <Link href={`/accounts/${record.account.id}`} className="card-elevate -m-2 flex items-center gap-3 rounded-lg p-2 hover:bg-muted">
                <AccountAvatar name={record.account.name} domain={record.account.domain} />
                <span className="min-w-0">
                  <span className="block truncate font-semibold">{record.account.name}</span>
                  <span className="block truncate font-mono text-xs text-muted-foreground">{record.account.domain ?? 'no domain'}</span>
                </span>
              </Link>
            ) : (
              <EmptyState compact icon={<Building2 />} title="No account" description={canWrite ? 'Edit the contact to choose the company they work for.' : 'Not linked to a company yet.'} />
            )}
          </SectionCard>
          <ConsentPanel contactId={id} />
          <SectionCard id="contact-history" title="History" description="Every change, newest first.">
            <RecordHistory
              path={`${CONTACTS_PATH}/${id}/history`}
              queryKey={contactKeys.history(id)}
              labels={CONTACT_FIELD_LABELS}
              formatValue={(field, value) => {
                if (field === 'country' && typeof value === 'string') return countryName(value) ?? undefined;
                // History keeps the account's id; name it when it is the current account.
                if (field === 'accountId' && typeof value === 'string') return value === record.account?.id ? record.account.name : 'another account';
                return undefined;
              }}
            />
          </SectionCard>
        </div>
      </div>

      <ContactFormDialog open={editing} onOpenChange={setEditing} contact={record} />
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        destructive
        title={`Delete ${name}?`}
        description="The contact leaves every list and view. You can undo this from the notification or restore it later."
        confirmLabel="Delete contact"
        onConfirm={remove}
      />
    </div>
  );
}

// One contact: the generic record page with their initials, title and company, compliance badges,
// how sure we are of each way to reach them, their account, and their consent.
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { Building2, Mail, Phone, type LucideIcon } from 'lucide-react';
import type { Contact } from '@shared/contracts/accounts';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { SectionCard } from '@/components/ui/section-card';
import { ConfidenceMeter } from '@/features/records/confidence-meter';
import { initialsOf } from '@/features/records/format';
import { RecordTimeline } from '@/features/activity/record-timeline';
import { ContentLinkButton } from '@/features/content/tracking/content-link-dialog';
import { RecordDetailPage } from '@/features/records/record-detail-page';
import { AccountAvatar } from '@/features/records/account-avatar';
import { useCanWriteRecords } from '../accounts/accounts-api';
import { ConsentPanel } from '../compliance/consent-panel';
import { ComplianceBadges } from './compliance-badges';
import { EMAIL_STATUS_BADGES } from './contact-columns';
import { CONTACT_SPEC } from './contact-spec';
import { contactName, useContact } from './contacts-api';

export function ContactDetail({ id }: { id: string }) {
  const contact = useContact(id);
  const canWrite = useCanWriteRecords();
  return (
    <RecordDetailPage
      spec={CONTACT_SPEC}
      id={id}
      query={contact}
      canWrite={canWrite}
      avatar={(record) => (
        <span className="grid size-14 shrink-0 place-items-center rounded-full bg-primary-subtle text-lg font-semibold text-primary-subtle-foreground" aria-hidden="true">
          {initialsOf(contactName(record))}
        </span>
      )}
      subtitle={(record) => [record.jobTitle, record.account?.name].filter(Boolean).join(' · ') || 'No title or account yet'}
      badges={(record) => <ComplianceBadges contact={record} />}
      actions={(record) => record.deletedAt === null && <ContentLinkButton contactId={id} contactName={contactName(record)} />}
      before={(record) => <Reachability contact={record} />}
      after={(record) => <RecordTimeline kind="contact" id={id} name={contactName(record)} contactId={id} canWrite={record.deletedAt === null} />}
      aside={(record) => (
        <>
          <ContactAccount contact={record} canWrite={canWrite} />
          <ConsentPanel contactId={id} />
        </>
      )}
    />
  );
}

function Reachability({ contact }: { contact: Contact }) {
  const emailStatus = contact.emailStatus ? EMAIL_STATUS_BADGES[contact.emailStatus] : null;
  return (
    <SectionCard id="contact-reach" title="Reachability" description="How sure we are of each way to reach them.">
      <dl className="grid gap-4 sm:grid-cols-3">
        <ReachItem icon={Mail} label="Email" value={contact.email}>
          <span className="flex items-center gap-2">
            <ConfidenceMeter score={contact.emailConfidence} label="Email confidence" />
            {emailStatus && <Badge variant={emailStatus.variant}>{emailStatus.label}</Badge>}
          </span>
        </ReachItem>
        <ReachItem icon={Phone} label="Direct phone" value={contact.directPhone ?? contact.directPhoneRaw}>
          <ConfidenceMeter score={contact.directPhoneConfidence} label="Direct phone confidence" />
        </ReachItem>
        <ReachItem icon={Phone} label="Mobile" value={contact.mobilePhone ?? contact.mobilePhoneRaw}>
          <ConfidenceMeter score={contact.mobilePhoneConfidence} label="Mobile phone confidence" />
        </ReachItem>
      </dl>
    </SectionCard>
  );
}

/** One way to reach them: the value, and how sure we are of it. */
function ReachItem({ icon: Icon, label, value, children }: { icon: LucideIcon; label: string; value: string | null; children: ReactNode }) {
  return (
    <div className="grid gap-1.5">
      <dt className="flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
        <Icon className="size-3.5" aria-hidden="true" /> {label}
      </dt>
      <dd className="grid gap-1">
        <span className="truncate font-mono text-[13px]">{value ?? '—'}</span>
        {children}
      </dd>
    </div>
  );
}

function ContactAccount({ contact, canWrite }: { contact: Contact; canWrite: boolean }) {
  return (
    <SectionCard id="contact-account" title="Account">
      {contact.account ? (
        <Link href={`/accounts/${contact.account.id}`} className="card-elevate -m-2 flex items-center gap-3 rounded-lg p-2 hover:bg-muted">
          <AccountAvatar name={contact.account.name} domain={contact.account.domain} />
          <span className="min-w-0">
            <span className="block truncate font-semibold">{contact.account.name}</span>
            <span className="block truncate font-mono text-xs text-muted-foreground">{contact.account.domain ?? 'no domain'}</span>
          </span>
        </Link>
      ) : (
        <EmptyState compact icon={<Building2 />} title="No account" description={canWrite ? 'Edit the contact to choose the company they work for.' : 'Not linked to a company yet.'} />
      )}
    </SectionCard>
  );
}

// Settings → Email → Sending domains: the domains mail is sent from, each an SES identity with
// Easy DKIM; pending until its DKIM CNAMEs are published and SES sees them.
import type { ColumnDef } from '@tanstack/react-table';
import type { SendingDomain } from '@shared/contracts/email';
import {
  useAddSendingDomain,
  useDeleteSendingDomain,
  useRefreshSendingDomain,
  useSendingDomains,
} from '@/features/email-settings/email-settings-api';
import { DkimBadge } from '@/features/email-settings/domain-status';
import { collectionList } from '@/features/email-settings/settings-collection';
import { DomainsPanel } from './domains-panel';

const COLUMNS: ColumnDef<SendingDomain, unknown>[] = [
  { id: 'dkim', header: 'DKIM', size: 130, cell: ({ row }) => <DkimBadge verified={row.original.dkimVerified} /> },
  {
    id: 'records',
    header: 'Records',
    size: 100,
    meta: { mono: true },
    cell: ({ row }) => <span className="font-mono text-[13px] text-muted-foreground">{row.original.records.length}</span>,
  },
];

export function SendingDomainsTab({ canConfigure }: { canConfigure: boolean }) {
  const list = useSendingDomains();
  const add = useAddSendingDomain();
  const refresh = useRefreshSendingDomain();
  const remove = useDeleteSendingDomain();
  return (
    <DomainsPanel<SendingDomain>
      tableId="email-sending-domains"
      title="Sending domains"
      noun="sending domain"
      purpose="The domains your campaigns send from. Each needs its DKIM, SPF and DMARC records published before mail from it can go out."
      {...collectionList(list)}
      columns={COLUMNS}
      canConfigure={canConfigure}
      sheet={{
        explanation: (d) =>
          d.status === 'verified'
            ? 'Verified: campaigns may send from addresses at this domain. Keep the records published.'
            : d.status === 'failed'
              ? 'SES could not find the DKIM records. Check they are published exactly as below, then check again.'
              : 'Publish these records at your DNS host. Verification is checked every few minutes, or now with “Check now”.',
        badges: (d) => <DkimBadge verified={d.dkimVerified} />,
      }}
      add={{
        description: 'Mail is signed for this domain with DKIM. You will get the DNS records to publish next.',
        placeholder: 'mail.example.com',
        hint: 'A domain you control, often a subdomain used only for email.',
        add: (domain) => add.mutateAsync(domain),
      }}
      refresh={(id) => refresh.mutateAsync(id)}
      remove={(id) => remove.mutateAsync(id)}
    />
  );
}

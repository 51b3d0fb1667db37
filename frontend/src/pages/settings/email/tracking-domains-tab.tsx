// Settings → Email → Tracking domains: a customer's own host for open and click links, verified
// once its CNAME points at the product's tracking host. Adding one is refused (422) while no
// tracking host is configured; the tab says so plainly.
import { useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { TriangleAlert } from 'lucide-react';
import type { DnsRecord, TrackingDomain } from '@shared/contracts/email';
import {
  useAddTrackingDomain,
  useDeleteTrackingDomain,
  useRefreshTrackingDomain,
  useTrackingDomains,
} from '@/features/email-settings/email-settings-api';
import { collectionList } from '@/features/email-settings/settings-collection';
import { describeError, isApiError } from '@/lib/api';
import { DomainsPanel, type PanelDomain } from './domains-panel';

type TrackingRow = TrackingDomain & PanelDomain;

const cnameRecord = (d: TrackingDomain): DnsRecord => ({ type: 'CNAME', name: d.domain, value: d.cnameTarget, purpose: 'tracking' });

const COLUMNS: ColumnDef<TrackingRow, unknown>[] = [
  {
    id: 'cname',
    header: 'CNAME target',
    size: 260,
    meta: { mono: true },
    cell: ({ row }) => <span className="truncate font-mono text-[13px] text-muted-foreground">{row.original.cnameTarget}</span>,
  },
];

export function TrackingDomainsTab({ canConfigure }: { canConfigure: boolean }) {
  const list = useTrackingDomains();
  const add = useAddTrackingDomain();
  const refresh = useRefreshTrackingDomain();
  const remove = useDeleteTrackingDomain();
  // Set when the API refused an add because no tracking host is configured.
  const [noTrackingHost, setNoTrackingHost] = useState<string | null>(null);
  const rows: TrackingRow[] = (list.data ?? []).map((d) => ({ ...d, records: [cnameRecord(d)] }));

  return (
    <DomainsPanel<TrackingRow>
      tableId="email-tracking-domains"
      title="Tracking domains"
      noun="tracking domain"
      purpose="Your own host name for open and click links (links.example.com), so tracked links match your brand instead of ours."
      {...collectionList(list)}
      rows={rows}
      columns={COLUMNS}
      canConfigure={canConfigure}
      notice={
        noTrackingHost && (
          <div role="alert" className="flex items-start gap-3 rounded-lg border border-warning/40 bg-warning-subtle px-4 py-3 text-sm text-warning-text">
            <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            <div className="grid gap-0.5">
              <p className="font-medium">Tracking domains cannot be added yet</p>
              <p>{noTrackingHost} Ask whoever runs this workspace’s deployment to set it, then try again.</p>
            </div>
          </div>
        )
      }
      sheet={{
        explanation: (d) =>
          d.status === 'verified'
            ? `Verified: ${d.domain} points at the tracking host. Keep the CNAME published.`
            : `Point ${d.domain} at ${d.cnameTarget} with a CNAME record at your DNS host, then check it.`,
      }}
      add={{
        description: 'Open and click links will use this host once its CNAME points at the tracking host.',
        placeholder: 'links.example.com',
        hint: 'A subdomain you control that is not used for anything else.',
        add: async (domain) => {
          const added = await add.mutateAsync(domain);
          setNoTrackingHost(null);
          return { ...added, records: [cnameRecord(added)] };
        },
        onRefused: (error) => {
          if (isApiError(error) && error.status === 422) setNoTrackingHost(describeError(error));
        },
      }}
      refresh={async (id) => {
        const checked = await refresh.mutateAsync(id);
        return { ...checked, records: [cnameRecord(checked)] };
      }}
      remove={(id) => remove.mutateAsync(id)}
    />
  );
}

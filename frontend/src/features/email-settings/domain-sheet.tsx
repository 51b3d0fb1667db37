// A sending or tracking domain in a side sheet: its state, the DNS records to publish, "Check
// now" and (for admins) removal. One sheet for both kinds; what differs comes in as props.
import type { ReactNode } from 'react';
import { RefreshCw, Trash2 } from 'lucide-react';
import type { DnsRecord, DomainStatus } from '@shared/contracts/email';
import { Button } from '@/components/ui/button';
import { Sheet, SheetBody, SheetContent, SheetDescription, SheetFooter, SheetHeader, SheetTitle } from '@/components/ui/sheet';
import { formatDateTime } from '@/features/records/format';
import { DnsRecords } from './dns-records';
import { DomainStatusBadge, lastCheckedText } from './domain-status';

export interface DomainSheetDomain {
  domain: string;
  status: DomainStatus;
  records: DnsRecord[];
  lastCheckedAt: string | null;
  verifiedAt: string | null;
  createdAt: string;
}

export interface DomainSheetProps {
  domain: DomainSheetDomain | null;
  onOpenChange: (open: boolean) => void;
  /** "Sending domain", "Tracking domain". */
  kind: string;
  /** What verification means for this kind, said under the title. */
  explanation: ReactNode;
  /** More badges beside the status (DKIM). */
  badges?: ReactNode;
  /** Present for admins only. */
  onCheck?: () => void;
  checking?: boolean;
  onDelete?: () => void;
}

export function DomainSheet({ domain, onOpenChange, kind, explanation, badges, onCheck, checking, onDelete }: DomainSheetProps) {
  return (
    <Sheet open={domain !== null} onOpenChange={onOpenChange}>
      <SheetContent width="lg">
        {domain && (
          <>
            <SheetHeader>
              <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{kind}</p>
              <SheetTitle className="font-mono">{domain.domain}</SheetTitle>
              <SheetDescription>{explanation}</SheetDescription>
            </SheetHeader>
            <SheetBody className="grid content-start gap-6">
              <dl className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-2 text-sm">
                <dt className="text-muted-foreground">Status</dt>
                <dd className="flex flex-wrap items-center gap-1.5" data-testid="domain-sheet-status">
                  <DomainStatusBadge status={domain.status} />
                  {badges}
                </dd>
                <dt className="text-muted-foreground">Last checked</dt>
                <dd title={domain.lastCheckedAt ? formatDateTime(domain.lastCheckedAt) : undefined}>{lastCheckedText(domain.lastCheckedAt)}</dd>
                <dt className="text-muted-foreground">Verified</dt>
                <dd>{domain.verifiedAt ? formatDateTime(domain.verifiedAt) : 'Not yet'}</dd>
                <dt className="text-muted-foreground">Added</dt>
                <dd>{formatDateTime(domain.createdAt)}</dd>
              </dl>
              <DnsRecords domain={domain.domain} records={domain.records} />
            </SheetBody>
            {(onCheck || onDelete) && (
              <SheetFooter className="justify-between">
                {onDelete ? (
                  <Button variant="ghost" className="text-danger-text hover:bg-danger-subtle" onClick={onDelete}>
                    <Trash2 aria-hidden="true" />
                    Remove
                  </Button>
                ) : (
                  <span />
                )}
                {onCheck && (
                  <Button onClick={onCheck} loading={checking}>
                    {!checking && <RefreshCw aria-hidden="true" />}
                    {checking ? 'Checking…' : 'Check now'}
                  </Button>
                )}
              </SheetFooter>
            )}
          </>
        )}
      </SheetContent>
    </Sheet>
  );
}

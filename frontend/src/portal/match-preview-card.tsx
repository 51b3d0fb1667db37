// The match preview: how much of the target-account list we can work — domains we hold, contacts
// fitting the criteria, reachable now by email and by phone — why the others are not reachable,
// and the domains we hold no account for (the first ones listed, all of them as unmatched.csv).
import { useState, type ReactNode } from 'react';
import { Download, Target } from 'lucide-react';
import type { MatchPreview } from '@shared/contracts/portal';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { formatCount, formatTime } from './order-badges';

const EXCLUSION_LABELS: Record<string, string> = {
  client_suppressed: 'On your suppression list',
  no_email: 'No email address',
  no_phone: 'No phone number',
  suppressed_email: 'Email suppressed',
  suppressed_phone: 'Phone suppressed',
  opted_out: 'Opted out',
  no_consent: 'No consent',
  contact_frequency: 'Contacted too recently',
  account_cap: 'Account cap reached',
};
const CHANNEL_LABELS = { email: 'email', phone: 'phone', both: 'both channels' } as const;
const exclusionLabel = (reason: string) => EXCLUSION_LABELS[reason] ?? reason.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

function Figure({ label, value, of }: { label: string; value: number; of?: number }) {
  return (
    <div className="grid gap-0.5 rounded-lg border border-border bg-card px-3 py-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-mono text-xl font-semibold tabular">
        {formatCount(value)}
        {of !== undefined && <span className="ml-1 text-xs font-normal text-muted-foreground">of {formatCount(of)}</span>}
      </dd>
    </div>
  );
}

export interface MatchPreviewCardProps {
  preview: MatchPreview | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  onDownloadUnmatched: () => Promise<void>;
  /** The card's header actions (replacing the list while the order may change). */
  actions?: ReactNode;
}

export function MatchPreviewCard({ preview, loading, error, onRetry, onDownloadUnmatched, actions }: MatchPreviewCardProps) {
  const [downloading, setDownloading] = useState(false);
  async function download() {
    setDownloading(true);
    try {
      await onDownloadUnmatched();
    } catch (e) {
      toast.error('The unmatched domains could not be downloaded', { description: describeError(e) });
    } finally {
      setDownloading(false);
    }
  }
  return (
    <SectionCard
      id="match-preview"
      title="Match preview"
      description={preview ? `Your target accounts against our data, ${formatTime(preview.computedAt)}.` : 'Your target accounts against our data.'}
      actions={actions}
    >
      <div data-testid="match-preview" aria-busy={loading || undefined}>
        {loading && !preview ? (
          <div className="grid grid-cols-2 gap-2 md:grid-cols-5">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-16" />
            ))}
          </div>
        ) : error && !preview ? (
          <ErrorState compact description={describeError(error)} onRetry={onRetry} />
        ) : !preview ? (
          <EmptyState compact icon={<Target />} title="No target accounts" description="Upload a list of domains to see how many we can reach." />
        ) : (
          <div className="grid gap-4">
            <dl className="grid grid-cols-2 gap-2 md:grid-cols-5">
              <Figure label="Domains we hold" value={preview.matchedDomains} of={preview.targets} />
              <Figure label="Contacts fitting" value={preview.contacts} />
              <Figure label="Reachable by email" value={preview.reachableEmail} />
              <Figure label="Reachable by phone" value={preview.reachablePhone} />
              <Figure label="Reachable on the order's channel" value={preview.reachable} />
            </dl>
            <div className="grid gap-4 md:grid-cols-2">
              <div className="grid content-start gap-2">
                <h3 className="text-sm font-semibold">Not reachable now</h3>
                {preview.notFitting > 0 && (
                  <p className="text-sm">
                    <span className="font-mono tabular">{formatCount(preview.notFitting)}</span> contacts at these accounts do not fit the criteria.
                  </p>
                )}
                {preview.excluded.length === 0 ? (
                  <p className="text-sm text-muted-foreground">Nothing excluded.</p>
                ) : (
                  <table className="w-full text-sm">
                    <caption className="sr-only">Contacts not reachable now, by reason</caption>
                    <thead className="sr-only">
                      <tr>
                        <th scope="col">Reason</th>
                        <th scope="col">Channel</th>
                        <th scope="col">Contacts</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.excluded.map((x) => (
                        <tr key={`${x.reason}-${x.channel}`} className="border-b border-border last:border-0">
                          <td className="py-1">{exclusionLabel(x.reason)}</td>
                          <td className="py-1 text-xs text-muted-foreground">{CHANNEL_LABELS[x.channel]}</td>
                          <td className="py-1 text-right font-mono tabular">{formatCount(x.count)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
              <div className="grid content-start gap-2">
                <div className="flex items-center justify-between gap-2">
                  <h3 className="text-sm font-semibold">
                    Unmatched domains <span className="font-mono font-normal text-muted-foreground">({formatCount(preview.unmatchedDomains)})</span>
                  </h3>
                  {preview.unmatchedDomains > 0 && (
                    <Button variant="outline" size="sm" onClick={() => void download()} loading={downloading}>
                      <Download aria-hidden="true" />
                      unmatched.csv
                    </Button>
                  )}
                </div>
                {preview.unmatchedDomains === 0 ? (
                  <p className="text-sm text-muted-foreground">We hold an account for every domain.</p>
                ) : (
                  <ul className="flex max-h-40 flex-wrap gap-1 overflow-y-auto rounded-md focus-visible:outline-2 focus-visible:outline-ring" aria-label="Unmatched domains" tabIndex={0}>
                    {preview.unmatchedSample.map((d) => (
                      <li key={d} className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
                        {d}
                      </li>
                    ))}
                    {preview.unmatchedDomains > preview.unmatchedSample.length && (
                      <li className="px-1.5 py-0.5 text-xs text-muted-foreground">
                        and {formatCount(preview.unmatchedDomains - preview.unmatchedSample.length)} more in the file
                      </li>
                    )}
                  </ul>
                )}
              </div>
            </div>
          </div>
        )}
      </div>
    </SectionCard>
  );
}

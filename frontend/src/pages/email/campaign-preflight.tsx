// The Pre-flight step: runs the checks the send must pass (unsubscribe link and headers, DKIM,
// a dry render of every recipient, links, alt text, subject, spam words, audience and
// exclusions) and shows each with its reason; any red item keeps the Schedule step shut.
import { RotateCw, ShieldCheck } from 'lucide-react';
import type { PreflightItem } from '@shared/contracts/email-content';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { PreflightList, preflightSummary } from '@/features/email/preflight-list';
import { describeError } from '@/lib/api';

export interface PreflightState {
  items: PreflightItem[] | null;
  running: boolean;
  error: unknown;
  /** When the content or setup changed after the last run. */
  outdated: boolean;
  run: () => void;
}

export function CampaignPreflight({ state }: { state: PreflightState }) {
  const { items, running, error, outdated, run } = state;
  const summary = items ? preflightSummary(items) : null;
  return (
    <SectionCard
      title="Pre-flight"
      description="Every check must be free of red before the campaign can be scheduled."
      actions={
        <Button variant={items ? 'outline' : 'default'} size="sm" onClick={run} loading={running}>
          {!running && (items ? <RotateCw aria-hidden="true" /> : <ShieldCheck aria-hidden="true" />)}
          {items ? 'Re-run pre-flight' : 'Run pre-flight'}
        </Button>
      }
    >
      <div className="grid gap-4">
        {summary && (
          <p className="text-sm" role="status" aria-live="polite" data-testid="preflight-summary">
            {summary.red > 0 ? (
              <span className="font-semibold text-danger-text">
                {summary.red} {summary.red === 1 ? 'check blocks' : 'checks block'} sending.
              </span>
            ) : (
              <span className="font-semibold text-success-text">Ready to schedule.</span>
            )}{' '}
            <span className="text-muted-foreground">
              {summary.green} passed · {summary.amber} {summary.amber === 1 ? 'warning' : 'warnings'} · {summary.red} red
            </span>
            {outdated && <span className="ml-2 font-medium text-warning-text">The campaign changed since: re-run it.</span>}
          </p>
        )}
        {running && !items && (
          <div className="grid gap-2" aria-busy="true" aria-label="Running pre-flight">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-12" />
            ))}
          </div>
        )}
        {!!error && !running && <ErrorState compact title="Pre-flight did not run" description={describeError(error)} onRetry={run} />}
        {items && <PreflightList items={items} />}
        {!items && !running && !error && (
          <EmptyState compact icon={<ShieldCheck />} title="Not run yet" description="Pre-flight renders the email for every recipient and checks what a mailbox provider would. It takes a few seconds." />
        )}
      </div>
    </SectionCard>
  );
}

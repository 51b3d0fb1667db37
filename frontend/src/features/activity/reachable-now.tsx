// "Reachable now": how many of an audience the contact gate would admit at this moment by email
// and by phone (compliance and the contact policy together), with the reasons for the rest on
// hover. It follows the policy: a saved change refreshes it.
import { useState } from 'react';
import { Loader2, Mail, Phone } from 'lucide-react';
import type { AudienceSelection, GateCounts } from '@shared/contracts/activity';
import { POLICY_EXCLUSION_LABELS } from '@shared/contracts/activity';
import { EXCLUSION_REASON_LABELS } from '@shared/contracts/compliance';
import { Button } from '@/components/ui/button';
import { SimpleTooltip } from '@/components/ui/tooltip';
import { usePolicyPreview } from './activity-api';

const LABELS: Record<string, string> = { ...EXCLUSION_REASON_LABELS, ...POLICY_EXCLUSION_LABELS };

function reasonsText(counts: GateCounts): string {
  const parts = Object.entries(counts.excluded)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${n.toLocaleString('en-US')} ${(LABELS[reason] ?? reason).toLowerCase()}`);
  return parts.length ? `Left out: ${parts.join(', ')}.` : 'Nobody is left out.';
}

function Channel({ label, icon: Icon, counts, testId }: { label: string; icon: typeof Mail; counts: GateCounts | undefined; testId: string }) {
  const text = counts ? counts.admitted.toLocaleString('en-US') : '—';
  const content = (
    <span className="inline-flex items-center gap-1.5" tabIndex={counts ? 0 : undefined}>
      <Icon className="size-4 text-muted-foreground" aria-hidden="true" />
      <span className="font-mono text-lg font-semibold tabular" data-testid={testId}>
        {text}
      </span>
      <span className="text-xs text-muted-foreground">{label}</span>
    </span>
  );
  return counts ? <SimpleTooltip content={reasonsText(counts)}>{content}</SimpleTooltip> : content;
}

/**
 * `onDemand`: worked out only when asked (a builder whose filter changes with every edit would
 * otherwise run the whole gate on each one); the count then follows the filter until it is left.
 */
export function ReachableNow({ selection, onDemand = false }: { selection: AudienceSelection | null; onDemand?: boolean }) {
  const [asked, setAsked] = useState(!onDemand);
  const preview = usePolicyPreview(asked ? selection : null);
  if (!asked) {
    return (
      <div className="min-w-44">
        <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Reachable now</p>
        <Button variant="outline" size="sm" className="mt-1" onClick={() => setAsked(true)}>
          Check by email and phone
        </Button>
      </div>
    );
  }
  return (
    <div className="min-w-44" aria-live="polite" aria-atomic="true">
      <p className="flex items-center gap-1.5 text-xs font-medium uppercase tracking-wide text-muted-foreground">
        Reachable now
        {preview.isFetching && <Loader2 className="size-3 animate-spin" aria-label="Updating reachable counts" />}
      </p>
      {preview.isError ? (
        <p className="text-sm text-danger-text">Could not be worked out.</p>
      ) : (
        <p className="flex items-center gap-4">
          <Channel label="by email" icon={Mail} counts={preview.data?.channels.email} testId="reachable-email" />
          <Channel label="by phone" icon={Phone} counts={preview.data?.channels.phone} testId="reachable-phone" />
        </p>
      )}
    </div>
  );
}

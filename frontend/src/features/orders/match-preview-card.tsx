// How much of the order's target-account list we can work: domains we hold, contacts fitting the
// criteria, those reachable now by email and by phone, why the others are not, and the first
// domains we hold no account for. Staff who manage orders may replace the list here.
import { useState } from 'react';
import { Upload } from 'lucide-react';
import type { Order } from '@shared/contracts/portal';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { putOrderTargets, useMatchPreview } from './orders-api';
import { ReplaceTargetsDialog } from './replace-targets-dialog';

const n = (value: number) => value.toLocaleString('en-US');

function Figure({ label, value, of }: { label: string; value: number; of?: number }) {
  return (
    <div className="grid gap-0.5 rounded-lg border border-border px-3 py-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-mono text-lg font-semibold tabular-nums">
        {n(value)}
        {of !== undefined && of > 0 && <span className="ml-1 text-xs font-normal text-muted-foreground">{Math.round((value / of) * 100)}%</span>}
      </dd>
    </div>
  );
}

export function MatchPreviewCard({ order, canManage, onTargetsChanged }: { order: Order; canManage: boolean; onTargetsChanged: () => void }) {
  const preview = useMatchPreview(order.id, order.targetCount > 0);
  const [replacing, setReplacing] = useState(false);
  const p = preview.data;
  return (
    <SectionCard
      id="order-match"
      title="Match preview"
      description={`${n(order.targetCount)} target domain${order.targetCount === 1 ? '' : 's'}; who we can reach now after suppressions, consent and the contact policy.`}
      actions={
        canManage && ['submitted', 'in_review', 'approved'].includes(order.state) ? (
          <Button size="sm" variant="outline" onClick={() => setReplacing(true)}>
            <Upload aria-hidden="true" />
            Replace list
          </Button>
        ) : undefined
      }
    >
      {order.targetCount === 0 ? (
        <p className="text-sm text-muted-foreground">No target-account list: the order is worked on its criteria alone.</p>
      ) : preview.isPending ? (
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-busy="true" aria-label="Loading the match preview">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-14" />
          ))}
        </div>
      ) : preview.isError ? (
        <ErrorState compact title="The match preview could not be loaded" description={describeError(preview.error)} onRetry={() => void preview.refetch()} retrying={preview.isFetching} />
      ) : (
        p && (
          <div className="grid gap-3">
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="match-figures">
              <Figure label="Domains we hold" value={p.matchedDomains} of={p.targets} />
              <Figure label="Contacts fitting" value={p.contacts} />
              <Figure label="Reachable by email" value={p.reachableEmail} of={p.contacts} />
              <Figure label="Reachable by phone" value={p.reachablePhone} of={p.contacts} />
            </dl>
            <p className="text-sm">
              <span className="font-medium">{n(p.reachable)}</span> reachable by either channel at <span className="font-medium">{n(p.accounts)}</span> accounts.
            </p>
            {p.excluded.length > 0 && (
              <div>
                <h3 className="text-xs font-medium text-muted-foreground">Not reachable now</h3>
                <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  {p.excluded.map((e) => (
                    <li key={e.reason}>
                      {e.reason}: <span className="font-mono tabular-nums">{n(e.count)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {p.unmatchedDomains > 0 && (
              <div>
                <h3 className="text-xs font-medium text-muted-foreground">
                  {n(p.unmatchedDomains)} domain{p.unmatchedDomains === 1 ? '' : 's'} we hold no account for
                </h3>
                <p className="mt-1 break-words font-mono text-xs text-muted-foreground">
                  {p.unmatchedSample.join(', ')}
                  {p.unmatchedSample.length < p.unmatchedDomains && ' …'}
                </p>
              </div>
            )}
          </div>
        )
      )}
      <ReplaceTargetsDialog
        open={replacing}
        onOpenChange={setReplacing}
        currentCount={order.targetCount}
        send={(body) => putOrderTargets(order.id, body)}
        onReplaced={() => {
          onTargetsChanged();
          void preview.refetch();
        }}
      />
    </SectionCard>
  );
}

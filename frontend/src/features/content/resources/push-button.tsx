// "Push to Resources Centre" among an asset page's actions, and the asset's pushes (state,
// attempts, the last error, the page the Resources Centre made) in a popover beside it, opened by
// itself once a push is made. The button says why it is off when the link is not configured (or
// is off) or the user may not push.
import { useId, useState } from 'react';
import { ExternalLink, History, UploadCloud } from 'lucide-react';
import type { ResourcesCentrePush } from '@shared/contracts/content-resources';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { toast } from '@/components/ui/toast';
import { SimpleTooltip } from '@/components/ui/tooltip';
import { formatDateTime, formatRelative } from '@/features/records/format';
import { describeError } from '@/lib/api';
import { useCan } from '@/lib/auth';
import { PUSH_STATE_BADGES, PUSH_STATE_LABELS } from './labels';
import { useAssetPushes, usePushAsset, useResourcesStatus } from './resources-api';

export interface PushToResourcesCentreProps {
  assetId: string;
}

export function PushToResourcesCentre({ assetId }: PushToResourcesCentreProps) {
  const canPush = useCan('content.create');
  const status = useResourcesStatus();
  const pushes = useAssetPushes(assetId);
  const push = usePushAsset(assetId);
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  const reason = !canPush ? 'Pushing needs the content creator, campaign manager or admin role.' : (status.data?.reason ?? null);
  const items = pushes.data?.items ?? [];
  const last = items[0];

  async function pushNow() {
    try {
      const made = await push.mutateAsync();
      setOpen(true);
      if (made.state === 'delivered') toast.success(`Pushed version ${made.versionNumber ?? ''} to the Resources Centre.`);
      else if (made.state === 'pending') toast.warning('The Resources Centre did not take it yet: it will be tried again.', { description: made.lastError ?? undefined });
      else toast.error('The Resources Centre refused the push', { description: made.lastError ?? undefined });
    } catch (error) {
      toast.error('The asset was not pushed', { description: describeError(error) });
    }
  }

  const button = (
    <Button
      variant="outline"
      loading={push.isPending}
      disabled={status.isLoading || reason !== null}
      aria-describedby={reason ? reasonId : undefined}
      onClick={() => void pushNow()}
    >
      <UploadCloud aria-hidden="true" /> Push to Resources Centre
    </Button>
  );

  return (
    <div className="flex items-center gap-1" role="group" aria-label="Resources Centre">
      {reason ? (
        <>
          {/* A disabled button takes no focus or hover: its wrapper carries the reason's tooltip. */}
          <SimpleTooltip content={reason}>
            <span tabIndex={0} className="inline-flex rounded-md" aria-describedby={reasonId}>
              {button}
            </span>
          </SimpleTooltip>
          <span id={reasonId} className="sr-only">
            {reason}
          </span>
        </>
      ) : (
        button
      )}
      {(items.length > 0 || pushes.isError) && (
        <Popover open={open} onOpenChange={setOpen}>
          <PopoverTrigger asChild>
            <Button variant="ghost" className="px-2.5" aria-label={`Pushes to the Resources Centre${last ? `: the last ${PUSH_STATE_LABELS[last.state].toLowerCase()}` : ''}`}>
              <History aria-hidden="true" />
              {last && (
                <Badge variant={PUSH_STATE_BADGES[last.state]} dot>
                  {PUSH_STATE_LABELS[last.state]}
                </Badge>
              )}
            </Button>
          </PopoverTrigger>
          <PopoverContent align="end" aria-labelledby={`${reasonId}-pushes`} className="w-[26rem] max-w-[calc(100vw-2rem)] p-3">
            <h3 id={`${reasonId}-pushes`} className="mb-2 text-sm font-semibold">
              Pushes to the Resources Centre
            </h3>
            {pushes.isError ? (
              <ErrorState compact title="The pushes could not be loaded" description={describeError(pushes.error)} onRetry={() => void pushes.refetch()} />
            ) : (
              <ul className="grid max-h-80 gap-1.5 overflow-y-auto" aria-label="Pushes to the Resources Centre">
                {items.map((p) => (
                  <PushRow key={p.id} push={p} />
                ))}
              </ul>
            )}
          </PopoverContent>
        </Popover>
      )}
    </div>
  );
}

function PushRow({ push }: { push: ResourcesCentrePush }) {
  return (
    <li className="grid gap-0.5 rounded-md border border-border px-3 py-2 text-sm" data-testid="resources-push">
      <div className="flex flex-wrap items-center gap-2">
        <Badge variant={PUSH_STATE_BADGES[push.state]} dot>
          {PUSH_STATE_LABELS[push.state]}
        </Badge>
        <span>Version {push.versionNumber ?? '?'}</span>
        <span className="text-muted-foreground">
          · {push.attempts} {push.attempts === 1 ? 'attempt' : 'attempts'}
        </span>
        <time dateTime={push.createdAt} title={formatDateTime(push.createdAt)} className="text-muted-foreground">
          · {formatRelative(push.createdAt)}
        </time>
        {push.remoteUrl && (
          <a href={push.remoteUrl} target="_blank" rel="noreferrer" className="ml-auto inline-flex items-center gap-1 text-primary underline-offset-4 hover:underline">
            Open its page <ExternalLink className="size-3.5" aria-hidden="true" />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        )}
      </div>
      {push.state === 'pending' && push.nextAttemptAt && <p className="text-xs text-muted-foreground">Next try {formatDateTime(push.nextAttemptAt)}</p>}
      {push.lastError && <p className="break-words text-xs text-danger-text">{push.lastError}</p>}
    </li>
  );
}

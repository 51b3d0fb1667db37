// One post: where it goes, its text and link, its state with the attempts and the platform's last
// error (and the next automatic attempt), where it went once published; Edit while it waits, Retry
// when it failed, Cancel and Delete after a confirmation.
import { useState } from 'react';
import { ExternalLink, RotateCcw } from 'lucide-react';
import { SOCIAL_PLATFORM_LABELS, type SocialAccountView } from '@shared/contracts/content-social';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { useCan } from '@/lib/auth';
import { PlatformMark, PostStateBadge } from './platform-mark';
import { PostDialog } from './post-dialog';
import { cancelPost, deletePost, retryPost, useSocialPost, useSocialRefresh } from './social-api';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

export interface PostDetailDialogProps {
  postId: string | null;
  onClose: () => void;
  accounts: SocialAccountView[];
}

export function PostDetailDialog({ postId, onClose, accounts }: PostDetailDialogProps) {
  const canWrite = useCan('content.create');
  const post = useSocialPost(postId);
  const refresh = useSocialRefresh();
  const [confirm, setConfirm] = useState<'cancel' | 'delete' | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const p = post.data;

  async function retry() {
    if (!p) return;
    setRetrying(true);
    try {
      await retryPost(p.id);
      toast.success('Going out again now.');
      refresh();
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setRetrying(false);
    }
  }

  async function confirmed() {
    if (!p || !confirm) return;
    setConfirmError(null);
    try {
      if (confirm === 'cancel') {
        await cancelPost(p.id);
        toast.success('Cancelled: it will not go out.');
      } else {
        await deletePost(p.id);
        toast.success('Post deleted.');
        onClose();
      }
      refresh();
    } catch (error) {
      setConfirmError(describeError(error));
      throw error;
    }
  }

  return (
    <>
      <Dialog open={Boolean(postId) && !editing} onOpenChange={(open) => !open && onClose()}>
        <DialogContent size="lg">
          <DialogHeader>
            <DialogTitle className="flex items-center gap-2">
              {p && <PlatformMark platform={p.account.platform} />}
              {p ? `${SOCIAL_PLATFORM_LABELS[p.account.platform]} post` : 'Post'}
              {p && <PostStateBadge state={p.state} />}
            </DialogTitle>
            <DialogDescription>{p ? `As ${p.account.name}${p.createdBy ? `, written by ${p.createdBy.name}` : ''}.` : 'Loading the post…'}</DialogDescription>
          </DialogHeader>
          {post.isError ? (
            <ErrorState title="The post could not be loaded" description={describeError(post.error)} onRetry={() => void post.refetch()} />
          ) : !p ? (
            <Skeleton className="h-32" />
          ) : (
            <div className="grid gap-3 text-sm" data-testid="post-detail">
              <p className="whitespace-pre-wrap rounded-md border border-border bg-muted/40 p-3">{p.body}</p>
              {p.linkUrl && (
                <p className="truncate">
                  Link:{' '}
                  <a href={p.linkUrl} target="_blank" rel="noreferrer" className="text-primary underline">
                    {p.linkUrl}
                  </a>
                </p>
              )}
              {p.asset && <p>From the asset “{p.asset.title}”.</p>}
              <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1">
                <dt className="text-muted-foreground">Scheduled for</dt>
                <dd>{when(p.scheduledAt)}</dd>
                <dt className="text-muted-foreground">Published</dt>
                <dd>
                  {p.publishedAt ? (
                    <span className="inline-flex items-center gap-1">
                      {when(p.publishedAt)}
                      {p.externalUrl && (
                        <a href={p.externalUrl} target="_blank" rel="noreferrer" className="inline-flex items-center gap-0.5 text-primary underline">
                          view on {SOCIAL_PLATFORM_LABELS[p.account.platform]}
                          <ExternalLink className="size-3" aria-hidden="true" />
                        </a>
                      )}
                    </span>
                  ) : (
                    '—'
                  )}
                </dd>
                <dt className="text-muted-foreground">Attempts</dt>
                <dd className="tabular-nums">{p.attempts}</dd>
                {p.nextAttemptAt && (
                  <>
                    <dt className="text-muted-foreground">Next attempt</dt>
                    <dd>{when(p.nextAttemptAt)}</dd>
                  </>
                )}
              </dl>
              {p.lastError && p.state !== 'published' && (
                <div role="alert" className="rounded-md border border-danger/40 bg-danger-subtle p-3 text-danger-text">
                  {p.lastError}
                </div>
              )}
            </div>
          )}
          <DialogFooter>
            {p && canWrite && (p.state === 'draft' || p.state === 'cancelled') && (
              <Button variant="outline" onClick={() => setConfirm('delete')}>
                Delete
              </Button>
            )}
            {p && canWrite && ['draft', 'scheduled', 'failed'].includes(p.state) && (
              <Button variant="outline" onClick={() => setConfirm('cancel')}>
                Cancel post
              </Button>
            )}
            {p && canWrite && (p.state === 'draft' || p.state === 'scheduled') && (
              <Button variant="outline" onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
            {p && canWrite && p.state === 'failed' && (
              <Button onClick={() => void retry()} disabled={retrying}>
                <RotateCcw aria-hidden="true" />
                {retrying ? 'Retrying…' : 'Retry'}
              </Button>
            )}
            <Button variant="ghost" onClick={onClose}>
              Close
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      {p && <PostDialog open={editing} onOpenChange={setEditing} accounts={accounts} post={p} />}
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => {
          if (!open) {
            setConfirm(null);
            setConfirmError(null);
          }
        }}
        title={confirm === 'delete' ? 'Delete this post?' : 'Cancel this post?'}
        description={confirm === 'delete' ? 'The post is removed for good.' : 'It will not go out. It stays on the calendar as cancelled.'}
        confirmLabel={confirm === 'delete' ? 'Delete post' : 'Cancel post'}
        cancelLabel="Keep it"
        destructive
        onConfirm={confirmed}
        error={confirmError}
      />
    </>
  );
}

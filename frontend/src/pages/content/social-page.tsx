// Social publishing at /content/social: the calendar of posts (a month grid or an agenda list of
// the same period), "New post" for those who write content, a post's detail with Retry and Cancel,
// and the connected accounts beside it. `n` writes a post; `[` and `]` move a month.
import { useMemo, useState } from 'react';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { CreateButton } from '@/components/ui/create-button';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { AccountsPanel } from '@/features/content/social/accounts-panel';
import { AgendaList, MonthGrid, monthRange } from '@/features/content/social/post-calendar';
import { PostDetailDialog } from '@/features/content/social/post-detail-dialog';
import { PostDialog } from '@/features/content/social/post-dialog';
import { useSocialAccounts, useSocialPosts } from '@/features/content/social/social-api';
import { describeError } from '@/lib/api';
import { useCan } from '@/lib/auth';
import { useHotkeys } from '@/lib/hotkeys';
import { cn } from '@/lib/utils';

type View = 'month' | 'agenda';

export default function SocialPage() {
  const canWrite = useCan('content.create');
  const [month, setMonth] = useState(() => new Date(new Date().getFullYear(), new Date().getMonth(), 1));
  const [view, setView] = useState<View>('month');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const { from, to } = useMemo(() => monthRange(month), [month]);
  const posts = useSocialPosts(from, to);
  const accounts = useSocialAccounts();
  const move = (by: number) => setMonth((m) => new Date(m.getFullYear(), m.getMonth() + by, 1));

  useHotkeys([
    { combo: 'n', handler: () => canWrite && setCreating(true) },
    { combo: '[', handler: () => move(-1) },
    { combo: ']', handler: () => move(1) },
  ]);

  const title = month.toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
  return (
    <>
      <HeaderActionBar
        title="Social"
        description="Posts to LinkedIn, X and Facebook: written or drafted with AI, scheduled, and published at their time."
        actions={canWrite ? <CreateButton label="New post" onClick={() => setCreating(true)} shortcut="N" /> : undefined}
      />
      <div className="grid gap-4 xl:grid-cols-[1fr_20rem]">
        <SectionCard
          title={<span aria-live="polite">{title}</span>}
          description={`Times in your time zone (${Intl.DateTimeFormat().resolvedOptions().timeZone}).`}
          actions={
            <>
              <div className="flex items-center rounded-md border border-border p-0.5" role="group" aria-label="View">
                {(['month', 'agenda'] as const).map((v) => (
                  <Button key={v} size="sm" variant="ghost" aria-pressed={view === v} onClick={() => setView(v)} className={cn('h-7', view === v && 'bg-muted font-semibold')}>
                    {v === 'month' ? 'Month' : 'Agenda'}
                  </Button>
                ))}
              </div>
              <Button size="icon-sm" variant="outline" onClick={() => move(-1)} aria-label="Previous month" title="Previous month ([)">
                <ChevronLeft aria-hidden="true" />
              </Button>
              <Button size="sm" variant="outline" onClick={() => setMonth(new Date(new Date().getFullYear(), new Date().getMonth(), 1))}>
                Today
              </Button>
              <Button size="icon-sm" variant="outline" onClick={() => move(1)} aria-label="Next month" title="Next month (])">
                <ChevronRight aria-hidden="true" />
              </Button>
            </>
          }
        >
          {posts.isError ? (
            <ErrorState title="The posts could not be loaded" description={describeError(posts.error)} onRetry={() => void posts.refetch()} />
          ) : posts.isLoading ? (
            <Skeleton className="h-96" />
          ) : view === 'month' ? (
            <div className="overflow-x-auto" data-testid="social-calendar">
              <MonthGrid month={month} posts={posts.data ?? []} onOpen={(p) => setOpenId(p.id)} />
            </div>
          ) : (
            <div data-testid="social-agenda">
              <AgendaList posts={posts.data ?? []} onOpen={(p) => setOpenId(p.id)} />
            </div>
          )}
        </SectionCard>
        <div className="grid content-start gap-4">
          <AccountsPanel />
        </div>
      </div>
      <PostDialog open={creating} onOpenChange={setCreating} accounts={accounts.data ?? []} />
      <PostDetailDialog postId={openId} onClose={() => setOpenId(null)} accounts={accounts.data ?? []} />
    </>
  );
}

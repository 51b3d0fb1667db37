// The social calendar: a month grid (weeks from Monday, in the user's time zone) with each post on
// its day — time, platform and state — or the same period as an agenda list. A post opens its
// detail; the grid is a table a keyboard walks with Tab.
import { SOCIAL_PLATFORM_LABELS, SOCIAL_POST_STATE_LABELS, type SocialPostView } from '@shared/contracts/content-social';
import { EmptyState } from '@/components/ui/empty-state';
import { cn } from '@/lib/utils';
import { PlatformMark, PostStateBadge } from './platform-mark';

const DAY = 86_400_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** When a post sits on the calendar: when it went out, else when it is to go, else when it was written. */
export const postTime = (post: SocialPostView) => new Date(post.publishedAt ?? post.scheduledAt ?? post.createdAt);

const dayKey = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const time = (d: Date) => d.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });

/** The grid's first and last (exclusive) days for the month of `month`: whole weeks from Monday. */
export function monthRange(month: Date): { from: Date; to: Date } {
  const first = new Date(month.getFullYear(), month.getMonth(), 1);
  const from = new Date(first.getFullYear(), first.getMonth(), 1 - ((first.getDay() + 6) % 7));
  const last = new Date(month.getFullYear(), month.getMonth() + 1, 0);
  const to = new Date(last.getFullYear(), last.getMonth(), last.getDate() + (7 - ((last.getDay() + 6) % 7)));
  return { from, to };
}

function byDay(posts: SocialPostView[]): Map<string, SocialPostView[]> {
  const days = new Map<string, SocialPostView[]>();
  for (const post of [...posts].sort((a, b) => postTime(a).getTime() - postTime(b).getTime())) {
    const key = dayKey(postTime(post));
    days.set(key, [...(days.get(key) ?? []), post]);
  }
  return days;
}

const STATE_DOTS: Record<SocialPostView['state'], string> = {
  draft: 'bg-neutral-text',
  scheduled: 'bg-info-text',
  publishing: 'bg-warning-text',
  published: 'bg-success-text',
  failed: 'bg-danger-text',
  cancelled: 'bg-muted-foreground',
};

/** The start of a post's text that a calendar chip shows (far more than its width has room for). */
const CHIP_TEXT = 80;

function PostChip({ post, onOpen }: { post: SocialPostView; onOpen: (post: SocialPostView) => void }) {
  const when = post.state === 'draft' ? 'Draft' : time(postTime(post));
  const text = post.body.slice(0, CHIP_TEXT);
  // Named by what it shows first (the time and the text), then the account and the state.
  const name = `${when}: ${text}, ${post.account.name} on ${SOCIAL_PLATFORM_LABELS[post.account.platform]}${post.state === 'draft' ? '' : `, ${post.state}`}`;
  return (
    <button
      type="button"
      onClick={() => onOpen(post)}
      data-testid="calendar-post"
      data-post-id={post.id}
      data-state={post.state}
      className="grid w-full min-w-0 gap-0.5 overflow-hidden rounded border border-border bg-card px-1 py-0.5 text-left text-xs hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      aria-label={name}
      title={`${SOCIAL_POST_STATE_LABELS[post.state]} · ${post.body.slice(0, 200)}`}
    >
      <span className="flex min-w-0 items-center gap-1">
        <PlatformMark platform={post.account.platform} />
        <span className="truncate font-mono tabular-nums text-muted-foreground">{when}</span>
        <span className={cn('ml-auto size-2 shrink-0 rounded-full', STATE_DOTS[post.state])} aria-hidden="true" />
      </span>{' '}
      <span className="truncate">{text}</span>
    </button>
  );
}

export function MonthGrid({ month, posts, onOpen }: { month: Date; posts: SocialPostView[]; onOpen: (post: SocialPostView) => void }) {
  const { from, to } = monthRange(month);
  const days = byDay(posts);
  const today = dayKey(new Date());
  const weeks: Date[][] = [];
  for (let t = from.getTime(); t < to.getTime(); t += 7 * DAY) {
    const start = new Date(t);
    weeks.push(Array.from({ length: 7 }, (_, i) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + i)));
  }
  return (
    <table className="w-full table-fixed border-collapse text-sm" aria-label={`Posts in ${month.toLocaleDateString(undefined, { month: 'long', year: 'numeric' })}`}>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col" className="border-b border-border px-1.5 py-1 text-left text-xs font-medium text-muted-foreground">
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={dayKey(week[0]!)}>
            {week.map((day) => {
              const key = dayKey(day);
              const inMonth = day.getMonth() === month.getMonth();
              const list = days.get(key) ?? [];
              return (
                <td key={key} data-day={key} className={cn('h-28 overflow-hidden border border-border p-1 align-top', !inMonth && 'bg-muted/40')}>
                  <div className={cn('mb-1 text-xs tabular-nums', inMonth ? 'text-foreground' : 'text-muted-foreground', key === today && 'font-semibold text-primary')}>
                    {key === today ? <span aria-label="Today">{day.getDate()} · Today</span> : day.getDate()}
                  </div>
                  <ul className="grid max-h-[5.5rem] gap-0.5 overflow-y-auto">
                    {list.map((post) => (
                      <li key={post.id}>
                        <PostChip post={post} onOpen={onOpen} />
                      </li>
                    ))}
                  </ul>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AgendaList({ posts, onOpen }: { posts: SocialPostView[]; onOpen: (post: SocialPostView) => void }) {
  const days = [...byDay(posts).entries()];
  if (!days.length) return <EmptyState compact title="No posts in this period" description="Posts you write or schedule appear here by day." />;
  return (
    <ol className="grid gap-4" aria-label="Posts by day">
      {days.map(([key, list]) => (
        <li key={key}>
          <h3 className="mb-1.5 text-sm font-medium">{new Date(`${key}T12:00:00`).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })}</h3>
          <ul className="grid gap-1">
            {list.map((post) => (
              <li key={post.id}>
                <button
                  type="button"
                  onClick={() => onOpen(post)}
                  data-testid="agenda-post"
                  data-post-id={post.id}
                  className="grid w-full grid-cols-[4rem_auto_1fr_auto] items-center gap-2 rounded-md border border-border bg-card px-2 py-1.5 text-left text-sm hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                >
                  <span className="font-mono text-xs tabular-nums text-muted-foreground">{post.state === 'draft' ? 'Draft' : time(postTime(post))}</span>
                  <span className="flex items-center gap-1.5 text-xs text-muted-foreground">
                    <PlatformMark platform={post.account.platform} />
                    {post.account.name}
                  </span>
                  <span className="min-w-0 truncate">{post.body}</span>
                  <PostStateBadge state={post.state} />
                </button>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

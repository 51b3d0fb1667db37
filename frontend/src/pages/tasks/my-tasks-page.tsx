// My tasks: the signed-in user's tasks in four tabs (overdue, today, upcoming, done), each with
// its record and due time in the task's zone; a checkbox completes (or reopens) a task.
import { useState } from 'react';
import { Link } from 'wouter';
import { CalendarClock, CheckCircle2 } from 'lucide-react';
import { TASK_TYPE_LABELS, type Task, type TaskBucket } from '@shared/contracts/activity';
import { Badge } from '@/components/ui/badge';
import { Checkbox } from '@/components/ui/checkbox';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toast';
import { useMyTasks, useUpdateTask } from '@/features/activity/activity-api';
import { formatRelative } from '@/features/records/format';
import { describeError } from '@/lib/api';

const BUCKETS: Array<{ value: TaskBucket; label: string }> = [
  { value: 'overdue', label: 'Overdue' },
  { value: 'today', label: 'Today' },
  { value: 'upcoming', label: 'Upcoming' },
  { value: 'done', label: 'Done' },
];

function dueText(task: Task): string {
  const local = new Date(task.dueAt).toLocaleString(undefined, { timeZone: task.dueTimeZone, dateStyle: 'medium', timeStyle: 'short' });
  return `${local} (${task.dueTimeZone})`;
}

function TaskRow({ task }: { task: Task }) {
  const update = useUpdateTask();
  const done = task.status === 'done';
  const record = task.contactId ? { href: `/contacts/${task.contactId}`, name: task.contactName } : task.accountId ? { href: `/accounts/${task.accountId}`, name: task.accountName } : null;
  async function toggle() {
    try {
      await update.mutateAsync({ id: task.id, change: { status: done ? 'open' : 'done' } });
      toast.success(done ? 'Task reopened.' : 'Task completed.', {
        action: { label: 'Undo', onClick: () => void update.mutateAsync({ id: task.id, change: { status: done ? 'done' : 'open' } }) },
      });
    } catch (error) {
      toast.error(describeError(error));
    }
  }
  return (
    <li className="flex items-start gap-3 border-b border-border px-4 py-3 last:border-b-0" data-task-id={task.id}>
      <Checkbox checked={done} onCheckedChange={() => void toggle()} disabled={update.isPending} aria-label={`${done ? 'Reopen' : 'Complete'} ${task.title}`} className="mt-0.5" />
      <div className="grid min-w-0 flex-1 gap-0.5">
        <div className="flex flex-wrap items-center gap-2">
          <span className={done ? 'text-muted-foreground line-through' : 'font-medium'}>{task.title}</span>
          <Badge variant="outline">{TASK_TYPE_LABELS[task.type]}</Badge>
        </div>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-muted-foreground">
          {record && (
            <Link href={record.href} className="text-primary hover:underline">
              {record.name ?? 'Open record'}
            </Link>
          )}
          {task.accountName && task.contactId && <span>{task.accountName}</span>}
          <span title={dueText(task)}>
            due {formatRelative(task.dueAt)} · {dueText(task)}
          </span>
        </div>
        {task.note && <p className="text-sm text-muted-foreground">{task.note}</p>}
      </div>
    </li>
  );
}

export default function MyTasksPage() {
  const [bucket, setBucket] = useState<TaskBucket>('today');
  const tasks = useMyTasks(bucket);
  const counts = tasks.data?.counts;

  return (
    <div className="grid gap-6">
      <HeaderActionBar title="My tasks" description="Call-backs, emails and follow-ups assigned to you, in the time zone each was set in." />
      <Tabs value={bucket} onValueChange={(v) => setBucket(v as TaskBucket)}>
        <TabsList aria-label="Which tasks">
          {BUCKETS.map((b) => (
            <TabsTrigger key={b.value} value={b.value}>
              {b.label}
              {counts && b.value !== 'done' && counts[b.value] > 0 && (
                <Badge variant={b.value === 'overdue' ? 'danger' : 'neutral'} className="ml-1.5">
                  {counts[b.value]}
                </Badge>
              )}
            </TabsTrigger>
          ))}
        </TabsList>
        {BUCKETS.map((b) => (
          <TabsContent key={b.value} value={b.value} className="mt-4">
      <SectionCard title={BUCKETS.find((b) => b.value === bucket)!.label} flush>
        {tasks.isLoading ? (
          <div className="grid gap-3 p-4" aria-busy="true" aria-label="Loading tasks">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        ) : tasks.isError ? (
          <ErrorState compact description={describeError(tasks.error)} onRetry={() => void tasks.refetch()} retrying={tasks.isFetching} />
        ) : tasks.data!.items.length === 0 ? (
          <EmptyState
            compact
            icon={bucket === 'done' ? <CheckCircle2 /> : <CalendarClock />}
            title={bucket === 'overdue' ? 'Nothing overdue' : bucket === 'done' ? 'Nothing completed yet' : 'No tasks here'}
            description="Add a task from a contact's or an account's Activity card."
          />
        ) : (
          <ul aria-label={`${bucket} tasks`}>
            {tasks.data!.items.map((t) => (
              <TaskRow key={t.id} task={t} />
            ))}
          </ul>
        )}
      </SectionCard>
          </TabsContent>
        ))}
      </Tabs>
    </div>
  );
}

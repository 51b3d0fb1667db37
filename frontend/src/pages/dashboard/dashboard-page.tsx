// The home page: the workspace's data at a glance — contacts and accounts, what was added lately,
// who may be reached, recent imports and segments — with a first-run checklist until its steps
// are done. Admins also see how the system is doing.
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'wouter';
import { AtSign, Building2, CheckCircle2, Circle, Contact, FileUp, Filter, Phone, ShieldOff } from 'lucide-react';
import type { healthCheckNames } from '@shared/contracts/health';
import type { Dashboard } from '@shared/contracts/dashboard';
import type { ImportJob } from '@shared/contracts/imports';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { StatCard } from '@/components/ui/stat-card';
import { formatRelative } from '@/features/records/format';
import { describeError } from '@/lib/api';
import { useAuth } from '@/lib/auth';
import { cn } from '@/lib/utils';
import { useHealthDetails } from '@/shell/health-indicator';
import { STATUS_LABELS, STATUS_VARIANTS } from '../imports/format';
import { canSeeWorkspaceData, chartDays, checklistItems, formatTotal, showChecklist, useDashboard } from './dashboard-data';

type HealthCheckName = (typeof healthCheckNames)[number];

const STORE_LABELS: Record<HealthCheckName, string> = {
  db: 'Database',
  dynamo: 'DynamoDB',
  s3: 'File storage',
  email: 'Email',
  workflows: 'Workflows',
};

const DashboardCharts = lazy(() => import('./dashboard-charts'));

function greeting(now: Date): string {
  const hour = now.getHours();
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

const n = (value: number) => value.toLocaleString('en-US');

function GetStarted({ checklist, canInvite }: { checklist: Dashboard['checklist']; canInvite: boolean }) {
  const items = checklistItems(checklist, canInvite);
  const done = items.filter((i) => i.done).length;
  return (
    <SectionCard id="get-started" title="Get started" description={`${done} of ${items.length} done. Each step is ticked once the workspace shows it.`}>
      <ol className="grid gap-3 md:grid-cols-3">
        {items.map((item) => {
          const Icon = item.done ? CheckCircle2 : Circle;
          const label = <span className={cn('font-medium', item.done && 'text-muted-foreground line-through')}>{item.label}</span>;
          return (
            <li key={item.id} className="flex gap-3 rounded-lg border border-border p-3" data-testid={`checklist-${item.id}`} data-done={item.done}>
              <Icon className={cn('mt-0.5 size-5 shrink-0', item.done ? 'text-success-text' : 'text-muted-foreground')} aria-hidden="true" />
              <div className="grid gap-1 text-sm">
                <span className="sr-only">{item.done ? 'Done: ' : 'To do: '}</span>
                {item.href && !item.done ? (
                  <Link href={item.href} className="rounded-sm text-primary underline-offset-4 hover:underline">
                    {label}
                  </Link>
                ) : (
                  label
                )}
                <span className="text-muted-foreground">{item.description}</span>
              </div>
            </li>
          );
        })}
      </ol>
    </SectionCard>
  );
}

interface RecentItem {
  id: string;
  href: string;
  name: string;
  /** When, and what else, after the name. */
  meta: ReactNode;
  badge?: ReactNode;
}

/** A card of the latest few of something, each a link, with a link to all of them. */
function RecentCard({ id, title, description, allHref, allLabel, empty, items }: { id: string; title: string; description?: string; allHref: string; allLabel: string; empty: ReactNode; items: RecentItem[] }) {
  return (
    <SectionCard id={id} title={title} description={description} actions={<Link href={allHref} className="text-sm text-primary hover:underline">{allLabel}</Link>}>
      {items.length === 0 ? (
        empty
      ) : (
        <ul className="grid gap-1">
          {items.map((item) => (
            <li key={item.id}>
              <Link href={item.href} className="flex items-center gap-3 rounded-md px-2 py-1.5 text-sm hover:bg-muted">
                <span className="min-w-0 flex-1 truncate font-medium">{item.name}</span>
                <span className="shrink-0 text-xs text-muted-foreground">{item.meta}</span>
                {item.badge}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

function RecentImports({ imports }: { imports: Dashboard['recentImports'] }) {
  return (
    <RecentCard
      id="recent-imports"
      title="Recent imports"
      allHref="/imports"
      allLabel="All imports"
      empty={<EmptyState compact icon={<FileUp />} title="No imports yet" description="Bring in contacts from a CSV file." />}
      items={imports.map((job) => ({
        id: job.id,
        href: `/imports/${job.id}`,
        name: job.fileName,
        meta: `${job.dryRun ? 'dry run · ' : ''}${formatRelative(job.createdAt)}`,
        badge: <Badge variant={STATUS_VARIANTS[job.status as ImportJob['status']] ?? 'neutral'}>{STATUS_LABELS[job.status as ImportJob['status']] ?? job.status}</Badge>,
      }))}
    />
  );
}

function Segments({ segments }: { segments: Dashboard['segments'] }) {
  return (
    <RecentCard
      id="segments"
      title="Segments"
      description={segments.count ? `${n(segments.count)} saved` : undefined}
      allHref="/segments"
      allLabel="All segments"
      empty={<EmptyState compact icon={<Filter />} title="No segments yet" description="Save a filter over contacts and accounts as a segment." />}
      items={segments.recent.map((segment) => ({ id: segment.id, href: `/segments/${segment.id}`, name: segment.name, meta: `edited ${formatRelative(segment.updatedAt)}` }))}
    />
  );
}

function Workspace({ canInvite }: { canInvite: boolean }) {
  const dashboard = useDashboard(true);
  if (dashboard.isError) {
    return (
      <SectionCard title="Your workspace">
        <ErrorState description={describeError(dashboard.error)} onRetry={() => void dashboard.refetch()} retrying={dashboard.isFetching} compact />
      </SectionCard>
    );
  }
  const d = dashboard.data;
  const total = (t: Dashboard['contacts'] | undefined) => ({ value: t?.count ?? 0, format: t && !t.exact ? (v: number) => `≈ ${n(Math.round(v))}` : undefined });
  const added = (week: Dashboard['contacts'], month: Dashboard['contacts']) => `+${formatTotal(week)} this week · +${formatTotal(month)} in 30 days`;
  return (
    <div className="grid gap-4">
      {d && showChecklist(d.checklist) && <GetStarted checklist={d.checklist} canInvite={canInvite} />}
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5" data-testid="workspace-figures">
        <StatCard highlight label="Contacts" {...total(d?.contacts)} loading={!d} icon={<Contact />} hint={d ? added(d.contactsAddedWeek, d.contactsAddedMonth) : undefined} />
        <StatCard label="Accounts" {...total(d?.accounts)} loading={!d} icon={<Building2 />} hint={d ? added(d.accountsAddedWeek, d.accountsAddedMonth) : undefined} />
        <StatCard label="Reachable by email" {...total(d?.reachableByEmail)} loading={!d} icon={<AtSign />} hint="an address, not suppressed or opted out" />
        <StatCard label="Reachable by phone" {...total(d?.reachableByPhone)} loading={!d} icon={<Phone />} hint="a number not on the do-not-call list, not opted out" />
        <StatCard label="Suppressed" {...total(d?.suppressed)} loading={!d} icon={<ShieldOff />} hint="address, domain or a number suppressed" />
      </div>
      <div className="grid gap-4 xl:grid-cols-3">
        <div className="xl:col-span-2">
          {d ? (
            <Suspense fallback={<Skeleton className="h-80" />}>
              <DashboardCharts days={chartDays(d.days)} estimated={d.days.some((day) => !day.exact)} />
            </Suspense>
          ) : (
            <Skeleton className="h-80" />
          )}
        </div>
        <div className="grid content-start gap-4">
          {d ? (
            <>
              <RecentImports imports={d.recentImports} />
              <Segments segments={d.segments} />
            </>
          ) : (
            <Skeleton className="h-80" />
          )}
        </div>
      </div>
    </div>
  );
}

function SystemHealth() {
  const health = useHealthDetails();
  return (
    <SectionCard id="system" title="System" description={health.data ? `Version ${health.data.version}` : 'Checking the stores…'}>
      {health.isError ? (
        <ErrorState compact description="The API could not be reached." onRetry={() => void health.refetch()} />
      ) : (
        <ul className="grid gap-2">
          {health.data
            ? Object.entries(health.data.checks).map(([name, check]) => (
                <li key={name} className="flex items-center justify-between gap-3 text-sm">
                  <span>{STORE_LABELS[name as HealthCheckName]}</span>
                  <span className="flex items-center gap-2">
                    <span className="font-mono text-xs text-muted-foreground tabular">{Math.round(check.latencyMs)} ms</span>
                    <Badge variant={check.status === 'ok' ? 'success' : 'danger'} dot>
                      {check.status === 'ok' ? 'ok' : 'failing'}
                    </Badge>
                  </span>
                </li>
              ))
            : Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className="h-5" />)}
        </ul>
      )}
    </SectionCard>
  );
}

export default function DashboardPage() {
  const { user, roles, can } = useAuth();
  const isAdmin = can('admin');
  const seesData = canSeeWorkspaceData(roles);
  return (
    <>
      <HeaderActionBar title={`${greeting(new Date())}, ${user?.firstName || user?.username}`} description="Your workspace's data at a glance." />
      <div className="grid gap-4">
        {seesData ? (
          <Workspace canInvite={isAdmin} />
        ) : (
          <p className="text-sm text-muted-foreground">
            More of Pivotal opens to your roles as its modules arrive. Press <kbd className="font-mono">Ctrl K</kbd> to search.
          </p>
        )}
        {isAdmin && (
          <div className="grid gap-4 lg:grid-cols-2">
            <SystemHealth />
          </div>
        )}
      </div>
    </>
  );
}

// The home page. Admins see the team in numbers (people, roles, activity) from the identity
// API; everyone sees where they can go with their roles, and admins how the system is doing.
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'wouter';
import { Activity, ArrowRight, Building2, UserCheck, Users } from 'lucide-react';
import type { healthCheckNames } from '@shared/contracts/health';
import { ROLE_LABELS } from '@shared/roles';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { StatCard } from '@/components/ui/stat-card';
import { describeError } from '@/lib/api';
import { useAuth } from '@/lib/auth';
import { useHealthDetails } from '@/shell/health-indicator';
import { entriesFor } from '@/shell/navigation';
import { ACTIVITY_DAYS, useTeamStats } from './dashboard-data';
import { RecordTotals, canSeeRecordTotals } from './record-totals';

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

function TeamOverview({ extraCards }: { extraCards?: ReactNode }) {
  const stats = useTeamStats(true);
  if (stats.isError) {
    return (
      <SectionCard title="Team">
        <ErrorState description={describeError(stats.error)} onRetry={() => void stats.refetch()} retrying={stats.isFetching} compact />
      </SectionCard>
    );
  }
  const data = stats.data;
  const loading = !data;
  return (
    <div className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <StatCard highlight label="People" value={data?.total ?? 0} loading={loading} icon={<Users />} hint={data && !data.complete ? 'first 5,000 counted' : 'with access to this workspace'} />
        <StatCard label="Active" value={data?.active ?? 0} loading={loading} icon={<UserCheck />} hint={data ? `${data.deactivated} deactivated` : undefined} />
        <StatCard label={`Signed in, last ${ACTIVITY_DAYS} days`} value={data?.signedInRecently ?? 0} loading={loading} icon={<Activity />} hint="latest sign-in in the period" />
        <StatCard label="Client organisations" value={data?.organisations ?? 0} loading={loading} icon={<Building2 />} hint="for the client portal" />
        {extraCards}
      </div>
      {data ? (
        <Suspense fallback={<Skeleton className="h-80" />}>
          <DashboardCharts stats={data} />
        </Suspense>
      ) : (
        <Skeleton className="h-80" />
      )}
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
  const { user, roles, hasAnyRole } = useAuth();
  const isAdmin = hasAnyRole(['admin']);
  const places = entriesFor(roles).filter((entry) => entry.path !== '/');
  return (
    <>
      <HeaderActionBar
        title={`${greeting(new Date())}, ${user?.firstName || user?.username}`}
        description={isAdmin ? 'Your workspace at a glance: the team, their access and how the system is doing.' : 'Your workspace at a glance.'}
      />
      <div className="grid gap-4">
        {isAdmin ? (
          <TeamOverview extraCards={<RecordTotals roles={roles} />} />
        ) : (
          canSeeRecordTotals(roles) && (
            <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
              <RecordTotals roles={roles} />
            </div>
          )
        )}
        <div className="grid gap-4 lg:grid-cols-2">
          <SectionCard id="access" title="Your access" description="Your roles decide which pages you can open.">
            <div className="mb-4 flex flex-wrap gap-1.5">
              {roles.map((role) => (
                <Badge key={role} variant={role === 'admin' ? 'default' : 'neutral'}>
                  {ROLE_LABELS[role]}
                </Badge>
              ))}
            </div>
            {places.length ? (
              <ul className="grid gap-1">
                {places.map((entry) => {
                  const Icon = entry.icon;
                  return (
                    <li key={entry.id}>
                      <Link href={entry.path} className="group flex items-center gap-3 rounded-md px-2 py-2 text-sm hover:bg-muted">
                        <Icon className="icon-pop size-4 text-muted-foreground" aria-hidden="true" />
                        <span className="font-medium">{entry.label}</span>
                        <ArrowRight className="ml-auto size-4 text-muted-foreground" aria-hidden="true" />
                      </Link>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">
                More of Pivotal opens to your roles as its modules arrive. Press <kbd className="font-mono">Ctrl K</kbd> to search.
              </p>
            )}
          </SectionCard>
          {isAdmin && <SystemHealth />}
        </div>
      </div>
    </>
  );
}

// A small status dot for the stack behind the app: green when every store answers, amber when
// one fails, red when the API cannot be reached. Polls /api/health (status only, public) once a
// minute; admins' store-by-store report comes from /api/health/details (useHealthDetails).
import { useQuery } from '@tanstack/react-query';
import { healthResponseSchema, healthStatusSchema, type HealthResponse, type HealthStatus } from '@shared/contracts/health';
import { api } from '@/lib/api';
import { cn } from '@/lib/utils';

type HealthState = { kind: 'checking' } | { kind: 'answered'; health: HealthStatus } | { kind: 'unreachable' };

async function fetchHealth(signal: AbortSignal): Promise<HealthStatus> {
  // 503 still carries the status (a store is down): read the body either way.
  const response = await fetch('/api/health', { signal, headers: { accept: 'application/json' } });
  return healthStatusSchema.parse(await response.json());
}

/** The stack's health, shared by every component that shows it (one request a minute). */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: 60_000,
    retry: 1,
    staleTime: 30_000,
  });
}

/** Each store's answer, latency and the version: an admin's report (the route refuses others). */
export function useHealthDetails() {
  return useQuery({
    queryKey: ['health', 'details'],
    queryFn: async ({ signal }): Promise<HealthResponse> => healthResponseSchema.parse(await api.get('/api/health/details', undefined, signal)),
    refetchInterval: 60_000,
    retry: 1,
    staleTime: 30_000,
  });
}

export function HealthIndicator({ className, compact = false }: { className?: string; compact?: boolean }) {
  const query = useHealth();
  const state: HealthState = query.data
    ? { kind: 'answered', health: query.data }
    : query.isError
      ? { kind: 'unreachable' }
      : { kind: 'checking' };
  const status = state.kind === 'answered' ? state.health.status : state.kind === 'unreachable' ? 'unreachable' : 'checking…';
  const title = state.kind === 'answered' ? (state.health.status === 'ok' ? 'All stores answer' : 'A store is failing') : undefined;
  return (
    <div className={cn('flex min-w-0 items-center gap-2 text-xs text-muted-foreground', className)} title={title}>
      <span
        aria-hidden="true"
        className={cn(
          'size-2 shrink-0 rounded-full',
          status === 'ok' && 'bg-success shadow-[0_0_0_3px] shadow-success/20',
          status === 'degraded' && 'bg-warning shadow-[0_0_0_3px] shadow-warning/20',
          status === 'unreachable' && 'bg-danger',
          status === 'checking…' && 'bg-neutral',
        )}
      />
      <span data-testid="health-status" className={cn('truncate', compact && 'sr-only')}>
        System status: {status}
      </span>
    </div>
  );
}

// A user's audit trail in a side sheet: who changed what, from what to what, and when.
import { ArrowRight, History } from 'lucide-react';
import type { User } from '@shared/contracts/identity';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Sheet, SheetBody, SheetContent, SheetDescription, SheetHeader, SheetTitle } from '@/components/ui/sheet';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { describeAction, fieldChanges } from './audit-format';
import { useUserAudit } from './users-api';

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function UserAuditSheet({ user, onOpenChange }: { user: User | null; onOpenChange: (open: boolean) => void }) {
  const audit = useUserAudit(user?.id ?? null);
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Sheet open={user !== null} onOpenChange={onOpenChange}>
      <SheetContent width="lg">
        <SheetHeader>
          <SheetTitle>Audit trail</SheetTitle>
          <SheetDescription>
            {user ? `Every change to ${user.firstName} ${user.lastName} (${user.username}), newest first.` : ''}
          </SheetDescription>
        </SheetHeader>
        <SheetBody>
          {audit.isLoading ? (
            <div className="grid gap-3" aria-busy="true">
              {Array.from({ length: 4 }, (_, i) => (
                <Skeleton key={i} className="h-20" />
              ))}
            </div>
          ) : audit.isError ? (
            <ErrorState compact description={describeError(audit.error)} onRetry={() => void audit.refetch()} />
          ) : entries.length === 0 ? (
            <EmptyState compact icon={<History />} title="No changes recorded" description="Changes made by admins appear here." />
          ) : (
            <ol className="relative grid gap-4 border-l border-border pl-5" aria-label="Audit entries">
              {entries.map((entry) => {
                const changes = fieldChanges(entry);
                return (
                  <li key={entry.id} className="relative" data-testid="audit-entry">
                    <span className="absolute -left-[25px] top-1.5 size-2.5 rounded-full border-2 border-popover bg-primary" aria-hidden="true" />
                    <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                      <p className="text-sm font-medium">{describeAction(entry.action)}</p>
                      <time dateTime={entry.at} className="font-mono text-xs text-muted-foreground">
                        {when(entry.at)}
                      </time>
                    </div>
                    <p className="text-xs text-muted-foreground">by {entry.actorName ?? 'the system'}</p>
                    {changes.length > 0 && (
                      <dl className="mt-2 grid gap-1 rounded-md border border-border bg-muted/40 p-2.5 text-xs">
                        {changes.map((change) => (
                          <div key={change.field} className="grid grid-cols-[8rem_1fr] items-baseline gap-2">
                            <dt className="text-muted-foreground">{change.label}</dt>
                            <dd className="flex flex-wrap items-center gap-1.5 font-mono">
                              {entry.before !== null && <span className="text-danger-text line-through decoration-1">{change.before}</span>}
                              {entry.before !== null && <ArrowRight className="size-3 text-muted-foreground" aria-label="changed to" />}
                              <span className="text-success-text">{change.after}</span>
                            </dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
          {audit.hasNextPage && (
            <Button variant="outline" size="sm" className="mt-4" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
              Load older entries
            </Button>
          )}
        </SheetBody>
      </SheetContent>
    </Sheet>
  );
}

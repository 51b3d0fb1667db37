// Whole-page states inside the shell: loading a page's code, a page this user may not open, an
// address that is no page.
import { Link } from 'wouter';
import { Compass, ShieldX } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';

export function PageLoading() {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label="Loading page">
      <div className="grid gap-2">
        <Skeleton className="h-7 w-56" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-28" />
        ))}
      </div>
      <Skeleton className="h-72" />
    </div>
  );
}

export function NotAllowed({ page }: { page: string }) {
  return (
    <div data-testid="not-allowed" className="grid min-h-[60vh] place-items-center">
      <EmptyState
        icon={<ShieldX />}
        title="You don't have access to this page"
        description={`${page} is open to other roles. Ask an administrator if you need it.`}
        action={
          <Button asChild variant="outline">
            <Link href="/">Go to the dashboard</Link>
          </Button>
        }
      />
      <h1 className="sr-only">Not allowed</h1>
    </div>
  );
}

export function NotFound() {
  return (
    <div data-testid="not-found" className="grid min-h-[60vh] place-items-center">
      <h1 className="sr-only">Page not found</h1>
      <EmptyState
        icon={<Compass />}
        title="There is no page at this address"
        description="It may have moved, or the link is mistyped."
        action={
          <Button asChild variant="outline">
            <Link href="/">Go to the dashboard</Link>
          </Button>
        }
      />
    </div>
  );
}

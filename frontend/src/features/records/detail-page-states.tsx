// The frame a detail page shows before it has its record: the back button above the title, a
// skeleton of the page while it loads, and the title with what went wrong when the load failed.
// The loaded page puts the same back button in its own header.
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { ArrowLeft } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Skeleton } from '@/components/ui/skeleton';
import { DetailLoadError } from './detail-load-error';

/** "← Call campaigns": back to the index the page belongs to. */
export function DetailBackButton({ href, children }: { href: string; children: ReactNode }) {
  const [, navigate] = useLocation();
  return (
    <Button variant="link" className="h-auto p-0 text-muted-foreground" onClick={() => navigate(href)}>
      <ArrowLeft aria-hidden="true" /> {children}
    </Button>
  );
}

/** The header with a placeholder title, then one skeleton block per class (the shape of the page to come). */
export function DetailPageLoading({ label, back, blocks }: { label: string; back: ReactNode; blocks: string[] }) {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label={label}>
      <HeaderActionBar eyebrow={back} title={<Skeleton className="h-7 w-72" />} />
      {blocks.map((className, i) => (
        <Skeleton key={i} className={className} />
      ))}
    </div>
  );
}

/** The header with the kind of thing as its title, and the error below it. */
export function DetailPageError({ back, title, children }: { back: ReactNode; title: string; children: ReactNode }) {
  return (
    <div className="grid gap-6">
      <HeaderActionBar eyebrow={back} title={title} />
      {children}
    </div>
  );
}

export interface DetailPageFallbackProps {
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
  back: ReactNode;
  /** The loading state's accessible name: "Loading the campaign". */
  loadingLabel: string;
  blocks: string[];
  /** The failed page's title ("Campaign") and the record's noun in the error ("campaign"). */
  title: string;
  noun: string;
}

/** What the page shows until its record is there: the loading frame, or the load error (404 or other). */
export function DetailPageFallback({ query, back, loadingLabel, blocks, title, noun }: DetailPageFallbackProps) {
  if (query.isPending) return <DetailPageLoading label={loadingLabel} back={back} blocks={blocks} />;
  return (
    <DetailPageError back={back} title={title}>
      <DetailLoadError noun={noun} query={query} />
    </DetailPageError>
  );
}

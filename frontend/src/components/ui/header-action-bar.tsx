// HeaderActionBar: the top of a page — title, description, optional breadcrumbs or badges, and
// the page's primary and secondary actions.
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';

export interface HeaderActionBarProps {
  title: ReactNode;
  description?: ReactNode;
  /** Above the title (breadcrumbs, eyebrow). */
  eyebrow?: ReactNode;
  /** Next to the title (status badge, count). */
  meta?: ReactNode;
  actions?: ReactNode;
  className?: string;
}

export function HeaderActionBar({ title, description, eyebrow, meta, actions, className }: HeaderActionBarProps) {
  return (
    <header className={cn('flex flex-wrap items-end justify-between gap-4 pb-6', className)}>
      <div className="min-w-0">
        {eyebrow && <div className="mb-1.5 text-sm text-muted-foreground">{eyebrow}</div>}
        <div className="flex flex-wrap items-center gap-2.5">
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          {meta}
        </div>
        {description && <p className="mt-1.5 max-w-2xl text-sm text-muted-foreground">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </header>
  );
}

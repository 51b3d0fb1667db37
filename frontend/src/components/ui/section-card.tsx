// SectionCard: a titled card for a section of a page, with actions on the right of its header.
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';
import { Card } from './card';

export interface SectionCardProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
  /** Content runs edge to edge (tables, lists). */
  flush?: boolean;
  id?: string;
}

export function SectionCard({ title, description, actions, children, footer, className, flush, id }: SectionCardProps) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <Card className={cn('flex flex-col', className)} id={id} role="region" aria-labelledby={headingId}>
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-border px-5 py-4">
        <div className="min-w-0">
          <h2 id={headingId} className="text-[15px] font-semibold leading-tight tracking-tight">
            {title}
          </h2>
          {description && <p className="mt-1 text-sm text-muted-foreground">{description}</p>}
        </div>
        {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
      </div>
      <div className={cn('flex-1', !flush && 'p-5')}>{children}</div>
      {footer && <div className="border-t border-border px-5 py-3">{footer}</div>}
    </Card>
  );
}

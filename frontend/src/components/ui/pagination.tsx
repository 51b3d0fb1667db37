// Pagination for paged (not infinite) lists: "1–25 of 1,204", previous/next, and the page size.
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { cn } from '@/lib/utils';
import { Button } from './button';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from './select';

export interface PaginationProps {
  /** Zero-based. */
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  pageSizes?: number[];
  onPageSizeChange?: (size: number) => void;
  className?: string;
}

export function Pagination({ page, pageSize, total, onPageChange, pageSizes = [25, 50, 100], onPageSizeChange, className }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : page * pageSize + 1;
  const to = Math.min(total, (page + 1) * pageSize);
  return (
    <nav aria-label="Pagination" className={cn('flex flex-wrap items-center justify-between gap-3 text-sm', className)}>
      <p className="text-muted-foreground" aria-live="polite">
        <span className="font-mono tabular text-foreground">
          {from.toLocaleString('en-US')}–{to.toLocaleString('en-US')}
        </span>{' '}
        of <span className="font-mono tabular text-foreground">{total.toLocaleString('en-US')}</span>
      </p>
      <div className="flex items-center gap-2">
        {onPageSizeChange && (
          <Select value={String(pageSize)} onValueChange={(v) => onPageSizeChange(Number(v))}>
            <SelectTrigger size="sm" className="w-28" aria-label="Rows per page">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {pageSizes.map((size) => (
                <SelectItem key={size} value={String(size)}>
                  {size} / page
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        )}
        <span className="text-muted-foreground">
          Page <span className="font-mono tabular text-foreground">{page + 1}</span> of{' '}
          <span className="font-mono tabular text-foreground">{pages.toLocaleString('en-US')}</span>
        </span>
        <Button variant="outline" size="icon-sm" onClick={() => onPageChange(page - 1)} disabled={page <= 0} aria-label="Previous page">
          <ChevronLeft aria-hidden="true" />
        </Button>
        <Button variant="outline" size="icon-sm" onClick={() => onPageChange(page + 1)} disabled={page >= pages - 1} aria-label="Next page">
          <ChevronRight aria-hidden="true" />
        </Button>
      </div>
    </nav>
  );
}

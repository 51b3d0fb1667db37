// The product's mark and name, used in the sidebar and on the sign-in page.
import { useId } from 'react';
import { cn } from '@/lib/utils';

export function BrandMark({ className }: { className?: string }) {
  // Several marks can share a page: each needs its own gradient id.
  const gradientId = useId();
  return (
    <svg viewBox="0 0 32 32" className={cn('size-8 shrink-0', className)} aria-hidden="true">
      <defs>
        <linearGradient id={gradientId} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#2447d6" />
          <stop offset="1" stopColor="#0f8a80" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill={`url(#${gradientId})`} />
      <path d="M11 23V9h6.2a4.6 4.6 0 0 1 0 9.2H11" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="21.5" cy="22.5" r="2" fill="#5eead4" />
    </svg>
  );
}

export function BrandName({ className }: { className?: string }) {
  return (
    <span className={cn('text-[15px] font-semibold tracking-tight', className)}>
      Pivotal <span className="font-medium text-muted-foreground">CRM</span>
    </span>
  );
}

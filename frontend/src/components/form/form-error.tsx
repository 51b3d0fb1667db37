// The form-level error banner: what a refused submit could not pin on a field.
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';

export function FormError({ children, className }: { children: ReactNode; className?: string }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <p role="alert" className={cn('rounded-lg border border-danger/30 bg-danger-subtle px-3 py-2.5 text-sm text-danger-text', className)}>
      {children}
    </p>
  );
}

// Badge: a small status or category label. Status variants use the subtle surface with its
// AA-contrast text colour in both themes.
import type { HTMLAttributes } from 'react';
import { cva, type VariantProps } from 'class-variance-authority';
import { cn } from '@/lib/utils';

export const badgeVariants = cva(
  'inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium leading-4 [&_svg]:size-3',
  {
    variants: {
      variant: {
        default: 'border-transparent bg-primary-subtle text-primary-subtle-foreground',
        solid: 'border-transparent bg-primary text-primary-foreground',
        accent: 'border-transparent bg-accent-subtle text-accent-subtle-foreground',
        success: 'border-transparent bg-success-subtle text-success-text',
        warning: 'border-transparent bg-warning-subtle text-warning-text',
        danger: 'border-transparent bg-danger-subtle text-danger-text',
        info: 'border-transparent bg-info-subtle text-info-text',
        neutral: 'border-transparent bg-neutral-subtle text-neutral-text',
        outline: 'border-border bg-transparent text-foreground',
      },
    },
    defaultVariants: { variant: 'default' },
  },
);

export type BadgeVariant = NonNullable<VariantProps<typeof badgeVariants>['variant']>;

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement>, VariantProps<typeof badgeVariants> {
  /** A coloured dot before the text (status at a glance). */
  dot?: boolean;
}

export function Badge({ className, variant, dot, children, ...props }: BadgeProps) {
  return (
    <span className={cn(badgeVariants({ variant }), className)} {...props}>
      {dot && <span className="size-1.5 rounded-full bg-current" aria-hidden="true" />}
      {children}
    </span>
  );
}

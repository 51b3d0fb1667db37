// Form label on Radix Label (clicking it focuses its control).
import { forwardRef, type ComponentPropsWithoutRef, type ElementRef } from 'react';
import { Label as RadixLabel } from 'radix-ui';
import { cn } from '@/lib/utils';

export const Label = forwardRef<ElementRef<typeof RadixLabel.Root>, ComponentPropsWithoutRef<typeof RadixLabel.Root>>(
  function Label({ className, ...props }, ref) {
    return (
      <RadixLabel.Root
        ref={ref}
        className={cn('text-sm font-medium leading-none text-foreground peer-disabled:cursor-not-allowed peer-disabled:opacity-60', className)}
        {...props}
      />
    );
  },
);

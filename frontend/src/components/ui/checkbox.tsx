// Checkbox on Radix, with the indeterminate state the table's "select page" needs.
import { forwardRef, type ComponentPropsWithoutRef, type ElementRef } from 'react';
import { Checkbox as RadixCheckbox } from 'radix-ui';
import { Check, Minus } from 'lucide-react';
import { cn } from '@/lib/utils';

export const Checkbox = forwardRef<ElementRef<typeof RadixCheckbox.Root>, ComponentPropsWithoutRef<typeof RadixCheckbox.Root>>(
  function Checkbox({ className, ...props }, ref) {
    return (
      <RadixCheckbox.Root
        ref={ref}
        className={cn(
          'peer grid size-4 shrink-0 place-items-center rounded-[4px] border border-input bg-card shadow-xs transition-colors disabled:cursor-not-allowed disabled:opacity-50 data-[state=checked]:border-primary data-[state=checked]:bg-primary data-[state=checked]:text-primary-foreground data-[state=indeterminate]:border-primary data-[state=indeterminate]:bg-primary data-[state=indeterminate]:text-primary-foreground aria-invalid:border-danger',
          className,
        )}
        {...props}
      >
        <RadixCheckbox.Indicator className="grid place-items-center">
          {props.checked === 'indeterminate' ? (
            <Minus className="size-3" strokeWidth={3} aria-hidden="true" />
          ) : (
            <Check className="size-3" strokeWidth={3} aria-hidden="true" />
          )}
        </RadixCheckbox.Indicator>
      </RadixCheckbox.Root>
    );
  },
);

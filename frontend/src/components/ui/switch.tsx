// On/off switch on Radix (role="switch").
import { forwardRef, type ComponentPropsWithoutRef, type ElementRef, type ReactNode } from 'react';
import { Switch as RadixSwitch } from 'radix-ui';
import { cn } from '@/lib/utils';

export const Switch = forwardRef<ElementRef<typeof RadixSwitch.Root>, ComponentPropsWithoutRef<typeof RadixSwitch.Root>>(
  function Switch({ className, ...props }, ref) {
    return (
      <RadixSwitch.Root
        ref={ref}
        className={cn(
          'peer inline-flex h-5 w-9 shrink-0 cursor-pointer items-center rounded-full border-2 border-transparent transition-colors disabled:cursor-not-allowed disabled:opacity-50 data-[state=checked]:bg-primary data-[state=unchecked]:bg-input',
          className,
        )}
        {...props}
      >
        <RadixSwitch.Thumb className="pointer-events-none block size-4 rounded-full bg-white shadow-sm ring-0 transition-transform data-[state=checked]:translate-x-4 data-[state=unchecked]:translate-x-0 dark:data-[state=checked]:bg-primary-foreground" />
      </RadixSwitch.Root>
    );
  },
);

/** A switch with its label beside it; the label may carry a muted note after the words. */
export function LabelledSwitch({ id, label, ...props }: ComponentPropsWithoutRef<typeof RadixSwitch.Root> & { id: string; label: ReactNode }) {
  return (
    <div className="flex items-center gap-2">
      <Switch id={id} {...props} />
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
    </div>
  );
}

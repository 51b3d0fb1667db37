// Popover on Radix: a floating panel anchored to a trigger (filter editors, combobox lists).
// Its content is a dialog to assistive tech, so give each one an aria-label.
import { forwardRef, type ComponentPropsWithoutRef, type ElementRef } from 'react';
import { Popover as RadixPopover } from 'radix-ui';
import { cn } from '@/lib/utils';

export const Popover = RadixPopover.Root;
export const PopoverTrigger = RadixPopover.Trigger;
export const PopoverAnchor = RadixPopover.Anchor;
export const PopoverClose = RadixPopover.Close;

export const PopoverContent = forwardRef<
  ElementRef<typeof RadixPopover.Content>,
  ComponentPropsWithoutRef<typeof RadixPopover.Content>
>(function PopoverContent({ className, align = 'start', sideOffset = 6, ...props }, ref) {
  return (
    <RadixPopover.Portal>
      <RadixPopover.Content
        ref={ref}
        align={align}
        sideOffset={sideOffset}
        className={cn(
          'z-50 max-h-(--radix-popover-content-available-height) w-72 overflow-y-auto rounded-lg border border-border bg-popover p-3 text-popover-foreground shadow-lg outline-none data-[state=open]:animate-scale-in',
          className,
        )}
        {...props}
      />
    </RadixPopover.Portal>
  );
});

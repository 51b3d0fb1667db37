// Sheet: a dialog that slides in from the side, for details and audit trails beside a list.
import { forwardRef, type ComponentPropsWithoutRef, type ElementRef, type HTMLAttributes } from 'react';
import { Dialog as RadixDialog } from 'radix-ui';
import { X } from 'lucide-react';
import { cn } from '@/lib/utils';
import { DialogOverlay } from './dialog';
import { useReturnFocus } from './use-return-focus';

export const Sheet = RadixDialog.Root;
export const SheetTrigger = RadixDialog.Trigger;
export const SheetClose = RadixDialog.Close;

export const SheetContent = forwardRef<
  ElementRef<typeof RadixDialog.Content>,
  ComponentPropsWithoutRef<typeof RadixDialog.Content> & { width?: 'md' | 'lg' }
>(function SheetContent({ className, children, width = 'md', onOpenAutoFocus, onCloseAutoFocus, ...props }, ref) {
  const returnFocus = useReturnFocus({ onOpenAutoFocus, onCloseAutoFocus });
  return (
    <RadixDialog.Portal>
      <DialogOverlay />
      <RadixDialog.Content
        ref={ref}
        className={cn(
          'fixed inset-y-0 right-0 z-50 flex h-full w-full flex-col border-l border-border bg-popover text-popover-foreground shadow-lg data-[state=open]:animate-slide-in-right',
          width === 'md' ? 'sm:max-w-md' : 'sm:max-w-2xl',
          className,
        )}
        {...props}
        {...returnFocus}
      >
        {children}
        <RadixDialog.Close
          className="absolute right-3 top-3 rounded-md p-1.5 text-muted-foreground transition-colors hover:bg-muted hover:text-foreground"
          aria-label="Close"
        >
          <X className="size-4" aria-hidden="true" />
        </RadixDialog.Close>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
});

export function SheetHeader({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('flex flex-col gap-1 border-b border-border px-6 py-4 pr-12', className)} {...props} />;
}

export function SheetBody({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('flex-1 overflow-y-auto px-6 py-4', className)} {...props} />;
}

export function SheetFooter({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('flex justify-end gap-2 border-t border-border px-6 py-3', className)} {...props} />;
}

export const SheetTitle = forwardRef<ElementRef<typeof RadixDialog.Title>, ComponentPropsWithoutRef<typeof RadixDialog.Title>>(
  function SheetTitle({ className, ...props }, ref) {
    return <RadixDialog.Title ref={ref} className={cn('text-lg font-semibold tracking-tight', className)} {...props} />;
  },
);

/** A sheet is a dialog from the edge: its description reads the same. */
export { DialogDescription as SheetDescription } from './dialog';

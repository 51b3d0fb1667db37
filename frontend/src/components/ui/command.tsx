// cmdk styled for the kit: the list-with-filter used by the command palette and the combobox.
import { forwardRef, useImperativeHandle, useLayoutEffect, useRef, type ComponentPropsWithoutRef, type ElementRef } from 'react';
import { Command as Cmdk } from 'cmdk';
import { Search } from 'lucide-react';
import { cn } from '@/lib/utils';

const ACTIVE_DESCENDANT = 'aria-activedescendant';

/**
 * Points the input's and the list's aria-activedescendant at the option cmdk marks selected, or
 * drops it when none is. cmdk 1.1.1 computes that id before the list re-renders whenever it
 * re-selects on its own (after filtering, or when items come and go), so it names the previously
 * selected option, often one that is no longer in the DOM (dip/cmdk#413).
 */
function syncActiveDescendant(root: HTMLElement): void {
  const id = root.querySelector('[cmdk-item][aria-selected="true"]')?.id || null;
  for (const owner of root.querySelectorAll('[cmdk-input], [cmdk-list]')) {
    if (owner.getAttribute(ACTIVE_DESCENDANT) === id) continue;
    if (id) owner.setAttribute(ACTIVE_DESCENDANT, id);
    else owner.removeAttribute(ACTIVE_DESCENDANT);
  }
}

export const Command = forwardRef<ElementRef<typeof Cmdk>, ComponentPropsWithoutRef<typeof Cmdk>>(function Command(
  { className, ...props },
  ref,
) {
  const rootRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => rootRef.current as HTMLDivElement);

  // Re-checked after every change to the options or the selection (cmdk's own writes included);
  // the observer's own writes settle at once, as the second pass finds nothing to change.
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    syncActiveDescendant(root);
    const observer = new MutationObserver(() => syncActiveDescendant(root));
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-selected', ACTIVE_DESCENDANT] });
    return () => observer.disconnect();
  }, []);

  return <Cmdk ref={rootRef} className={cn('flex h-full w-full flex-col overflow-hidden bg-popover text-popover-foreground', className)} {...props} />;
});

export const CommandInput = forwardRef<ElementRef<typeof Cmdk.Input>, ComponentPropsWithoutRef<typeof Cmdk.Input>>(
  function CommandInput({ className, ...props }, ref) {
    return (
      <div className="flex items-center gap-2 border-b border-border px-3" cmdk-input-wrapper="">
        <Search className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
        <Cmdk.Input
          ref={ref}
          className={cn('flex h-11 w-full bg-transparent py-3 text-sm outline-none placeholder:text-muted-foreground disabled:opacity-50', className)}
          {...props}
        />
      </div>
    );
  },
);

export const CommandList = forwardRef<ElementRef<typeof Cmdk.List>, ComponentPropsWithoutRef<typeof Cmdk.List>>(
  function CommandList({ className, ...props }, ref) {
    return <Cmdk.List ref={ref} className={cn('max-h-80 overflow-y-auto overflow-x-hidden p-1', className)} {...props} />;
  },
);

export const CommandEmpty = forwardRef<ElementRef<typeof Cmdk.Empty>, ComponentPropsWithoutRef<typeof Cmdk.Empty>>(
  function CommandEmpty({ className, ...props }, ref) {
    return <Cmdk.Empty ref={ref} className={cn('py-8 text-center text-sm text-muted-foreground', className)} {...props} />;
  },
);

export const CommandGroup = forwardRef<ElementRef<typeof Cmdk.Group>, ComponentPropsWithoutRef<typeof Cmdk.Group>>(
  function CommandGroup({ className, ...props }, ref) {
    return (
      <Cmdk.Group
        ref={ref}
        className={cn(
          'overflow-hidden p-1 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-muted-foreground',
          className,
        )}
        {...props}
      />
    );
  },
);

export const CommandItem = forwardRef<ElementRef<typeof Cmdk.Item>, ComponentPropsWithoutRef<typeof Cmdk.Item>>(
  function CommandItem({ className, ...props }, ref) {
    return (
      <Cmdk.Item
        ref={ref}
        className={cn(
          'relative flex cursor-default select-none items-center gap-2.5 rounded-md px-2 py-2 text-sm outline-none data-[disabled=true]:pointer-events-none data-[selected=true]:bg-primary-subtle data-[selected=true]:text-primary-subtle-foreground data-[disabled=true]:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0',
          className,
        )}
        {...props}
      />
    );
  },
);

export const CommandSeparator = forwardRef<ElementRef<typeof Cmdk.Separator>, ComponentPropsWithoutRef<typeof Cmdk.Separator>>(
  function CommandSeparator({ className, ...props }, ref) {
    return <Cmdk.Separator ref={ref} className={cn('-mx-1 h-px bg-border', className)} {...props} />;
  },
);

export const CommandLoading = Cmdk.Loading;

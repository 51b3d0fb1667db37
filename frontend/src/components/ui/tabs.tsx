// Tabs on Radix: arrow keys move between tabs; the list is an underline style by default or
// `pill` for compact segmented controls.
import { createContext, forwardRef, useContext, type ComponentPropsWithoutRef, type ElementRef } from 'react';
import { Tabs as RadixTabs } from 'radix-ui';
import { cn } from '@/lib/utils';

type TabsVariant = 'underline' | 'pill';
const VariantContext = createContext<TabsVariant>('underline');

export const Tabs = RadixTabs.Root;

export const TabsList = forwardRef<
  ElementRef<typeof RadixTabs.List>,
  ComponentPropsWithoutRef<typeof RadixTabs.List> & { variant?: TabsVariant }
>(function TabsList({ className, variant = 'underline', ...props }, ref) {
  return (
    <VariantContext.Provider value={variant}>
      <RadixTabs.List
        ref={ref}
        className={cn(
          'inline-flex items-center text-muted-foreground',
          variant === 'underline' ? 'w-full gap-4 border-b border-border' : 'h-9 gap-1 rounded-lg bg-muted p-1',
          className,
        )}
        {...props}
      />
    </VariantContext.Provider>
  );
});

export const TabsTrigger = forwardRef<ElementRef<typeof RadixTabs.Trigger>, ComponentPropsWithoutRef<typeof RadixTabs.Trigger>>(
  function TabsTrigger({ className, ...props }, ref) {
    const variant = useContext(VariantContext);
    return (
      <RadixTabs.Trigger
        ref={ref}
        className={cn(
          'inline-flex items-center justify-center gap-1.5 whitespace-nowrap text-sm font-medium transition-colors hover:text-foreground disabled:pointer-events-none disabled:opacity-50 [&_svg]:size-4',
          variant === 'underline'
            ? '-mb-px border-b-2 border-transparent px-1 pb-2.5 pt-1 data-[state=active]:border-primary data-[state=active]:text-foreground'
            : 'h-7 rounded-md px-3 data-[state=active]:bg-card data-[state=active]:text-foreground data-[state=active]:shadow-sm',
          className,
        )}
        {...props}
      />
    );
  },
);

export const TabsContent = forwardRef<ElementRef<typeof RadixTabs.Content>, ComponentPropsWithoutRef<typeof RadixTabs.Content>>(
  function TabsContent({ className, ...props }, ref) {
    return <RadixTabs.Content ref={ref} className={cn('pt-4', className)} {...props} />;
  },
);

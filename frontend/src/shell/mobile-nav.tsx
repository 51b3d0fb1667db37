// Below the md breakpoint the sidebar is hidden: a menu button in the top bar opens the same
// page list in a sheet.
import { useState } from 'react';
import { Menu } from 'lucide-react';
import { IconButton } from '@/components/ui/icon-button';
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from '@/components/ui/sheet';
import { BrandMark } from './brand-mark';
import { HealthIndicator } from './health-indicator';
import { SidebarNav } from './sidebar';

export function MobileNav() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <IconButton className="md:hidden" label="Open navigation" icon={<Menu />} onClick={() => setOpen(true)} />
      <Sheet open={open} onOpenChange={setOpen}>
        <SheetContent className="flex flex-col bg-sidebar">
          <SheetHeader className="flex-row items-center gap-2.5">
            <BrandMark className="size-7" />
            <SheetTitle className="text-base">Pivotal CRM</SheetTitle>
            <SheetDescription className="sr-only">Pages you can open</SheetDescription>
          </SheetHeader>
          <SidebarNav onNavigate={() => setOpen(false)} />
          <div className="border-t border-sidebar-border px-6 py-3">
            <HealthIndicator />
          </div>
        </SheetContent>
      </Sheet>
    </>
  );
}

// The top bar: breadcrumbs, the global search (opens the command palette), theme and user menu.
import { Search } from 'lucide-react';
import { Kbd } from '@/components/ui/kbd';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { formatShortcut, isMacPlatform } from '@/lib/hotkeys';
import { Breadcrumbs } from './breadcrumbs';
import { MobileNav } from './mobile-nav';
import { UserMenu } from './user-menu';

export function TopBar({ onOpenPalette, onShowShortcuts }: { onOpenPalette: () => void; onShowShortcuts: () => void }) {
  return (
    <header className="sticky top-0 z-30 flex h-14 shrink-0 items-center gap-4 border-b border-border bg-background/85 px-4 backdrop-blur supports-[backdrop-filter]:bg-background/70 md:px-6">
      <MobileNav />
      <Breadcrumbs />
      <div className="ml-auto flex items-center gap-2">
        <button
          type="button"
          onClick={onOpenPalette}
          className="flex h-9 w-9 items-center justify-center gap-2 rounded-md border border-input bg-card px-2.5 text-sm sm:w-56 sm:justify-start sm:px-3 text-muted-foreground shadow-xs transition-colors hover:border-primary/50 lg:w-72"
          aria-keyshortcuts="Control+K Meta+K"
        >
          {/* Named by what it shows (and, on a phone where only the icon shows, by hidden text). */}
          <Search className="size-4 shrink-0" aria-hidden="true" />
          <span className="sr-only sm:hidden">Search or jump to…</span>
          <span className="hidden truncate sm:inline">Search or jump to…</span>
          <Kbd className="ml-auto hidden sm:inline-flex">{formatShortcut('mod+k', isMacPlatform())}</Kbd>
        </button>
        <ThemeToggle />
        <UserMenu onShowShortcuts={onShowShortcuts} />
      </div>
    </header>
  );
}

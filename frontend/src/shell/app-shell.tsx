// The signed-in frame: sidebar, top bar and the page, with the command palette, the shortcuts
// dialog and the global go-to shortcuts bound while it is shown.
import { useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useSidebarCollapsed } from './use-sidebar-collapsed';
import { Sidebar } from './sidebar';
import { TopBar } from './top-bar';
import { CommandMenu } from './command-menu';
import { entryAt } from './navigation';

export function AppShell({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const [collapsed, toggleCollapsed] = useSidebarCollapsed();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const pageLabel = entryAt(location)?.label ?? 'Not found';

  // The tab (and a screen reader arriving on the page) names the page.
  useEffect(() => {
    document.title = `${pageLabel} · Pivotal CRM`;
  }, [pageLabel]);

  return (
    <div data-testid="app-shell" className="flex h-dvh overflow-hidden bg-background">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-[60] focus:rounded-md focus:bg-primary focus:px-3 focus:py-2 focus:text-sm focus:text-primary-foreground"
      >
        Skip to content
      </a>
      <Sidebar collapsed={collapsed} onToggle={toggleCollapsed} />
      <div className="flex min-w-0 flex-1 flex-col">
        <TopBar onOpenPalette={() => setPaletteOpen(true)} onShowShortcuts={() => setShortcutsOpen(true)} />
        <main id="main" tabIndex={-1} className="flex-1 overflow-y-auto focus:outline-none">
          {/* Keyed by page so each page fades in as it arrives (no motion under reduced motion);
              moving within a nested page (list → record) keeps it mounted. */}
          <div key={entryAt(location)?.id ?? location} className="fade-in mx-auto w-full max-w-[1400px] px-4 py-6 md:px-8 md:py-8">
            {children}
          </div>
        </main>
      </div>
      <CommandMenu
        open={paletteOpen}
        onOpenChange={setPaletteOpen}
        shortcutsOpen={shortcutsOpen}
        onShortcutsOpenChange={setShortcutsOpen}
        onToggleSidebar={toggleCollapsed}
      />
    </div>
  );
}

// The sidebar: the pages this user's roles may open, grouped by section, with the active page
// marked; collapsible to icons (remembered), with the system status at the foot.
import { Link, useLocation } from 'wouter';
import { PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import { IconButton } from '@/components/ui/icon-button';
import { SimpleTooltip } from '@/components/ui/tooltip';
import { useAuth } from '@/lib/auth';
import { cn } from '@/lib/utils';
import { BrandMark, BrandName } from './brand-mark';
import { HealthIndicator } from './health-indicator';
import { NAV_SECTION_LABELS, entriesFor, type NavEntry, type NavSection } from './navigation';

function isActive(entry: NavEntry, location: string): boolean {
  return entry.path === '/' ? location === '/' : location === entry.path || location.startsWith(`${entry.path}/`);
}

function NavItem({ entry, active, collapsed }: { entry: NavEntry; active: boolean; collapsed: boolean }) {
  const Icon = entry.icon;
  const link = (
    <Link
      href={entry.path}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'group relative flex h-9 items-center gap-3 rounded-md px-2.5 text-sm font-medium transition-colors',
        active
          ? 'bg-sidebar-active text-sidebar-active-foreground'
          : 'text-sidebar-foreground/85 hover:bg-muted hover:text-sidebar-foreground',
        collapsed && 'justify-center px-0',
      )}
    >
      {active && <span aria-hidden="true" className="absolute inset-y-1.5 left-0 w-0.5 rounded-full bg-primary" />}
      <Icon className="icon-pop size-[18px] shrink-0" aria-hidden="true" />
      {/* Collapsed, the label is there for screen readers only: the link is named by it and its badge, as when expanded. */}
      <span className={collapsed ? 'sr-only' : 'truncate'}>{entry.label}</span>
      {entry.useBadge && <NavBadge use={entry.useBadge} collapsed={collapsed} />}
    </Link>
  );
  return <li>{collapsed ? <SimpleTooltip content={entry.label} side="right">{link}</SimpleTooltip> : link}</li>;
}

function NavBadge({ use, collapsed }: { use: NonNullable<NavEntry['useBadge']>; collapsed: boolean }) {
  const badge = use();
  if (!badge || badge.count === 0) return null;
  return (
    <span
      className={cn(
        'ml-auto rounded-full px-1.5 text-[11px] font-semibold leading-5 tabular-nums',
        badge.urgent ? 'bg-danger text-danger-foreground' : 'bg-primary-subtle text-primary-subtle-foreground',
        collapsed && 'absolute -right-0.5 -top-0.5 ml-0 px-1 text-[10px] leading-4',
      )}
    >
      {badge.count}
      <span className="sr-only">{badge.urgent ? ' overdue' : ' due today'}</span>
    </span>
  );
}

/** The role-filtered page list; the sidebar shows it, and the mobile menu shows it in a sheet. */
export function SidebarNav({ collapsed = false, onNavigate }: { collapsed?: boolean; onNavigate?: () => void }) {
  const { roles } = useAuth();
  const [location] = useLocation();
  const entries = entriesFor(roles);
  const sections = (Object.keys(NAV_SECTION_LABELS) as NavSection[])
    .map((section) => ({ section, entries: entries.filter((entry) => entry.section === section) }))
    .filter((group) => group.entries.length > 0);

  return (
    <nav
      aria-label="Main"
      className="flex-1 overflow-y-auto px-3 py-4"
      // A link chosen in the mobile sheet closes the sheet.
      onClick={(event) => (event.target as HTMLElement).closest('a') && onNavigate?.()}
    >
      {sections.map(({ section, entries: sectionEntries }) => (
        <div key={section} className="mb-5 last:mb-0">
          {collapsed ? (
            <div className="mx-2 mb-2 h-px bg-sidebar-border first:hidden" aria-hidden="true" />
          ) : (
            <h2 className="mb-1.5 px-2.5 text-[11px] font-semibold uppercase tracking-wider text-muted-foreground">
              {NAV_SECTION_LABELS[section]}
            </h2>
          )}
          <ul className="grid gap-0.5" aria-label={collapsed ? NAV_SECTION_LABELS[section] : undefined}>
            {sectionEntries.map((entry) => (
              <NavItem key={entry.id} entry={entry} active={isActive(entry, location)} collapsed={collapsed} />
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

export function Sidebar({ collapsed, onToggle }: { collapsed: boolean; onToggle: () => void }) {
  return (
    <aside
      className={cn(
        'hidden shrink-0 flex-col border-r border-sidebar-border bg-sidebar transition-[width] duration-200 md:flex',
        collapsed ? 'w-16' : 'w-60',
      )}
      data-collapsed={collapsed}
    >
      <div className={cn('flex h-14 items-center gap-2.5 border-b border-sidebar-border', collapsed ? 'justify-center px-2' : 'px-4')}>
        <Link href="/" className="flex items-center gap-2.5 rounded-md" aria-label="Pivotal CRM home">
          <BrandMark className="size-7" />
          {!collapsed && <BrandName />}
        </Link>
      </div>
      <SidebarNav collapsed={collapsed} />
      <div className={cn('flex items-center gap-2 border-t border-sidebar-border py-3', collapsed ? 'flex-col px-2' : 'justify-between px-4')}>
        <HealthIndicator compact={collapsed} />
        <IconButton
          label={collapsed ? 'Expand sidebar' : 'Collapse sidebar'}
          icon={collapsed ? <PanelLeftOpen /> : <PanelLeftClose />}
          size="icon-sm"
          tooltipSide="right"
          onClick={onToggle}
          aria-expanded={!collapsed}
        />
      </div>
    </aside>
  );
}

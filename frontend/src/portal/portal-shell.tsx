// The portal's frame: the organisation's name beside the mark, the portal's navigation (Users for
// client admins only), the theme toggle and the user menu; "g" then a letter jumps to a section.
import { type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { Moon, Sun } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { DropdownMenuItem } from '@/components/ui/dropdown-menu';
import { Skeleton } from '@/components/ui/skeleton';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { useHotkeys } from '@/lib/hotkeys';
import { useTheme } from '@/lib/theme';
import { cn } from '@/lib/utils';
import { BrandMark } from '@/shell/brand-mark';
import { AccountMenu } from '@/shell/user-menu';
import { useMe } from './portal-api';

export interface PortalSection {
  id: string;
  label: string;
  href: string;
  /** "g <key>" jumps here. */
  key: string;
  adminOnly?: boolean;
}

export const PORTAL_SECTIONS: readonly PortalSection[] = [
  { id: 'orders', label: 'Orders', href: '/portal', key: 'o' },
  { id: 'leads', label: 'Leads', href: '/portal/leads', key: 'l' },
  { id: 'returns', label: 'Returns', href: '/portal/returns', key: 'r' },
  { id: 'reports', label: 'Reports', href: '/portal/reports', key: 'p' },
  { id: 'users', label: 'Users', href: '/portal/users', key: 'u', adminOnly: true },
];

/** The section an address belongs to (orders own `/portal` and `/portal/orders/*`). */
export function sectionAt(location: string): PortalSection | undefined {
  if (location === '/portal' || location.startsWith('/portal/orders')) return PORTAL_SECTIONS[0];
  return PORTAL_SECTIONS.find((s) => s.href !== '/portal' && (location === s.href || location.startsWith(`${s.href}/`)));
}

/** The portal's user menu: the organisation (and whether one is its admin), and the theme. */
function PortalUserMenu() {
  const { theme, toggle } = useTheme();
  const me = useMe();
  return (
    <AccountMenu
      align="end"
      badges={
        me.data && (
          <>
            <Badge variant="neutral">{me.data.orgName}</Badge>
            {me.data.clientAdmin && <Badge>Client admin</Badge>}
          </>
        )
      }
      items={
        <DropdownMenuItem onSelect={toggle}>
          {theme === 'dark' ? <Sun aria-hidden="true" /> : <Moon aria-hidden="true" />}
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </DropdownMenuItem>
      }
    />
  );
}

export function PortalShell({ children }: { children: ReactNode }) {
  const [location, navigate] = useLocation();
  const me = useMe();
  const sections = PORTAL_SECTIONS.filter((s) => !s.adminOnly || me.data?.clientAdmin);
  /** The organisation's name as the header shows it (null while it loads). */
  const orgShown = me.data ? me.data.orgName : me.isError ? 'Client portal' : null;
  const current = sectionAt(location);
  useHotkeys(sections.map((s) => ({ combo: `g ${s.key}`, handler: () => navigate(s.href) })));

  return (
    <div data-testid="portal-shell" className="flex min-h-dvh flex-col bg-background text-foreground">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-[60] focus:rounded-md focus:bg-primary focus:px-3 focus:py-2 focus:text-sm focus:text-primary-foreground"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-border bg-background/85 backdrop-blur supports-[backdrop-filter]:bg-background/70">
        <div className="mx-auto flex h-14 w-full max-w-[1400px] items-center gap-4 px-4 md:px-8">
          <Link href="/portal" className="flex min-w-0 items-center gap-2.5 rounded-md" aria-label={`${orgShown ?? ''} Client portal: orders (home)`.trim()}>
            <BrandMark className="size-7" />
            <span className="grid min-w-0 leading-tight">
              <span className="truncate text-sm font-semibold" data-testid="portal-org-name">
                {orgShown ?? <Skeleton className="h-4 w-32" />}
              </span>{' '}
              {/* The space keeps the two lines apart as words in the link's text, which its name holds. */}
              <span className="text-[11px] text-muted-foreground">Client portal</span>
            </span>
          </Link>
          <nav aria-label="Portal" className="ml-4 hidden items-center gap-1 md:flex">
            {sections.map((s) => (
              <Link
                key={s.id}
                href={s.href}
                aria-current={current?.id === s.id ? 'page' : undefined}
                className={cn(
                  'rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors hover:bg-muted hover:text-foreground',
                  current?.id === s.id && 'bg-muted text-foreground',
                )}
              >
                {s.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <ThemeToggle />
            <PortalUserMenu />
          </div>
        </div>
        <nav aria-label="Portal sections" className="flex gap-1 overflow-x-auto border-t border-border px-4 py-1.5 md:hidden">
          {sections.map((s) => (
            <Link
              key={s.id}
              href={s.href}
              aria-current={current?.id === s.id ? 'page' : undefined}
              className={cn('rounded-md px-2.5 py-1 text-sm text-muted-foreground', current?.id === s.id && 'bg-muted text-foreground')}
            >
              {s.label}
            </Link>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        <div className="fade-in mx-auto w-full max-w-[1400px] px-4 py-6 md:px-8">{children}</div>
      </main>
    </div>
  );
}

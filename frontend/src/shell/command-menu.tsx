// Wires the kit's command palette and shortcuts dialog to the app: go to any page the user may
// open, app actions (theme, sidebar, sign out, create a user for admins), record search, and the
// `g <key>` go-to shortcuts from the navigation registry.
import { useCallback, useMemo } from 'react';
import { useLocation } from 'wouter';
import { Building2, Keyboard, LogOut, PanelLeft, SunMoon, UserPlus, UserRound } from 'lucide-react';
import { CommandPalette, type PaletteCommand, type PaletteGroup } from '@/components/ui/command-palette';
import { ShortcutsDialog, type ShortcutGroup } from '@/components/ui/shortcuts-dialog';
import { useAuth } from '@/lib/auth';
import { useHotkeys } from '@/lib/hotkeys';
import { toggleTheme } from '@/lib/theme';
import { entriesFor } from './navigation';
import { canOpenRecords, searchRecords } from './record-search';

export interface CommandMenuProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  shortcutsOpen: boolean;
  onShortcutsOpenChange: (open: boolean) => void;
  onToggleSidebar: () => void;
}

export function CommandMenu({ open, onOpenChange, shortcutsOpen, onShortcutsOpenChange, onToggleSidebar }: CommandMenuProps) {
  const [, navigate] = useLocation();
  const { roles, can, signOut } = useAuth();
  const entries = useMemo(() => entriesFor(roles), [roles]);

  useHotkeys(
    entries
      .filter((entry) => entry.goKey)
      .map((entry) => ({ combo: `g ${entry.goKey}`, handler: () => navigate(entry.path) })),
  );

  const groups = useMemo<PaletteGroup[]>(() => {
    const pages: PaletteCommand[] = entries.map((entry) => {
      const Icon = entry.icon;
      return {
        id: `go-${entry.id}`,
        label: entry.label,
        icon: <Icon />,
        keywords: entry.keywords,
        shortcut: entry.goKey ? `g ${entry.goKey}` : undefined,
        onSelect: () => navigate(entry.path),
      };
    });
    const actions: PaletteCommand[] = [
      ...(can('admin')
        ? [{ id: 'create-user', label: 'Create user', icon: <UserPlus />, keywords: ['new', 'invite', 'add'], onSelect: () => navigate('/settings/users?new=1') }]
        : []),
      { id: 'toggle-theme', label: 'Toggle light / dark theme', icon: <SunMoon />, keywords: ['dark', 'light', 'mode'], onSelect: toggleTheme },
      { id: 'toggle-sidebar', label: 'Collapse or expand the sidebar', icon: <PanelLeft />, keywords: ['menu'], onSelect: onToggleSidebar },
      { id: 'shortcuts', label: 'Keyboard shortcuts', icon: <Keyboard />, shortcut: '?', onSelect: () => onShortcutsOpenChange(true) },
      { id: 'sign-out', label: 'Sign out', icon: <LogOut />, keywords: ['log out', 'logout'], onSelect: () => void signOut() },
    ];
    return [
      { heading: 'Go to', commands: pages },
      { heading: 'Actions', commands: actions },
    ];
  }, [entries, can, navigate, onShortcutsOpenChange, onToggleSidebar, signOut]);

  const search = useCallback(
    async (q: string, signal: AbortSignal): Promise<PaletteGroup[]> => {
      const hits = await searchRecords(q, roles, signal);
      const toCommand = (hit: (typeof hits)[number]): PaletteCommand => ({
        id: `${hit.kind}-${hit.id}`,
        label: hit.label,
        detail: hit.detail,
        icon: hit.kind === 'account' ? <Building2 /> : <UserRound />,
        onSelect: () => navigate(hit.path),
      });
      return [
        { heading: 'Accounts', commands: hits.filter((h) => h.kind === 'account').map(toCommand) },
        { heading: 'Contacts', commands: hits.filter((h) => h.kind === 'contact').map(toCommand) },
      ].filter((group) => group.commands.length > 0);
    },
    [navigate, roles],
  );

  const shortcutGroups = useMemo<ShortcutGroup[]>(
    () => [
      {
        heading: 'Anywhere',
        shortcuts: [
          { combo: 'mod+k', label: 'Search and commands' },
          { combo: '?', label: 'This list of shortcuts' },
        ],
      },
      {
        heading: 'Go to',
        shortcuts: entries.filter((e) => e.goKey).map((e) => ({ combo: `g ${e.goKey}`, label: e.label })),
      },
      {
        heading: 'Tables',
        shortcuts: [
          { combo: 'j', label: 'Next row' },
          { combo: 'k', label: 'Previous row' },
          { combo: 'x', label: 'Select the row' },
          { combo: 'enter', label: 'Open the row' },
        ],
      },
    ],
    [entries],
  );

  return (
    <>
      <CommandPalette groups={groups} search={canOpenRecords(roles) ? search : undefined} open={open} onOpenChange={onOpenChange} placeholder={canOpenRecords(roles) ? "Search records, pages and actions…" : "Search pages and actions…"} />
      <ShortcutsDialog groups={shortcutGroups} open={shortcutsOpen} onOpenChange={onShortcutsOpenChange} />
    </>
  );
}

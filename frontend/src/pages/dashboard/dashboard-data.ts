// The dashboard's server state (one request: GET /api/dashboard) and the pure steps between it and
// the page: the first-run checklist, the chart's days, totals in words.
import { useQuery } from '@tanstack/react-query';
import type { ListTotal } from '@shared/contracts/accounts';
import type { Dashboard } from '@shared/contracts/dashboard';
import type { Role } from '@shared/roles';
import { api } from '@/lib/api';
import { entriesFor } from '@/shell/navigation';

export const DASHBOARD_PATH = '/api/dashboard';

/** The workspace's data is for people whose roles open the contacts page. */
export function canSeeWorkspaceData(roles: readonly Role[]): boolean {
  return entriesFor(roles).some((entry) => entry.id === 'contacts');
}

export function useDashboard(enabled: boolean) {
  return useQuery({
    queryKey: ['dashboard', 'workspace'],
    enabled,
    queryFn: ({ signal }) => api.get<Dashboard>(DASHBOARD_PATH, undefined, signal),
  });
}

export interface ChecklistItem {
  id: 'import' | 'segment' | 'invite';
  label: string;
  description: string;
  done: boolean;
  /** Where it is done; null when the viewer cannot do it there. */
  href: string | null;
}

/** The first-run steps, each ticked once the workspace shows it was done. */
export function checklistItems(checklist: Dashboard['checklist'], canInvite: boolean): ChecklistItem[] {
  return [
    { id: 'import', label: 'Import a CSV of contacts', description: 'Map its columns once; accounts are created from company names and domains.', done: checklist.imported, href: '/imports/new' },
    { id: 'segment', label: 'Build a segment', description: 'Filter on contact and account fields; the count follows as you edit.', done: checklist.segmentBuilt, href: '/segments/new' },
    {
      id: 'invite',
      label: 'Invite a colleague',
      description: canInvite ? 'Give them the roles they need.' : 'An admin adds people under Settings → Users.',
      done: checklist.colleagueInvited,
      href: canInvite ? '/settings/users' : null,
    },
  ];
}

/** The checklist stays until every step is done. */
export function showChecklist(checklist: Dashboard['checklist']): boolean {
  return !(checklist.imported && checklist.segmentBuilt && checklist.colleagueInvited);
}

export interface ChartDay {
  day: string;
  label: string;
  contacts: number;
  accounts: number;
}

/** Server days (UTC, yyyy-mm-dd) with a short label for the axis. */
export function chartDays(days: Dashboard['days']): ChartDay[] {
  return days.map((d) => ({
    day: d.day,
    label: new Date(`${d.day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }),
    contacts: d.contacts,
    accounts: d.accounts,
  }));
}

/** "1,234", or "≈ 1,200,000" when the figure is the database's estimate. */
export function formatTotal(total: ListTotal): string {
  return `${total.exact ? '' : '≈ '}${total.count.toLocaleString('en-US')}`;
}

// The numbers on the dashboard, computed from the list endpoints that exist (users and
// organisations for admins, health for everyone). Nothing here is estimated or made up: each
// figure counts rows the API returned.
import { useQuery } from '@tanstack/react-query';
import type { OrganisationListResponse, User } from '@shared/contracts/identity';
import { ROLES, type Role } from '@shared/roles';
import { api } from '@/lib/api';

/** Enough for any realistic team; beyond it the dashboard says it counted the first N. */
const MAX_USERS = 5000;
const PAGE = 200;
export const ACTIVITY_DAYS = 14;

async function fetchAll<T>(path: string, signal: AbortSignal, max: number): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<{ items: T[]; nextCursor: string | null }>(path, { limit: PAGE, cursor }, signal);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return { items, complete: !cursor };
}

export interface DayCount {
  /** yyyy-mm-dd in the viewer's time zone. */
  day: string;
  label: string;
  created: number;
  signedIn: number;
}

export interface TeamStats {
  total: number;
  active: number;
  deactivated: number;
  signedInRecently: number;
  byRole: { role: Role; count: number }[];
  days: DayCount[];
  organisations: number;
  complete: boolean;
}

const dayKey = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Pure: users → the dashboard's figures, for the 14 days ending `today`. */
export function computeTeamStats(users: User[], organisations: number, today: Date, complete = true): TeamStats {
  const days: DayCount[] = [];
  const index = new Map<string, DayCount>();
  for (let offset = ACTIVITY_DAYS - 1; offset >= 0; offset--) {
    const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() - offset);
    const entry: DayCount = {
      day: dayKey(date),
      label: date.toLocaleDateString('en-US', { month: 'short', day: 'numeric' }),
      created: 0,
      signedIn: 0,
    };
    days.push(entry);
    index.set(entry.day, entry);
  }
  let signedInRecently = 0;
  for (const user of users) {
    const created = index.get(dayKey(new Date(user.createdAt)));
    if (created) created.created += 1;
    if (user.lastSignInAt) {
      const signed = index.get(dayKey(new Date(user.lastSignInAt)));
      if (signed) {
        signed.signedIn += 1;
        signedInRecently += 1;
      }
    }
  }
  const active = users.filter((user) => user.status === 'active').length;
  return {
    total: users.length,
    active,
    deactivated: users.length - active,
    signedInRecently,
    byRole: ROLES.map((role) => ({ role, count: users.filter((user) => user.roles.includes(role)).length })),
    days,
    organisations,
    complete,
  };
}

export function useTeamStats(enabled: boolean) {
  return useQuery({
    queryKey: ['dashboard', 'team'],
    enabled,
    queryFn: async ({ signal }) => {
      const [users, organisations] = await Promise.all([
        fetchAll<User>('/api/users', signal, MAX_USERS),
        fetchAll<OrganisationListResponse['items'][number]>('/api/organisations', signal, MAX_USERS),
      ]);
      return computeTeamStats(users.items, organisations.items.length, new Date(), users.complete);
    },
  });
}


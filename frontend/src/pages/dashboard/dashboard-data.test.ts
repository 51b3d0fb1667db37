import { describe, expect, it } from 'vitest';
import type { User } from '@shared/contracts/identity';
import { computeTeamStats } from './dashboard-data';

let seq = 0;
function user(overrides: Partial<User>): User {
  seq += 1;
  return {
    id: `00000000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    username: `user${seq}`,
    email: `user${seq}@northwind.com`,
    firstName: 'Test',
    lastName: `User ${seq}`,
    roles: ['agent'],
    role: 'agent',
    orgId: null,
    status: 'active',
    lastSignInAt: null,
    createdAt: new Date(2026, 0, 1).toISOString(),
    updatedAt: new Date(2026, 0, 1).toISOString(),
    ...overrides,
  };
}

describe('the dashboard figures', () => {
  const today = new Date(2026, 10, 25, 15, 0);

  it('counts people, status and roles (several roles count once in each)', () => {
    const stats = computeTeamStats(
      [
        user({ roles: ['admin'] }),
        user({ roles: ['agent', 'quality_analyst'] }),
        user({ roles: ['agent'], status: 'deactivated' }),
      ],
      2,
      today,
    );
    expect(stats.total).toBe(3);
    expect(stats.active).toBe(2);
    expect(stats.deactivated).toBe(1);
    expect(stats.organisations).toBe(2);
    const byRole = Object.fromEntries(stats.byRole.map((r) => [r.role, r.count]));
    expect(byRole).toMatchObject({ admin: 1, agent: 2, quality_analyst: 1, campaign_manager: 0, client_user: 0 });
  });

  it('buckets the last 14 days by local day and ignores anything older', () => {
    const stats = computeTeamStats(
      [
        user({ createdAt: new Date(2026, 10, 25, 9).toISOString(), lastSignInAt: new Date(2026, 10, 25, 10).toISOString() }),
        user({ createdAt: new Date(2026, 10, 12, 0, 5).toISOString(), lastSignInAt: new Date(2026, 10, 20, 23, 59).toISOString() }),
        user({ createdAt: new Date(2026, 10, 11, 23, 59).toISOString(), lastSignInAt: new Date(2026, 9, 1).toISOString() }),
      ],
      0,
      today,
    );
    expect(stats.days).toHaveLength(14);
    expect(stats.days[0]!.day).toBe('2026-11-12');
    expect(stats.days.at(-1)!.day).toBe('2026-11-25');
    expect(stats.days.reduce((sum, d) => sum + d.created, 0)).toBe(2);
    expect(stats.days.find((d) => d.day === '2026-11-20')!.signedIn).toBe(1);
    expect(stats.signedInRecently).toBe(2);
  });

  it('reports an empty team as zeros, not gaps', () => {
    const stats = computeTeamStats([], 0, today);
    expect(stats.total).toBe(0);
    expect(stats.days.every((d) => d.created === 0 && d.signedIn === 0)).toBe(true);
  });
});

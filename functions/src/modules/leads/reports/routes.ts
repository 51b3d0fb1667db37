// The reports routes of the leads module (under /api/leads).
import type { Route } from '../../../http/route';
import type { LeadsHooks } from '../hooks';

export function reportsRoutes(_hooks: LeadsHooks): Route[] {
  return [];
}

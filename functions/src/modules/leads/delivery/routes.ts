// The delivery routes of the leads module (under /api/leads).
import type { Route } from '../../../http/route';
import type { LeadsHooks } from '../hooks';

export function deliveryRoutes(_hooks: LeadsHooks): Route[] {
  return [];
}

import type { Route } from '../../../http/route';
import type { TelephonyHooks } from '../hooks';

export function callsRoutes(_hooks: TelephonyHooks): Route[] {
  return [];
}

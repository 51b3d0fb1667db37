import type { Route } from '../../../http/route';
import type { TelephonyHooks } from '../hooks';

export function dialerRoutes(_hooks: TelephonyHooks): Route[] {
  return [];
}

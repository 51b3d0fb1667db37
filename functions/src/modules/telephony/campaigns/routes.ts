import type { Route } from '../../../http/route';
import type { TelephonyHooks } from '../hooks';

export function campaignsRoutes(_hooks: TelephonyHooks): Route[] {
  return [];
}

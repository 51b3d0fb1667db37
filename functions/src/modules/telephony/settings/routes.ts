import type { Route } from '../../../http/route';
import type { TelephonyHooks } from '../hooks';

export function settingsRoutes(_hooks: TelephonyHooks): Route[] {
  return [];
}

// The content module's tracking routes (shared/contracts/content*.ts lists them).
import type { Route } from '../../../http/route';
import type { ContentHooks } from '../hooks';

export function trackingRoutes(_hooks: ContentHooks): Route[] {
  return [];
}

// The content module's resources routes (shared/contracts/content*.ts lists them).
import type { Route } from '../../../http/route';
import type { ContentHooks } from '../hooks';

export function resourcesRoutes(_hooks: ContentHooks): Route[] {
  return [];
}

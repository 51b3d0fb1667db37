// The content module's assets routes (shared/contracts/content*.ts lists them).
import type { Route } from '../../../http/route';
import type { ContentHooks } from '../hooks';

export function assetsRoutes(_hooks: ContentHooks): Route[] {
  return [];
}

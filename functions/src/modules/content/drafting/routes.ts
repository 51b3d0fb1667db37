// The content module's drafting routes (shared/contracts/content*.ts lists them).
import type { Route } from '../../../http/route';
import type { ContentHooks } from '../hooks';

export function draftingRoutes(_hooks: ContentHooks): Route[] {
  return [];
}

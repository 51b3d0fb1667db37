// The content module's social routes (shared/contracts/content*.ts lists them).
import type { Route } from '../../../http/route';
import type { ContentHooks } from '../hooks';

export function socialRoutes(_hooks: ContentHooks): Route[] {
  return [];
}

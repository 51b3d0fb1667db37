// The pipeline routes of the leads module (under /api/leads).
import type { Route } from '../../../http/route';
import type { LeadsHooks } from '../hooks';

export function pipelineRoutes(_hooks: LeadsHooks): Route[] {
  return [];
}

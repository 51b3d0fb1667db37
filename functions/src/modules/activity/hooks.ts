// What the activity module needs from the others, wired at the root: the timeline sources they
// contribute and the resolution of a saved segment, a list or a segment filter to contact ids.
import type { SQL } from 'drizzle-orm';
import type { AudienceSelection } from '@shared/contracts/activity';
import type { TimelineSource } from '../../core/timeline-source';
import type { Database } from '../../db/connection';
import { invalid } from '../../core/app-error';

export interface ActivityHooks {
  /** Sources beyond the module's own (touches, notes, tasks). */
  timelineSources: TimelineSource[];
  /** One column of contact ids for a segment, a list or a segment filter. */
  selectionAudience(db: Database, selection: Exclude<AudienceSelection, { kind: 'ids' }>): Promise<SQL>;
}

export const noActivityHooks: ActivityHooks = {
  timelineSources: [],
  selectionAudience: async (_db, selection) => {
    throw invalid('body.selection.kind', `${selection.kind} audiences are not available`);
  },
};

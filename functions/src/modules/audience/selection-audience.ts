// Turns a saved segment, a static list or an unsaved segment filter into the one column of
// contact ids the contact gate considers (the activity module receives this through a hook).
import { sql, type SQL } from 'drizzle-orm';
import type { AudienceSelection } from '@shared/contracts/activity';
import type { Database } from '../../db/connection';
import { findLiveList, listAudienceSql } from './lists';
import { compileSegment, getSegment, segmentAudienceSql } from './segments';

export async function selectionAudienceSql(db: Database, selection: Exclude<AudienceSelection, { kind: 'ids' }>): Promise<SQL> {
  switch (selection.kind) {
    case 'segment': {
      const segment = await getSegment({ db }, selection.segmentId);
      return segmentAudienceSql(segment.filter);
    }
    case 'list':
      await findLiveList(db, selection.listId);
      return listAudienceSql(selection.listId);
    case 'filter':
      return sql`select contacts.id from contacts where ${compileSegment(selection.filter, 'body.selection.filter')}`;
  }
}

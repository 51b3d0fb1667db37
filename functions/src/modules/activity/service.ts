// The activity module's use cases as the routes call them: the gate's preview for a selection
// on one or both channels, and the timeline with the wired sources.
import type { AudienceSelection, GateChannel, PolicyPreviewResponse, TimelineQuery, TimelineResponse } from '@shared/contracts/activity';
import type { TimelineSubject } from '../../core/timeline-source';
import type { Database } from '../../db/connection';
import { audienceSql, type Audience } from '../compliance';
import { previewAudience } from './gate';
import type { ActivityHooks } from './hooks';
import { ACTIVITY_SOURCES, readTimeline } from './timeline';
import { contactVisibleTo, type RecordReader } from '../../records/record-scope';
import { sql } from 'drizzle-orm';

/** The contacts a selection names, kept to the reader's reach (an agent previews only what they may read). */
export async function audienceOf(db: Database, hooks: ActivityHooks, selection: AudienceSelection, reader: RecordReader): Promise<Audience> {
  const audience: Audience = selection.kind === 'ids' ? { kind: 'ids', ids: selection.ids } : { kind: 'query', sql: await hooks.selectionAudience(db, selection) };
  const visible = contactVisibleTo(reader, sql`a.id`);
  return visible ? { kind: 'query', sql: sql`select a.id from (${audienceSql(audience)}) as a(id) where ${visible}` } : audience;
}

/** Who the gate would admit now (or at `at`) on each channel, and why the rest would be left out. */
export async function previewSelection(
  db: Database,
  hooks: ActivityHooks,
  input: { selection: AudienceSelection; channels: GateChannel[]; at: Date; reader: RecordReader },
): Promise<PolicyPreviewResponse> {
  const audience = await audienceOf(db, hooks, input.selection, input.reader);
  const channels: PolicyPreviewResponse['channels'] = {};
  let policyVersion = 0;
  // Sequential: inside a request the handle may be one connection (PGlite) and both are fast.
  for (const channel of input.channels) {
    const { policyVersion: version, ...counts } = await previewAudience(db, audience, { channel, at: input.at });
    channels[channel] = counts;
    policyVersion = version;
  }
  return { policyVersion, at: input.at.toISOString(), channels };
}

export function timelineOf(db: Database, hooks: ActivityHooks, subject: TimelineSubject, query: TimelineQuery, reader: RecordReader): Promise<TimelineResponse> {
  return readTimeline(db, [...ACTIVITY_SOURCES, ...hooks.timelineSources], subject, query, reader);
}

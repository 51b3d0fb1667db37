// The activity module's use cases as the routes call them: the gate's preview for a selection
// on one or both channels, and the timeline with the wired sources.
import type { AudienceSelection, GateChannel, PolicyPreviewResponse, TimelineQuery, TimelineResponse } from '@shared/contracts/activity';
import type { TimelineSubject } from '../../core/timeline-source';
import type { Database } from '../../db/connection';
import type { Audience } from '../compliance';
import { previewAudience } from './gate';
import type { ActivityHooks } from './hooks';
import { ACTIVITY_SOURCES, readTimeline } from './timeline';

export async function audienceOf(db: Database, hooks: ActivityHooks, selection: AudienceSelection): Promise<Audience> {
  if (selection.kind === 'ids') return { kind: 'ids', ids: selection.ids };
  return { kind: 'query', sql: await hooks.selectionAudience(db, selection) };
}

/** Who the gate would admit now (or at `at`) on each channel, and why the rest would be left out. */
export async function previewSelection(
  db: Database,
  hooks: ActivityHooks,
  input: { selection: AudienceSelection; channels: GateChannel[]; at: Date },
): Promise<PolicyPreviewResponse> {
  const audience = await audienceOf(db, hooks, input.selection);
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

export function timelineOf(db: Database, hooks: ActivityHooks, subject: TimelineSubject, query: TimelineQuery): Promise<TimelineResponse> {
  return readTimeline(db, [...ACTIVITY_SOURCES, ...hooks.timelineSources], subject, query);
}

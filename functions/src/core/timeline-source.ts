// What a module gives the record timeline: one SQL source of feed rows about a contact or an
// account. The activity module unions the sources wired at the root into one feed.
import { sql, type SQL } from 'drizzle-orm';

export interface TimelineSubject {
  kind: 'contact' | 'account';
  id: string;
}

export interface TimelinePage {
  subject: TimelineSubject;
  /** Rows strictly before this (at, id) in newest-first order. */
  before: { at: string; id: string } | null;
  /** At most this many rows, newest first. */
  limit: number;
  /** Only what happened on these channels (sources without a channel are not asked). */
  channels: string[] | null;
  /**
   * For a reader of limited reach (an agent): the condition that a contact id is within it. An
   * account's feed rolls up only the contacts the reader may see. Null for every other reader.
   */
  contactReach: ((contactId: SQL) => SQL) | null;
  /**
   * Touches already shown inside another item of this page (a call's attempt, connection and
   * disposition are on the call's own item), by the prefix of their source event ids. Opt-outs
   * (unsubscribed, complained) are never folded: they stay listed as items of their own.
   */
  foldedTouches: string[];
}

/**
 * `and …` keeping a rolled-up row to the account itself or to a contact within the reader's reach;
 * nothing at all for a reader who sees every record, or for a contact's own feed (the contact was
 * found within reach before the feed is read).
 */
export function withinReach(page: TimelinePage, contactId: SQL): SQL {
  return page.contactReach && page.subject.kind === 'account' ? sql`and (${contactId} is null or ${page.contactReach(contactId)})` : sql``;
}

/**
 * A source answers columns `id` (text, unique in its kind), `at` (timestamptz), `channel`
 * (text or null), `title` (text), `detail` (jsonb or null), `actor_id` (uuid or null),
 * `contact_id` (uuid or null), newest first, already limited to the page. An account's feed rolls
 * up what concerns its contacts as well as the account itself.
 */
export interface TimelineSource {
  kind: 'touch' | 'note' | 'task' | 'field_change' | 'consent' | 'import' | 'list' | 'email' | 'call' | 'lead';
  query(page: TimelinePage): SQL;
  /** The source event id prefix of the touches this source's items already show (left out of the touch rows while it is read). */
  foldsTouches?: string;
}

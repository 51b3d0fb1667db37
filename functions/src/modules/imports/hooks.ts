// Extension points of the import pipeline that other modules fill in: the suppression check
// (compliance) and adding imported contacts to a static list (audience). Each has a default that
// does nothing, so the pipeline runs without those modules; `importHooks` wires the real ones.
import type { Database } from '../../db/connection';
import { addImportedContactsToList } from '../audience/import-hook';
import { checkSuppressions } from '../compliance/check-suppressions';
import type { RawQuery } from '../../db/raw-sql';

export interface SuppressionMatches {
  /** The given normalized emails that are suppressed (by address or by their domain). */
  emails: ReadonlySet<string>;
  /** The given E.164 numbers on the do-not-call list. */
  phones: ReadonlySet<string>;
}

/** Which of these emails and phones are suppressed: set-based, one query whatever the size. */
export type SuppressionCheck = (db: Database, input: { emails: string[]; phones: string[] }) => Promise<SuppressionMatches>;

export const noSuppressions: SuppressionCheck = async () => ({ emails: new Set(), phones: new Set() });

/** Adds contacts to a static list inside the chunk's transaction (set-based). */
export type AddToList = (query: RawQuery, input: { listId: string; contactIds: string[] }) => Promise<void>;

export interface ImportHooks {
  checkSuppressions: SuppressionCheck;
  /** Absent until static lists exist: an import asking for a list is then refused. */
  addToList?: AddToList;
}

/** What the handlers use: the compliance module's suppression list and the audience module's lists. */
export const importHooks: ImportHooks = { checkSuppressions, addToList: addImportedContactsToList };

// The points where one module's work reaches another's: each is a typed function a module calls
// through `deps.hooks`, filled in by the composition root (functions/src/composition.ts) and
// defaulting to doing nothing, so a module runs and is tested without the others.
import type { BulkSelection, ChannelSuppression } from '@shared/contracts/accounts';
import type { ExportJob, ExportSelection } from '@shared/contracts/imports';
import type { Database } from '../db/connection';
import type { RawQuery } from '../db/raw-sql';
import type { Deps } from './deps';
import type { Principal } from './principal';

export interface SuppressionLookup {
  /** Suppressed addresses (trimmed, lower-case) → their entries, the address's own first. */
  emails: Map<string, ChannelSuppression[]>;
  /** Suppressed E.164 numbers → their entries. */
  phones: Map<string, ChannelSuppression[]>;
}

// The import pipeline's hooks: passed to it explicitly by its routes and workflow handlers.
export interface SuppressionMatches {
  /** The given normalized emails that are suppressed (by address or by their domain). */
  emails: ReadonlySet<string>;
  /** The given E.164 numbers on the do-not-call list. */
  phones: ReadonlySet<string>;
}

/** Which of these emails and phones are suppressed: set-based, one query whatever the size. */
export type SuppressionCheck = (db: Database, input: { emails: string[]; phones: string[] }) => Promise<SuppressionMatches>;

/** Adds contacts to a static list inside the chunk's transaction (set-based). */
export type AddToList = (query: RawQuery, input: { listId: string; contactIds: string[] }) => Promise<void>;

export interface ImportHooks {
  checkSuppressions: SuppressionCheck;
  /** Absent until static lists exist: an import asking for a list is then refused. */
  addToList?: AddToList;
}

export interface ModuleHooks {
  /** The import pipeline's suppression check and target list. */
  imports: ImportHooks;
  /** Suppression entries of these addresses and phones (compliance), one query for all. */
  findSuppressions(db: Database, input: { emails: string[]; phones: string[] }): Promise<SuppressionLookup>;
  /** Adds the selected contacts, or every live contact of the selected accounts, to a static list (audience). */
  addSelectionToList(db: Database, input: { entity: 'contact' | 'account'; listId: string; selection: BulkSelection }): Promise<{ added: number }>;
  /** Starts an export job for a selection (imports). */
  createExport(
    deps: Pick<Deps, 'db' | 'dbHandle' | 'aws' | 'config' | 'logger' | 'now'>,
    principal: Principal,
    input: { resource: 'accounts' | 'contacts'; selection: ExportSelection; columns?: string[] | undefined; bom: boolean },
  ): Promise<ExportJob>;
}

const refused = (what: string) => async (): Promise<never> => {
  throw new Error(`${what} is not wired: the composition root installs it.`);
};

/** What a module sees when nothing is wired: no suppressions, and no lists or exports to reach. */
export const NO_HOOKS: ModuleHooks = {
  imports: { checkSuppressions: async () => ({ emails: new Set(), phones: new Set() }) },
  findSuppressions: async () => ({ emails: new Map(), phones: new Map() }),
  addSelectionToList: refused('Adding to a list'),
  createExport: refused('Exporting'),
};

// Extension points of the import pipeline that other modules fill in: the suppression check
// (compliance) and adding imported contacts to a static list (audience). Without them the
// pipeline suppresses nobody and refuses a target list; functions/src/composition.ts wires both.
import type { ImportHooks, SuppressionCheck } from '../../core/hooks';

export type { AddToList, ImportHooks, SuppressionCheck, SuppressionMatches } from '../../core/hooks';

export const noSuppressions: SuppressionCheck = async () => ({ emails: new Set(), phones: new Set() });

export const NO_IMPORT_HOOKS: ImportHooks = { checkSuppressions: noSuppressions };

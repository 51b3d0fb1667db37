// The composition root: the one place where modules meet. Each hook a module calls (core/hooks.ts,
// the import pipeline's ImportHooks) is filled in here with another module's exported function,
// so no module imports another to reach its work and no two modules depend on each other.
import type { ModuleHooks } from './core/hooks';
import { addAccountContactsToList, addContactsToList, addImportedContactsToList } from './modules/audience';
import { checkSuppressions, findSuppressions } from './modules/compliance';
import { createExport } from './modules/imports';

/** Put on every Deps by buildDeps. */
export const moduleHooks: ModuleHooks = {
  imports: { checkSuppressions, addToList: addImportedContactsToList },
  findSuppressions,
  addSelectionToList: (db, { entity, listId, selection }) =>
    (entity === 'contact' ? addContactsToList : addAccountContactsToList)(db, listId, selection),
  createExport,
};

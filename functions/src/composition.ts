// The composition root: where modules that must meet are joined, through the hooks each
// declares. Nothing else wires one module into another.
import { createActivityModule, type ActivityHooks } from './modules/activity';
import { fieldChangeSource } from './modules/accounts/timeline-source';
import { listMembershipSource } from './modules/audience/timeline-source';
import { selectionAudienceSql } from './modules/audience/selection-audience';
import { consentSource } from './modules/compliance/timeline-source';
import { importSource } from './modules/imports/timeline-source';

/** The timeline reads what accounts, compliance, imports and audience record; segments and lists come from audience. */
export const activityHooks: ActivityHooks = {
  timelineSources: [fieldChangeSource, consentSource, importSource, listMembershipSource],
  selectionAudience: selectionAudienceSql,
};

export const activityModule = createActivityModule(activityHooks);

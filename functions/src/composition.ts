// The composition root: the one place where modules meet. Each hook a module calls (core/hooks.ts,
// the import pipeline's ImportHooks) is filled in here with another module's exported function,
// so no module imports another to reach its work and no two modules depend on each other.
import type { ModuleHooks } from './core/hooks';
import { addAccountContactsToList, addContactsToList, addImportedContactsToList, domainSetAudienceSql, listMembershipSource, selectionAudienceSql } from './modules/audience';
import { checkSuppressions, consentSource, findSuppressions } from './modules/compliance';
import { createExport, importSource } from './modules/imports';
import { fieldChangeSource } from './modules/accounts';
import { createActivityModule, previewAudience, type ActivityHooks } from './modules/activity';
import { createEmailModule, emailTimelineSource, type EmailHooks } from './modules/email';
import { abandonUnbridged, callTimelineSource, createDialerTickJob, createTelephonyModule, type DialerPorts, type TelephonyHooks } from './modules/telephony';
import { createLeadFromCall, createLeadsModule, leadTimelineSource, startCreatedLead, type LeadsHooks } from './modules/leads';
import { createPortalModule, type PortalHooks } from './modules/portal';
import { DIALER_WORKFLOW_NAME } from './workflows/dialer';

/** Put on every Deps by buildDeps. */
export const moduleHooks: ModuleHooks = {
  imports: { checkSuppressions, addToList: addImportedContactsToList },
  findSuppressions,
  addSelectionToList: (db, { entity, listId, selection }) =>
    (entity === 'contact' ? addContactsToList : addAccountContactsToList)(db, listId, selection),
  createExport,
};

/** The timeline reads what accounts, compliance, imports, audience, email and telephony record; segments and lists come from audience. */
export const activityHooks: ActivityHooks = {
  timelineSources: [fieldChangeSource, consentSource, importSource, listMembershipSource, emailTimelineSource, callTimelineSource, leadTimelineSource],
  selectionAudience: selectionAudienceSql,
};

export const activityModule = createActivityModule(activityHooks);

/** A campaign's segment, static list or domain set as contact ids, resolved by the audience module. */
const campaignAudienceSql: EmailHooks['audienceSql'] = (db, audience) => {
  switch (audience.kind) {
    case 'segment':
      return selectionAudienceSql(db, { kind: 'segment', segmentId: audience.id });
    case 'list':
      return selectionAudienceSql(db, { kind: 'list', listId: audience.id });
    case 'domain_set':
      return domainSetAudienceSql(db, audience.id);
  }
};

/** Campaigns send to a segment, a static list or a domain set, resolved by the audience module. */
export const emailHooks: EmailHooks = { audienceSql: campaignAudienceSql };
export const emailModule = createEmailModule(emailHooks);

/** Call campaigns dial the same audiences; a positive wrap-up makes the call's lead (the leads module's) and starts its QA. */
export const telephonyHooks: TelephonyHooks = {
  audienceSql: campaignAudienceSql,
  positiveCall: { inTransaction: createLeadFromCall, afterCommit: startCreatedLead },
};
export const telephonyModule = createTelephonyModule(telephonyHooks);

/**
 * What the dialer's tick reaches in the calls part: its safe-harbour sweep (`abandonUnbridged`),
 * run first on every tick.
 */
/** Each tick first plays the safe-harbour message on calls a person answered and no agent took within 2 s. */
export const dialerPorts: DialerPorts = { abandonUnbridged: async (deps, now) => (await abandonUnbridged(deps, now)).length };
export const dialerTickJob = createDialerTickJob(dialerPorts, { workflow: DIALER_WORKFLOW_NAME });

/** Lead QA: the queue, the pipeline, delivery to clients. */
export const leadsHooks: LeadsHooks = {};
export const leadsModule = createLeadsModule(leadsHooks);

/** The client portal: orders, the bridge to audiences and campaigns, pacing, delivery and returns. */
export const portalHooks: PortalHooks = {
  // The match preview counts who the contact gate would admit now, per channel.
  previewReach: async (db, contacts, { channel, at }) => previewAudience(db, { kind: 'query', sql: contacts }, { channel, at }),
};
export const portalModule = createPortalModule(portalHooks);

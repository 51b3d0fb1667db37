// The composition root: the one place where modules meet. Each hook a module calls (core/hooks.ts,
// the import pipeline's ImportHooks) is filled in here with another module's exported function,
// so no module imports another to reach its work and no two modules depend on each other.
import type { ModuleHooks } from './core/hooks';
import {
  addAccountContactsToList,
  addContactsToList,
  addImportedContactsToList,
  createDomainSet,
  createSegment,
  domainSetAudienceSql,
  listMembershipSource,
  previewSegment,
  replaceDomainSetEntries,
  selectionAudienceSql,
  updateSegment,
} from './modules/audience';
import { checkSuppressions, consentSource, findSuppressions } from './modules/compliance';
import { createExport, importSource } from './modules/imports';
import { fieldChangeSource } from './modules/accounts';
import { createActivityModule, createTask, currentPolicy, previewAudience, recordTouches, type ActivityHooks } from './modules/activity';
import { classifyClick, createEmailModule, emailTimelineSource, type EmailHooks } from './modules/email';
import { abandonUnbridged, callTimelineSource, createDialerTickJob, createTelephonyModule, type DialerPorts, type TelephonyHooks } from './modules/telephony';
import { createLeadFromCall, createLeadsModule, deliverLead, findCampaign, leadsOfContacts, leadTimelineSource, startCreatedLead, transitionLead, type LeadsHooks } from './modules/leads';
import { createUser, deactivateUser, reactivateUser } from './modules/identity';
import {
  campaignShares,
  clientSuppressedContacts,
  createPacingJob,
  createPortalModule,
  orderForCampaign,
  publishApprovedLead,
  replaceReturnedLead,
  type PortalHooks,
} from './modules/portal';
import { campaignContentFields, campaignContentUrls, createContentModule, type ContentHooks } from './modules/content';
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

/**
 * Campaigns send to a segment, a static list or a domain set, resolved by the audience module; one
 * that works a client order sends at the order's pace and never to whom its client suppressed.
 */
export const emailHooks: EmailHooks = {
  audienceSql: campaignAudienceSql,
  orders: {
    shares: (db, campaignIds, now) => campaignShares(db, 'email', campaignIds, now),
    leaveOut: (db, campaignId, contactIds) => clientSuppressedContacts(db, 'email', campaignId, contactIds),
  },
  // `{{ content.<name> }}`: each recipient's tracking URL of the content attached to the campaign.
  contentLinks: (deps, { campaignId, contactIds }) =>
    campaignContentUrls(deps.db, deps.config, { findCampaign }, { campaignKind: 'email', campaignId, contactIds, channel: 'email' }),
};
export const emailModule = createEmailModule(emailHooks);

/**
 * Lead QA: the queue, the pipeline, delivery to clients. A lead of a campaign working a client
 * order carries the order; once approved it is published to that order by the portal, and a lead
 * published after its deliveries replaces its order's oldest return.
 */
export const leadsHooks: LeadsHooks = {
  orderForCampaign,
  approved: (deps, { leadId, actorId }) => publishApprovedLead(deps, portalHooks, leadId, actorId),
  published: async (tx, { leadId, at }) => {
    await replaceReturnedLead(tx, portalHooks, { leadId, at });
  },
};
export const leadsModule = createLeadsModule(leadsHooks);

/**
 * Call campaigns dial the same audiences; a positive wrap-up makes the call's lead (the leads
 * module's) and starts its QA; a script's `{{ content.<key> }}` is an asset the content module links
 * to the campaign, shown to the agent as the contact's own tracking URL (channel call_script).
 */
export const telephonyHooks: TelephonyHooks = {
  audienceSql: campaignAudienceSql,
  positiveCall: { inTransaction: (tx, callId, at) => createLeadFromCall(tx, callId, at, leadsHooks), afterCommit: startCreatedLead },
  scriptContent: {
    fields: (db, campaignId) => campaignContentFields(db, { campaignKind: 'call', campaignId }),
    urls: async (deps, { campaignId, contactId }) =>
      (await campaignContentUrls(deps.db, deps.config, { findCampaign }, { campaignKind: 'call', campaignId, contactIds: [contactId], channel: 'call_script' })).get(contactId) ?? {},
  },
};
export const telephonyModule = createTelephonyModule(telephonyHooks);

/**
 * What the dialer's tick reaches in the calls part: its safe-harbour sweep (`abandonUnbridged`),
 * run first on every tick.
 */
/**
 * Each tick first plays the safe-harbour message on calls a person answered and no agent took
 * within 2 s; a campaign working a client order dials at the order's pace and never whom its
 * client suppressed.
 */
export const dialerPorts: DialerPorts = {
  abandonUnbridged: async (deps, now) => (await abandonUnbridged(deps, now)).length,
  orders: {
    shares: (db, campaignIds, now) => campaignShares(db, 'call', campaignIds, now),
    leaveOut: (db, campaignId, contactIds) => clientSuppressedContacts(db, 'call', campaignId, contactIds),
  },
};
export const dialerTickJob = createDialerTickJob(dialerPorts, { workflow: DIALER_WORKFLOW_NAME });

/**
 * The client portal: orders, the bridge to audiences and campaigns (domain sets and segments of the
 * audience module, campaigns as the leads module finds them, account caps of the contact policy,
 * tasks of the activity module), pacing, delivery and returns. Its match preview counts whom the
 * contact gate would admit now; its leads move through the leads module's transitions and
 * delivery; its users are the identity module's (sessions end there and Cognito follows).
 */
export const portalHooks: PortalHooks = {
  previewReach: async (db, contacts, { channel, at }) => previewAudience(db, { kind: 'query', sql: contacts }, { channel, at }),
  leads: { transitionLead, deliverLead },
  users: { createUser, deactivateUser, reactivateUser },
  bridge: {
    createDomainSet: async (deps, input) => {
      const report = await createDomainSet(deps, { request: { name: input.name, description: null, text: input.text }, userId: input.userId });
      return { id: report.set.id, matched: report.set.matchedCount };
    },
    replaceDomainSet: async (deps, input) => {
      const report = await replaceDomainSetEntries(deps, input);
      return { id: report.set.id, matched: report.set.matchedCount };
    },
    createSegment: (deps, input) => createSegment(deps, { request: { name: input.name, description: input.description, filter: input.filter }, userId: input.userId }),
    updateSegment: (deps, input) => updateSegment(deps, { id: input.id, request: { name: input.name, description: input.description, filter: input.filter } }),
    countSegment: async (deps, filter) => (await previewSegment(deps, { filter, limit: 1 })).count,
    findCampaign,
    accountCaps: async (db) => (await currentPolicy(db)).rules.accountCaps,
    // Raised by the pacing run for the manager: written as theirs (a task needs a creator).
    createTask: async (db, input) =>
      createTask(db, {
        request: { title: input.title, type: 'other', dueLocal: input.dueLocal, dueTimeZone: 'UTC', assigneeId: input.assigneeId, note: input.note },
        createdBy: { userId: input.assigneeId, roles: ['campaign_manager'] },
        at: input.at,
      }),
  },
};
export const portalModule = createPortalModule(portalHooks);
export const pacingJob = createPacingJob(portalHooks);

/**
 * Content: the asset library, AI drafting, social posts, the Resources Centre and tracking links.
 * Campaigns it links assets to are found by the leads module's lookup (email and call campaigns);
 * a click on a tracking link is a touch of the activity module (machine clicks told apart by the
 * email module's rules), and an asset's report counts the leads module's leads of its clickers.
 */
export const contentHooks: ContentHooks = {
  findCampaign,
  recordTouches: (db, touches) => recordTouches(db, touches),
  leadsFor: leadsOfContacts,
  isMachineClick: (request) => classifyClick({ ...request, secondsSinceSend: null }).verdict === 'machine',
};
export const contentModule = createContentModule(contentHooks);

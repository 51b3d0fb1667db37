// The telephony module's face: the API module assembled from its parts' route lists (trunks,
// call campaigns, the console and calls with the Telnyx webhook, the dialer and its reports), the
// dialer's scheduled tick, and the hooks it needs from the others.
import type { ApiModule } from '../../http/route';
import type { TelephonyHooks } from './hooks';
import { settingsRoutes } from './settings/routes';
import { campaignsRoutes } from './campaigns/routes';
import { callsRoutes } from './calls/routes';
import { dialerRoutes } from './dialer/routes';

export function createTelephonyModule(hooks: TelephonyHooks): ApiModule {
  return {
    name: 'telephony',
    routes: [...settingsRoutes(hooks), ...campaignsRoutes(hooks), ...callsRoutes(hooks), ...dialerRoutes(hooks)],
  };
}

export { noTelephonyHooks, type TelephonyHooks } from './hooks';
export { callTimelineSource } from './calls/timeline-source';
export { abandonUnbridged, safeHarbourMessage } from './calls/abandon';
export { settleQueueItem, queuePlaceOf, type CallRow, type QueuePlace } from './calls/queue-settle';
export { reconcileAgent, dialAgentLeg, connectionFor } from './calls/agent-leg';
export { callHolderOf, callTouchId, encodeClientState, decodeClientState, telnyxWebhookUrl, recordingKeyOf, type CallClientState } from './calls/call-keys';
export { applyTelnyxEvent } from './calls/apply-event';
export { TELNYX_WEBHOOK_PATH } from './calls/routes';
export { dialerTick, type DialerOrderGate, type DialerPorts, type QueueTick, type TickResult } from './dialer/tick';
export { createDialerTickJob, dialerRound, DIALER_TICK_JOB, type DialerRound } from './dialer/tick-job';
export { fillQueue, holderOf as dialerHolderOf, type FillResult } from './dialer/fill';
export { listQueues, getQueue, updateQueueSettings, startQueue, pauseQueue } from './dialer/control';
export { agentReport, campaignReport, complianceReport } from './dialer/reports';
export { claimItems } from './dialer/queue-store';
export { availableAgents, getPresence, reserveAgent, setPresence } from './presence';
export { nextPacing, linesToDial, overdialBudget, abandonmentRate, type AbandonWindow, type PacingState } from './dialer/pacing';
export { seedTelephonyDemo, type TelephonyDemoReport } from './campaigns/demo-data';
export { openTrunkPassword, trunkForCampaign } from './settings/trunks';
export { trunkDepsOf } from './settings/routes';
export { purgeExpiredRecordings, purgeRecordingsJob } from './calls/recording-retention';

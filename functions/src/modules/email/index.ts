// The email module's face: the API module assembled from the route lists of its parts, the
// sending workflow's steps and the scheduled job, the feedback Lambda's logic, the timeline's email
// items, and the hooks it needs from the others.
import type { ApiModule } from '../../http/route';
import { emailAssetUrl } from './asset-url';
import { campaignRoutes } from './campaigns/routes';
import type { EmailHooks } from './hooks';
import { createEmailSettingsRoutes } from './settings';
import { feedbackRoutes, reportRoutes, trackingRoutes } from './tracking';

export function createEmailModule(hooks: EmailHooks): ApiModule {
  return {
    name: 'email',
    routes: [
      ...campaignRoutes(hooks),
      ...createEmailSettingsRoutes({ assetUrl: (deps, key) => emailAssetUrl(deps.config, key) }),
      ...trackingRoutes,
      ...reportRoutes,
      ...feedbackRoutes,
    ],
  };
}

export { noEmailHooks, type EmailContentLinks, type EmailHooks, type EmailOrderGate } from './hooks';
export { applyFeedback, emailTimelineSource, handleFeedbackEvent } from './tracking';
export { emailAssetUrl } from './asset-url';
export { prepareSend, finaliseSend, failSend, sweepCampaigns, type PreparedSend, type FinaliseResult } from './sending/engine';
export { sendBatch, type BatchResult } from './sending/batch-sender';
export type { SendingKit } from './sending/ports';
export { createSendingKit } from './sending/kit';
export { emailSweepJob } from './sending/sweep-job';
export { refreshEmailDomainsJob } from './settings';
export { seedEmailDemo, type EmailDemoReport } from './settings/demo-data';
// The merge-field catalog and the Liquid hiding the sanitizer needs, for call scripts.
export { mergeFieldCatalog } from './content';
// Telling a person's click from a link scanner's, for other tracked links (content).
export { classifyClick } from './content';
export { protectLiquid } from './content/liquid-text';

// The content module's face: the API module assembled from its parts' route lists (the asset
// library and its versions, AI drafting, social publishing, the Resources Centre link, campaign
// links and tracking URLs), and what the jobs and the other modules (through the root) call.
import type { ApiModule } from '../../http/route';
import type { ContentHooks } from './hooks';
import { assetsRoutes } from './assets/routes';
import { draftingRoutes } from './drafting/routes';
import { socialRoutes } from './social/routes';
import { resourcesRoutes } from './resources/routes';
import { trackingRoutes } from './tracking/routes';

export function createContentModule(hooks: ContentHooks): ApiModule {
  return {
    name: 'content',
    routes: [...assetsRoutes(hooks), ...draftingRoutes(hooks), ...socialRoutes(hooks), ...resourcesRoutes(hooks), ...trackingRoutes(hooks)],
  };
}

export { noContentHooks, type ContentHooks } from './hooks';
export { publishDueSocialPostsJob, publishScheduledPost, type PublishOutcome } from './social/publish';
export { seedSocialDemo } from './social/demo-data';
export { createAssetVersion, type CreatedVersion, type NewVersionInput, type VersionFile } from './assets/versions';
export { createTextAsset, type NewTextAsset } from './assets/service';
export { sweepContentUploadsJob, sweepExpiredUploads } from './assets/uploads';
export { seedAssetsDemo, type AssetsDemoReport } from './assets/demo-data';
export { samplePdf } from './assets/sample-pdf';
export { getAsset, getVersion as getAssetVersion, type AssetDeps } from './assets/service';
export { resourcesCentrePullJob, resourcesCentrePushJob, pullReference } from './resources/pull';
export { currentSecret as currentResourcesCentreSecret, saveSettings as saveResourcesCentreSettings, linkDepsOf as resourcesCentreLinkDepsOf, loadSettings as loadResourcesCentreSettings } from './resources/settings';
export { seedResourcesDemo, type ResourcesDemoReport } from './resources/demo-data';
// Tracking URLs in bulk (for emails and call scripts) and the demo's links and clicks.
export { trackingUrlsFor, type TrackingUrls } from './tracking/tracking-links';
export { seedTrackingDemo, type TrackingDemoReport } from './tracking/demo-data';
export { campaignContentFields, campaignContentUrls, contentMergeKey, type CampaignContentField } from './tracking/campaign-content-urls';

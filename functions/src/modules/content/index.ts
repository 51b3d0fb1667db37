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
// Tracking URLs in bulk (for emails and call scripts) and the demo's links and clicks.
export { trackingUrlsFor, type TrackingUrls } from './tracking/tracking-links';
export { seedTrackingDemo, type TrackingDemoReport } from './tracking/demo-data';
export { campaignContentUrls, contentMergeKey } from './tracking/campaign-content-urls';

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
export { seedTelephonyDemo, type TelephonyDemoReport } from './campaigns/demo-data';
export { openTrunkPassword, trunkForCampaign } from './settings/trunks';
export { trunkDepsOf } from './settings/routes';

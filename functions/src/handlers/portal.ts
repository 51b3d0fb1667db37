// Lambda entry point of the portal module: client users' orders, match previews, leads, returns
// and users (under /api/portal), and staff's orders, bridge and pacing (under /api/orders).
import { createHttpHandler } from '../http/create-http-handler';
import { portalModule } from '../composition';

export const handler = createHttpHandler(portalModule);

// The API's modules: each is one Lambda on AWS (infra/aws reads this list) and one entry of the
// local gateway. The first module also receives every unmatched /api path (404 problem+json).
import type { ApiModule } from '../http/route';
import { platformModule } from './platform';
import { identityModule } from './identity';
import { complianceModule } from './compliance';
import { accountsModule } from './accounts';
import { importsModule } from './imports';
import { audienceModule } from './audience';
import { activityModule, contentModule, emailModule, leadsModule, portalModule, telephonyModule } from '../composition';

export const apiModules: ApiModule[] = [platformModule, identityModule, complianceModule, accountsModule, importsModule, audienceModule, activityModule, emailModule, telephonyModule, leadsModule, portalModule, contentModule];

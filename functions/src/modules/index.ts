// The API's modules: each is one Lambda on AWS (infra/aws reads this list) and one entry of the
// local gateway. The first module also receives every unmatched /api path (404 problem+json).
import type { ApiModule } from '../http/route';
import { platformModule } from './platform/routes';
import { identityModule } from './identity/routes';
import { complianceModule } from './compliance/routes';
import { accountsModule } from './accounts/routes';
import { importsModule } from './imports/routes';
import { audienceModule } from './audience/routes';
import { activityModule } from '../composition';

export const apiModules: ApiModule[] = [platformModule, identityModule, complianceModule, accountsModule, importsModule, audienceModule, activityModule];

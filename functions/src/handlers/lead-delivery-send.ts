// Step Functions task of the lead delivery workflow: send the lead's due deliveries (publishing
// the lead, with the portal's replacement loop, once they are all delivered).
import { leadsHooks } from '../composition';
import { getDeps } from '../deps';
import { deliveryKitOf, runLeadDeliveries, type RunResult } from '../modules/leads';

export const handler = async (input: { leadId: string }): Promise<RunResult> => {
  const deps = await getDeps();
  return runLeadDeliveries(deps, deliveryKitOf(deps), input.leadId, leadsHooks);
};

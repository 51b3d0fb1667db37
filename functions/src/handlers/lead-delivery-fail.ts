// Step Functions task of the lead delivery workflow (its Catch): the lead's claims go back to failed, due at once.
import { getDeps } from '../deps';
import { failLeadDeliveries } from '../modules/leads';

export const handler = async (input: { leadId: string; error?: { Error?: string; Cause?: string } }): Promise<{ leadId: string }> => {
  await failLeadDeliveries(await getDeps(), input.leadId, input.error);
  return { leadId: input.leadId };
};

// Step Functions task of the email sending workflow (its Catch): pause the campaign with the reason.
import { getDeps } from '../deps';
import { failSend } from '../modules/email';

export const handler = async (input: { campaignId: string; error?: { Error?: string; Cause?: string } }): Promise<{ campaignId: string }> => {
  await failSend(await getDeps(), input.campaignId, input.error);
  return { campaignId: input.campaignId };
};

// Step Functions task of the email sending workflow: snapshot once, plan batches, answer those not done.
import { emailHooks } from '../composition';
import { getDeps } from '../deps';
import { prepareSend, type PreparedSend } from '../modules/email';

export const handler = async (input: { campaignId: string }): Promise<PreparedSend> => prepareSend(await getDeps(), emailHooks, input.campaignId);

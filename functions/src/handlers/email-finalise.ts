// Step Functions task of the email sending workflow: the campaign is sent, or the workflow waits and goes round again.
import { getDeps } from '../deps';
import { finaliseSend, type BatchResult, type FinaliseResult } from '../modules/email';

export const handler = async (input: { campaignId: string; batches?: Partial<BatchResult>[] }): Promise<FinaliseResult> =>
  finaliseSend(await getDeps(), input.campaignId, input.batches ?? []);

// Step Functions task of the email sending workflow: send one batch (a Map iteration).
import { emailHooks } from '../composition';
import { getDeps } from '../deps';
import { createSendingKit, sendBatch, type BatchResult } from '../modules/email';

export const handler = async (input: { campaignId: string; batchNo: number }): Promise<BatchResult> => {
  const deps = await getDeps();
  return sendBatch(deps, createSendingKit(deps, { contentLinks: emailHooks.contentLinks }), input, emailHooks);
};

// Lambda entry point of the leads module: the QA queue and review, campaign QA settings, client
// delivery configurations and receipts, the reports, and the public transcription webhook.
import { createHttpHandler } from '../http/create-http-handler';
import { leadsModule } from '../composition';

export const handler = createHttpHandler(leadsModule);

// Lambda entry point of the telephony module: trunks, call campaigns, the agent console, the
// dialer's queues and reports, and the public Telnyx webhook.
import { createHttpHandler } from '../http/create-http-handler';
import { telephonyModule } from '../composition';

export const handler = createHttpHandler(telephonyModule);

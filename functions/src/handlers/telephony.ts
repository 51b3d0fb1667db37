// Lambda entry point of the telephony module (trunks, call campaigns, the agent console and calls,
// the Telnyx webhook, the dialer's queues and reports).
import { createHttpHandler } from '../http/create-http-handler';
import { telephonyModule } from '../composition';

export const handler = createHttpHandler(telephonyModule);

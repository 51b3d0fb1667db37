// Lambda entry point of the telephony module (trunks, call campaigns; the console, calls and the dialer as they land).
import { createHttpHandler } from '../http/create-http-handler';
import { telephonyModule } from '../composition';

export const handler = createHttpHandler(telephonyModule);

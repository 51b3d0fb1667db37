// Lambda entry point of the email module (campaigns; at merge also settings and tracking).
import { createHttpHandler } from '../http/create-http-handler';
import { emailModule } from '../composition';

export const handler = createHttpHandler(emailModule);

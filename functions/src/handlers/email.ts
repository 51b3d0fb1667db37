// Lambda entry point of the email module: campaigns, settings, tracking and feedback.
import { createHttpHandler } from '../http/create-http-handler';
import { emailModule } from '../composition';

export const handler = createHttpHandler(emailModule);

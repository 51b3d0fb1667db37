// Lambda entry point of the audience module (segments, static lists, domain sets).
import { createHttpHandler } from '../http/create-http-handler';
import { audienceModule } from '../modules/audience';

export const handler = createHttpHandler(audienceModule);

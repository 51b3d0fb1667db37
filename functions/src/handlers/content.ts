// Lambda entry point of the content module: the asset library and its versions, AI drafting,
// social posts, the Resources Centre (its signed inbound endpoint too) and tracking links.
import { createHttpHandler } from '../http/create-http-handler';
import { contentModule } from '../composition';

export const handler = createHttpHandler(contentModule);

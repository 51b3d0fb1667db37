// Lambda entry point of the content module: the asset library and its versions, AI drafting,
// social posts, the Resources Centre (its signed inbound endpoint too) and tracking links. AI
// drafting uses the lead pipeline's OpenAI key, read from the LEADS_AI secret at cold start on AWS.
import { withLeadsAiSecret } from '../adapters/leads-ai-secret';
import { createHttpHandler } from '../http/create-http-handler';
import { contentModule } from '../composition';

export const handler = withLeadsAiSecret(createHttpHandler(contentModule));

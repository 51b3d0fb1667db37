// Lambda entry point of the content module: the asset library and its versions, AI drafting,
// social posts, the Resources Centre (its signed inbound endpoint too) and tracking links. AI
// drafting's OpenAI key comes from the vendors' secret (LEADS_AI_SECRET_ARN), read at cold start.
import { withLeadsAiSecret } from '../adapters/leads-ai-secret';
import { createHttpHandler } from '../http/create-http-handler';
import { contentModule } from '../composition';

export const handler = withLeadsAiSecret(createHttpHandler(contentModule));

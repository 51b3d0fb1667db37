// The pipeline routes of the leads module (under /api/leads): AssemblyAI's transcription webhook,
// public and checked by its secret header in constant time (401 otherwise), taken once per
// transcript id.
import { defineRoute, reply, type Route } from '../../../http/route';
import type { LeadsHooks } from '../hooks';
import { ASSEMBLYAI_WEBHOOK_PATH, receiveTranscriptWebhook } from './transcribe';

export function pipelineRoutes(_hooks: LeadsHooks): Route[] {
  return [
    defineRoute({
      method: 'POST',
      path: ASSEMBLYAI_WEBHOOK_PATH,
      public: true,
      summary: 'AssemblyAI transcript notifications: checked by the secret auth header, applied once per transcript id; starts scoring',
      // Raw: the secret is checked before the body is read at all.
      rawBody: true,
      handler: async ({ deps, body, event, logger }) => {
        const outcome = await receiveTranscriptWebhook({ ...deps, logger }, { headers: event.headers ?? {}, rawBody: (body as string | undefined) ?? '' });
        return reply(200, { outcome });
      },
    }),
  ];
}

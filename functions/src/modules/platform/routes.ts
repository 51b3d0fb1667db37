// Platform routes: health, and the catch-all that answers unknown API paths with problem+json.
import { defineRoute, reply, type ApiModule } from '../../http/route';
import { checkHealth } from './health';

export const platformModule: ApiModule = {
  name: 'platform',
  routes: [
    defineRoute({
      method: 'GET',
      path: '/api/health',
      public: true,
      summary: 'Round-trips to every store; 503 when one fails',
      handler: async ({ deps }) => {
        const health = await checkHealth(deps);
        return reply(health.status === 'ok' ? 200 : 503, health);
      },
    }),
  ],
};

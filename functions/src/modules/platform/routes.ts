// Platform routes: health. Unknown API paths reach this module's Lambda too (the first of
// modules/index.ts; API Gateway's $default route), whose router answers them 404 problem+json.
import { defineRoute, reply, type ApiModule } from '../../http/route';
import { checkHealth } from './health';

export const platformModule: ApiModule = {
  name: 'platform',
  routes: [
    defineRoute({
      method: 'GET',
      path: '/api/health',
      roles: 'public',
      summary: 'Round-trips to every store; 503 when one fails',
      handler: async ({ deps }) => {
        const health = await checkHealth(deps);
        return reply(health.status === 'ok' ? 200 : 503, health);
      },
    }),
  ],
};

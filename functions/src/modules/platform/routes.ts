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
      public: true,
      summary: 'Round-trips to every store; 503 when one fails. The status only: latencies are internal',
      handler: async ({ deps }) => {
        const health = await checkHealth(deps);
        return reply(health.status === 'ok' ? 200 : 503, { status: health.status });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/health/details',
      capability: 'admin',
      // A report, answered 200 whatever it says: monitors probe the public route for the 503.
      summary: "Each store's answer and latency, and the version (a report: 200 even when degraded)",
      handler: async ({ deps }) => checkHealth(deps),
    }),
  ],
};

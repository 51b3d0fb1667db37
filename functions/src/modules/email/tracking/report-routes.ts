// The campaign report routes: the report, the recipients table and its CSV file. Whoever may send
// campaigns may read what became of them.
import { z } from 'zod';
import { recipientListQuerySchema } from '@shared/contracts/email';
import { defineRoute, reply, type Route } from '../../../http/route';
import { logSecurityEvent } from '../../../core/security-log';
import { campaignReport } from './report';
import { listRecipients, recipientsCsv } from './recipients';

const campaignParams = z.strictObject({ campaignId: z.string().uuid() });

export const reportRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    path: '/api/email/campaigns/{campaignId}/report',
    capability: 'email.send',
    summary: "A campaign's figures: totals, per variant, per hour, per link and per recipient domain, and the gate's exclusions",
    params: campaignParams,
    handler: async ({ deps, params }) => campaignReport(deps.db, params.campaignId),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/email/campaigns/{campaignId}/recipients',
    capability: 'email.send',
    summary: "A campaign's recipients with what happened to each message, filterable by status, event and search",
    params: campaignParams,
    query: recipientListQuerySchema,
    handler: async ({ deps, params, query }) => listRecipients(deps.db, params.campaignId, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/email/campaigns/{campaignId}/recipients/export',
    capability: 'email.send',
    summary: "A campaign's recipients as a CSV file (the same filters); X-Next-Cursor names where a larger campaign's next file starts",
    params: campaignParams,
    query: recipientListQuerySchema.omit({ limit: true }),
    rateLimit: 'export',
    handler: async ({ deps, params, query, principal, logger }) => {
      const csv = await recipientsCsv(deps.db, params.campaignId, query);
      logSecurityEvent(logger, 'data.exported', { actorId: principal.userId, resource: 'email_recipients', campaignId: params.campaignId, rows: csv.rows });
      return reply(200, undefined, {
        raw: { text: csv.text },
        rows: csv.rows,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="campaign-${params.campaignId}-recipients.csv"`,
          ...(csv.nextCursor ? { 'x-next-cursor': csv.nextCursor } : {}),
        },
      });
    },
  }),
];

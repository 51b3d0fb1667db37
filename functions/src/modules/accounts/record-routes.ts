// The routes every record type (accounts, contacts) has in the same shape: create-or-merge, bulk
// actions with undo, read, versioned PATCH, soft delete, restore and field history. One spec per
// record type says its names, its schemas and its service functions.
import { z } from 'zod';
import { historyQuerySchema, type accountBulkRequestSchema, type contactBulkRequestSchema } from '@shared/contracts/accounts';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Actor } from '../../core/actor';
import type { Deps } from '../../core/deps';
import { invalid } from '../../core/app-error';
import { recordIdParams } from '../../http/params';
import { defineRoute, noContent, reply, type Route } from '../../http/route';
import { listHistory } from '../../records/record-changes';
import { assertVisible, type RecordReader } from '../../records/record-scope';
import { bulkExport, runBulk, undoBulk, type BulkRequest } from './bulk';

const bulkParams = z.strictObject({ bulkId: z.string().uuid('is not a bulk operation id') });

export const etag = (version: number) => ({ etag: `"${version}"` });

/** The version a PATCH was based on: `version` in the body, or an If-Match header ("3", W/"3"). */
export function versionOf(body: { version?: number | undefined }, event: APIGatewayProxyEventV2): number {
  if (body.version !== undefined) return body.version;
  const header = event.headers?.['if-match'] ?? event.headers?.['If-Match'];
  const match = header ? /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim()) : null;
  if (match) return Number(match[1]);
  throw invalid('body.version', 'is required: send the version you read (or an If-Match header)');
}

interface Versioned {
  version: number;
}

export interface RecordRoutesSpec<C extends z.ZodType, U extends z.ZodType<{ version?: number | undefined }>, R extends Versioned> {
  entity: 'account' | 'contact';
  /** The path segment and export resource: `accounts`, `contacts`. */
  plural: 'accounts' | 'contacts';
  /** The record with its article, for the summaries: "an account". */
  noun: string;
  summaries: { create: string; read: string };
  createSchema: C;
  updateSchema: U;
  bulkSchema: typeof accountBulkRequestSchema | typeof contactBulkRequestSchema;
  create(deps: Deps, input: { request: z.infer<C>; actor: Actor }): Promise<{ record: R; created: boolean }>;
  get(deps: Deps, input: { id: string; reader: RecordReader }): Promise<R>;
  update(deps: Deps, input: { id: string; request: z.infer<U>; version: number; actor: Actor }): Promise<R>;
  remove(deps: Deps, input: { id: string; actor: Actor }): Promise<void>;
  restore(deps: Deps, input: { id: string; actor: Actor }): Promise<R>;
}

export function recordRoutes<C extends z.ZodType, U extends z.ZodType<{ version?: number | undefined }>, R extends Versioned>(
  spec: RecordRoutesSpec<C, U, R>,
): Route[] {
  const { entity, plural, noun } = spec;
  const base = `/api/${plural}`;
  return [
    defineRoute({
      method: 'POST',
      path: base,
      capability: 'records.write',
      summary: spec.summaries.create,
      body: spec.createSchema,
      handler: async ({ deps, body, actor }) => {
        const { record, created } = await spec.create(deps, { request: body as z.infer<C>, actor });
        return reply(created ? 201 : 200, record, { headers: etag(record.version) });
      },
    }),
    defineRoute({
      method: 'POST',
      path: `${base}/bulk`,
      capability: 'records.write',
      summary: `Update, delete, restore, add to a list or export selected ${plural} (ids, or a filter across all pages)`,
      body: spec.bulkSchema,
      handler: async ({ deps, body, principal, logger, actor }) =>
        body.action === 'export'
          ? bulkExport({ ...deps, logger }, principal, plural, body)
          : runBulk(deps, { entity, request: body as BulkRequest, actor }),
    }),
    defineRoute({
      method: 'POST',
      path: `${base}/bulk/{bulkId}/undo`,
      capability: 'records.write',
      summary: `Undo a bulk delete of ${plural}`,
      params: bulkParams,
      handler: async ({ deps, params, actor }) => undoBulk(deps, { entity, bulkId: params.bulkId, actor }),
    }),
    defineRoute({
      method: 'GET',
      path: `${base}/{id}`,
      capability: 'records.read',
      summary: spec.summaries.read,
      params: recordIdParams,
      handler: async ({ deps, params, principal }) => {
        const record = await spec.get(deps, { id: params.id, reader: principal });
        return reply(200, record, { headers: etag(record.version) });
      },
    }),
    defineRoute({
      method: 'PATCH',
      path: `${base}/{id}`,
      capability: 'records.write',
      summary: `Change fields of ${noun}; 409 stale_write when it changed since the version read`,
      params: recordIdParams,
      body: spec.updateSchema,
      handler: async ({ deps, params, body, event, actor }) => {
        const request = body as z.infer<U>;
        const record = await spec.update(deps, { id: params.id, request, version: versionOf(request, event), actor });
        return reply(200, record, { headers: etag(record.version) });
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: `${base}/{id}`,
      capability: 'records.write',
      summary: `Delete ${noun} (soft: it can be restored)`,
      params: recordIdParams,
      handler: async ({ deps, params, actor }) => noContent(spec.remove(deps, { id: params.id, actor })),
    }),
    defineRoute({
      method: 'POST',
      path: `${base}/{id}/restore`,
      capability: 'records.write',
      summary: `Restore a deleted ${entity}`,
      params: recordIdParams,
      handler: async ({ deps, params, actor }) => spec.restore(deps, { id: params.id, actor }),
    }),
    defineRoute({
      method: 'GET',
      path: `${base}/{id}/history`,
      capability: 'records.read',
      summary: `${noun[0]!.toUpperCase()}${noun.slice(1)}'s field history, newest first`,
      params: recordIdParams,
      query: historyQuerySchema,
      handler: async ({ deps, params, query, principal }) => {
        await assertVisible(deps.db, principal, entity, params.id);
        return listHistory(deps.db, { entity, entityId: params.id, ...query });
      },
    }),
  ];
}

// Deliveries as people see them (the dead-letter list is status=dead), one with its receipts, a
// configuration's test send, and a CSV configuration's file of delivered leads.
import { randomUUID } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { and, asc, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Delivery, DeliveryFileLink, DeliveryKind, DeliveryStatus, DeliveryTestResult } from '@shared/contracts/lead-delivery';
import type { z } from 'zod';
import type { deliveryListQuerySchema } from '@shared/contracts/lead-delivery';
import { AppError, invalid, notFound } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import { deliveryAttempts, deliveryConfigs, leadDeliveries, leads, organisations } from '../../../db/schema';
import { loadDeliverableLead, receiptOf, sendOnce, type DeliveryKit } from './engine';
import { csvText, type DeliverableLead, type FieldMapEntry } from './payload';

const FILE_LINK_SECONDS = 15 * 60;

const fullName = sql<string | null>`nullif(trim(concat_ws(' ', ${leads.fields}->>'firstName', ${leads.fields}->>'lastName')), '')`;

function selectDeliveries(deps: Deps) {
  return deps.db
    .select({
      d: leadDeliveries,
      leadName: fullName,
      configName: deliveryConfigs.name,
      kind: deliveryConfigs.kind,
      clientName: organisations.name,
    })
    .from(leadDeliveries)
    .innerJoin(deliveryConfigs, eq(deliveryConfigs.id, leadDeliveries.configId))
    .innerJoin(leads, eq(leads.id, leadDeliveries.leadId))
    .leftJoin(organisations, eq(organisations.id, deliveryConfigs.clientOrgId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectDeliveries>['where']>>[number];

const viewOf = (r: Selected): Delivery => ({
  id: r.d.id,
  leadId: r.d.leadId,
  leadName: r.leadName,
  configId: r.d.configId,
  configName: r.configName,
  kind: r.kind as DeliveryKind,
  clientName: r.clientName ?? '',
  status: r.d.status as DeliveryStatus,
  attempts: r.d.attempts,
  nextAttemptAt: r.d.nextAttemptAt?.toISOString() ?? null,
  lastError: r.d.lastError,
  deliveredAt: r.d.deliveredAt?.toISOString() ?? null,
  createdAt: r.d.createdAt.toISOString(),
});

const encodeCursor = (d: { createdAt: Date; id: string }) => Buffer.from(`${d.createdAt.toISOString()}|${d.id}`, 'utf8').toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(date.getTime())) throw invalid('query.cursor', 'is not a cursor of this list');
  return { at: date, id };
}

/** Newest first, filtered, a page at a time. */
export async function listDeliveries(deps: Deps, query: z.infer<typeof deliveryListQuerySchema>): Promise<{ items: Delivery[]; nextCursor: string | null }> {
  const filters: (SQL | undefined)[] = [
    query.status ? eq(leadDeliveries.status, query.status) : undefined,
    query.clientOrgId ? eq(deliveryConfigs.clientOrgId, query.clientOrgId) : undefined,
    query.leadId ? eq(leadDeliveries.leadId, query.leadId) : undefined,
  ];
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    filters.push(or(lt(leadDeliveries.createdAt, c.at), and(eq(leadDeliveries.createdAt, c.at), lt(leadDeliveries.id, c.id))));
  }
  const rows = await selectDeliveries(deps)
    .where(and(...filters))
    .orderBy(desc(leadDeliveries.createdAt), desc(leadDeliveries.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return { items: page.map(viewOf), nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!.d) : null };
}

export async function getDelivery(deps: Deps, id: string): Promise<Delivery> {
  const [row] = await selectDeliveries(deps).where(eq(leadDeliveries.id, id));
  if (!row) throw notFound('delivery');
  const receipts = await deps.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, id)).orderBy(asc(deliveryAttempts.attempt));
  return { ...viewOf(row), receipts: receipts.map(receiptOf) };
}

async function liveConfig(deps: Deps, id: string) {
  const [config] = await deps.db
    .select()
    .from(deliveryConfigs)
    .where(and(eq(deliveryConfigs.id, id), isNull(deliveryConfigs.deletedAt)));
  if (!config) throw notFound('delivery configuration');
  return config;
}

/** A sample lead for a test send: obviously not a person. */
function sampleLead(config: { clientOrgId: string; campaignId: string | null }, clientName: string): DeliverableLead {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    contactId: null,
    accountId: null,
    source: 'manual',
    approvedAt: new Date(0),
    fields: { firstName: 'Test', lastName: 'Lead', email: 'test.lead@example.com', phone: '+15555550100', title: 'Head of Testing', company: 'Example Inc', domain: 'example.com', country: 'US' },
    answers: {},
    campaignId: config.campaignId,
    campaignKind: null,
    campaignName: 'Test campaign',
    clientOrgId: config.clientOrgId,
    clientName,
  };
}

/** Sends a sample lead through the configuration once and answers the receipt; keeps no delivery. */
export async function testConfig(deps: Deps, kit: DeliveryKit, id: string): Promise<DeliveryTestResult> {
  const config = await liveConfig(deps, id);
  if (config.kind === 'csv') throw new AppError('conflict', { detail: 'A CSV configuration sends nothing: download its file instead.' });
  const [org] = await deps.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, config.clientOrgId));
  const at = deps.now();
  const outcome = await sendOnce(deps, kit, config, sampleLead(config, org?.name ?? ''), `test-${randomUUID()}`, 'lead.test');
  return {
    attempt: 1,
    at: at.toISOString(),
    httpStatus: outcome.httpStatus,
    responseExcerpt: outcome.responseExcerpt,
    error: outcome.error,
    durationMs: outcome.durationMs,
    delivered: outcome.verdict === 'delivered',
  };
}

/** The CSV of every lead delivered through a CSV configuration (oldest first), written to the bucket: a short-lived link. */
export async function configFileLink(deps: Deps, id: string): Promise<DeliveryFileLink> {
  const config = await liveConfig(deps, id);
  if (config.kind !== 'csv') throw new AppError('conflict', { detail: 'Only a CSV configuration has a file.' });
  const delivered = await deps.db
    .select({ leadId: leadDeliveries.leadId })
    .from(leadDeliveries)
    .where(and(eq(leadDeliveries.configId, id), eq(leadDeliveries.status, 'delivered')))
    .orderBy(asc(leadDeliveries.deliveredAt), asc(leadDeliveries.id));
  const rows: DeliverableLead[] = [];
  for (const { leadId } of delivered) {
    const lead = await loadDeliverableLead(deps.db, leadId);
    if (lead) rows.push(lead);
  }
  const now = deps.now();
  const key = `lead-deliveries/${id}/leads-${now.toISOString().replace(/[:.]/g, '-')}.csv`;
  await deps.aws.s3.send(new PutObjectCommand({ Bucket: deps.config.BUCKET_NAME, Key: key, Body: csvText(rows, config.fieldMap as FieldMapEntry[]), ContentType: 'text/csv' }));
  const url = await getSignedUrl(
    deps.aws.s3,
    new GetObjectCommand({ Bucket: deps.config.BUCKET_NAME, Key: key, ResponseContentType: 'text/csv', ResponseContentDisposition: `attachment; filename="${config.name.replace(/[^\w .-]/g, '_')}.csv"` }),
    { expiresIn: FILE_LINK_SECONDS },
  );
  return { url, expiresAt: new Date(now.getTime() + FILE_LINK_SECONDS * 1000).toISOString(), rows: rows.length };
}

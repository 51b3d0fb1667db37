// CSV exports of accounts or contacts: any selection (ids, or filter + search + exceptions, the
// same semantics as lists and bulk actions) in the template's columns or chosen ones, streamed
// page by page from Postgres into an S3 multipart upload, every cell formula-neutralized, with
// an optional UTF-8 BOM for Excel. The work runs as a workflow task, not in the API request.
import { desc, eq, sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import { normalizeHeader } from '@shared/csv/auto-map';
import { headerOfTarget, TEMPLATE_TARGETS, type TemplateTarget } from '@shared/csv/mapping-target';
import { neutralizeFormula } from '@shared/csv/neutralize-formula';
import type { createExportRequestSchema, ExportJob, ExportSelection } from '@shared/contracts/imports';
import type { Deps } from '../../core/deps';
import { invalid, notFound } from '../../core/app-error';
import type { Principal } from '../../core/principal';
import { exportJobs } from '../../db/schema';
import { queryRows } from '../../db/rows';
import { ACCOUNT_RESOURCE } from '../../records/fields';
import { SEGMENT_RESOURCE } from '../../records/segment-fields';
import { selectionCondition } from '../../records/selection';
import { logSecurityEvent } from '../../core/security-log';
import { bucketOf, TransientImportError } from './pipeline';
import { isTransientError } from '../../db/raw-sql';
import { ObjectWriter, presignDownload } from './s3-objects';
import { EXPORT_WORKFLOW_NAME } from '../../workflows/import';
import { startWorkflowExecution } from './start-workflow';
import type { ExportRow } from './views';

type ServiceDeps = Pick<Deps, 'db' | 'dbHandle' | 'aws' | 'config' | 'logger' | 'now'>;
type Resource = 'accounts' | 'contacts';

const PAGE_ROWS = 2000;
const DOWNLOAD_LINK_SECONDS = 15 * 60;

/** Columns an export of the resource may have: a contact row carries its account's columns too. */
function allowedTargets(resource: Resource): TemplateTarget[] {
  return TEMPLATE_TARGETS.filter((t) => resource === 'contacts' || t.startsWith('account.'));
}

/** Requested columns (template headers, "contact.email" or API keys) → targets, in order. */
export function resolveColumns(resource: Resource, requested: string[] | undefined): TemplateTarget[] {
  const allowed = allowedTargets(resource);
  if (!requested) return allowed;
  return requested.map((name, i) => {
    const key = normalizeHeader(name);
    const found =
      allowed.find((t) => t === name) ??
      allowed.find((t) => normalizeHeader(headerOfTarget(t)) === key) ??
      allowed.find((t) => normalizeHeader(t.split('.')[1]!) === key && (resource === 'accounts' || t.startsWith('contact.')));
    if (!found) throw invalid(`body.columns.${i}`, `"${name}" is not a template column of ${resource}`);
    return found;
  });
}

const SNAKE = (key: string) => key.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);

/** A stored value as a CSV cell: phones fall back to the number as written, lists use ';'. */
function cell(record: Record<string, unknown> | null, key: string): string {
  if (!record) return '';
  let value = record[SNAKE(key)];
  if ((value === null || value === undefined) && /phone$/i.test(key)) value = record[`${SNAKE(key)}_raw`];
  if (value === null || value === undefined) return '';
  // A list is one cell too: it is neutralized as a whole, like any other text.
  return neutralizeFormula(Array.isArray(value) ? value.join(';') : String(value));
}

export async function createExport(deps: ServiceDeps, principal: Principal, input: z.output<typeof createExportRequestSchema>): Promise<ExportJob> {
  const columns = resolveColumns(input.resource, input.columns);
  // Compile the selection now, so a bad filter is a 400 here rather than a failed job later.
  selectionOf(input.resource, input.selection);
  const [row] = await deps.db
    .insert(exportJobs)
    .values({ resource: input.resource, selection: input.selection, columns, bom: input.bom, status: 'running', createdBy: principal.userId })
    .returning();
  await startWorkflowExecution(deps.aws.sfn, EXPORT_WORKFLOW_NAME, `${row!.id}`, { exportId: row!.id });
  // Who took which data out: the selection's kind and size, never its values (a filter may hold addresses).
  logSecurityEvent(deps.logger, 'data.exported', {
    actorId: principal.userId,
    orgId: principal.orgId,
    exportId: row!.id,
    resource: input.resource,
    selection: 'ids' in input.selection ? `${input.selection.ids.length} ids` : 'filter',
    columns: columns.length,
  });
  return exportView(deps, row!);
}

/**
 * Contacts are selected as a segment sees them: the contact fields plus the audience criteria
 * (list membership, domain sets, suppression, consent), so a segment's filter exports as it is.
 */
function selectionOf(resource: Resource, selection: ExportSelection) {
  const fields = resource === 'accounts' ? ACCOUNT_RESOURCE : SEGMENT_RESOURCE;
  return 'ids' in selection
    ? selectionCondition(fields, { ids: selection.ids }, 'body.selection.filter')
    : selectionCondition(fields, { filter: selection.filter, q: selection.q, except: selection.except }, 'body.selection.filter');
}

/** The export task: stream every selected row into the CSV object, then mark the job done. */
export async function runExport(deps: ServiceDeps, exportId: string): Promise<{ exportId: string; rows: number }> {
  const [job] = await deps.db.select().from(exportJobs).where(eq(exportJobs.id, exportId));
  if (!job) throw new Error(`Export ${exportId} does not exist.`);
  if (job.status !== 'running') return { exportId, rows: job.rowCount };
  const resource = job.resource as Resource;
  const columns = job.columns as TemplateTarget[];
  const where = selectionOf(resource, job.selection as ExportSelection);
  const key = `exports/${exportId}/${resource}.csv`;
  const writer = new ObjectWriter(bucketOf(deps), key, 'text/csv; charset=utf-8');
  let rows = 0;
  try {
    await writer.write((job.bom ? '\ufeff' : '') + stringify([columns.map(headerOfTarget)], { record_delimiter: '\r\n' }));
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      // One page of the selection in id order, the contact's live account joined (keyset: no
      // OFFSET); a soft-deleted account's data stays out of the file.
      type PageRow = { id: string; c: Record<string, unknown> | string | null; a: Record<string, unknown> | string | null };
      const page =
        resource === 'contacts'
          ? await queryRows<PageRow>(
              deps.db,
              sql`SELECT contacts.id, row_to_json(contacts.*) AS c, row_to_json(accounts.*) AS a
                    FROM contacts LEFT JOIN accounts ON accounts.id = contacts.account_id AND accounts.deleted_at IS NULL
                   WHERE ${where} AND contacts.id > ${after}::uuid ORDER BY contacts.id LIMIT ${PAGE_ROWS}`,
            )
          : await queryRows<PageRow>(
              deps.db,
              sql`SELECT accounts.id, NULL AS c, row_to_json(accounts.*) AS a FROM accounts
                   WHERE ${where} AND accounts.id > ${after}::uuid ORDER BY accounts.id LIMIT ${PAGE_ROWS}`,
            );
      if (!page.length) break;
      const records = page.map((r) => {
        const c = typeof r.c === 'string' ? (JSON.parse(r.c) as Record<string, unknown>) : r.c;
        const a = typeof r.a === 'string' ? (JSON.parse(r.a) as Record<string, unknown>) : r.a;
        return columns.map((t) => {
          const [entity, field] = t.split('.') as ['contact' | 'account', string];
          return cell(entity === 'contact' ? c : a, field);
        });
      });
      await writer.write(stringify(records, { record_delimiter: '\r\n' }));
      rows += page.length;
      after = page[page.length - 1]!.id;
      if (page.length < PAGE_ROWS) break;
    }
    await writer.end();
  } catch (error) {
    await writer.abort();
    // A transient failure is retried by the workflow from the start; anything else ends the job.
    if (isTransientError(error)) throw new TransientImportError((error as Error).message, { cause: error });
    await deps.db
      .update(exportJobs)
      .set({ status: 'failed', failureReason: 'The export failed unexpectedly: try again.', finishedAt: deps.now(), updatedAt: deps.now() })
      .where(eq(exportJobs.id, exportId));
    throw error;
  }
  await deps.db
    .update(exportJobs)
    .set({ status: 'completed', rowCount: rows, objectKey: key, finishedAt: deps.now(), updatedAt: deps.now() })
    .where(eq(exportJobs.id, exportId));
  deps.logger.info('export completed', { exportId, resource, rows });
  return { exportId, rows };
}

async function exportView(deps: ServiceDeps, row: ExportRow): Promise<ExportJob> {
  const fileName = `${row.resource}-${row.createdAt.toISOString().slice(0, 10)}.csv`;
  return {
    id: row.id,
    resource: row.resource as Resource,
    status: row.status as ExportJob['status'],
    rowCount: row.rowCount,
    columns: (row.columns as TemplateTarget[]).map(headerOfTarget),
    bom: row.bom,
    failureReason: row.failureReason,
    download:
      row.status === 'completed' && row.objectKey
        ? {
            url: await presignDownload(bucketOf(deps), row.objectKey, fileName, DOWNLOAD_LINK_SECONDS),
            fileName,
            expiresAt: new Date(deps.now().getTime() + DOWNLOAD_LINK_SECONDS * 1000).toISOString(),
          }
        : null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function getExport(deps: ServiceDeps, exportId: string): Promise<ExportJob> {
  const [row] = await deps.db.select().from(exportJobs).where(eq(exportJobs.id, exportId));
  if (!row) throw notFound('export');
  return exportView(deps, row);
}

export async function listExports(deps: ServiceDeps): Promise<{ items: ExportJob[] }> {
  const rows = await deps.db.select().from(exportJobs).orderBy(desc(exportJobs.createdAt), desc(exportJobs.id)).limit(50);
  return { items: await Promise.all(rows.map((r) => exportView(deps, r))) };
}



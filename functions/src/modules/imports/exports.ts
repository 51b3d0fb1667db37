// CSV exports of accounts or contacts: any selection (ids, or filter + search + exceptions, the
// same semantics as lists and bulk actions) in the template's columns or chosen ones, streamed
// page by page from Postgres into an S3 multipart upload, every cell formula-neutralized, with
// an optional UTF-8 BOM for Excel. The work runs as a workflow task, not in the API request: a
// page at a time, yielding to the event loop between pages, checkpointed at each uploaded part so
// a retried or resumed run continues the same upload; cancel and retry through the API.
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { StopExecutionCommand } from '@aws-sdk/client-sfn';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import { normalizeHeader } from '@shared/csv/auto-map';
import { headerOfTarget, TEMPLATE_TARGETS, type TemplateTarget } from '@shared/csv/mapping-target';
import { neutralizeFormula } from '@shared/csv/neutralize-formula';
import type { createExportRequestSchema, ExportJob, ExportSelection } from '@shared/contracts/imports';
import type { Deps } from '../../core/deps';
import { AppError, invalid, notFound } from '../../core/app-error';
import type { Principal } from '../../core/principal';
import { exportJobs } from '../../db/schema';
import { queryRows } from '../../db/rows';
import { ACCOUNT_RESOURCE } from '../../records/fields';
import { SEGMENT_RESOURCE } from '../../records/segment-fields';
import { selectionCondition } from '../../records/selection';
import { logSecurityEvent } from '../../core/security-log';
import { bucketOf, TransientImportError } from './pipeline';
import { isTransientError } from '../../db/raw-sql';
import { ObjectWriter, presignDownload, type UploadState } from './s3-objects';
import { EXPORT_WORKFLOW_NAME } from '../../workflows/import';
import { startWorkflowExecution } from './start-workflow';
import type { ExportRow } from './views';
import { redactError } from '../../http/redact-error';

type ServiceDeps = Pick<Deps, 'db' | 'dbHandle' | 'aws' | 'config' | 'logger' | 'now'>;
type Resource = 'accounts' | 'contacts';

const DOWNLOAD_LINK_SECONDS = 15 * 60;

export interface ExportSettings {
  /** Rows read per query; the task yields to the event loop between pages. */
  pageRows: number;
  /** Size of the file's multipart parts; progress is saved at each one. */
  partBytes: number;
}

export const DEFAULT_EXPORT: ExportSettings = { pageRows: 2000, partBytes: 8 * 1024 * 1024 };

/** How far a run got: the upload's parts and the last row they hold. */
interface ExportCheckpoint extends UploadState {
  after: string;
  rows: number;
}

const FIRST_ID = '00000000-0000-0000-0000-000000000000';
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

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

/** The request as a stable fingerprint: a key used again must come with the same request. */
function requestFingerprint(resource: string, selection: unknown, columns: string[], bom: boolean): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
        : value;
  return createHash('sha256').update(JSON.stringify(canonical({ resource, selection, columns, bom }))).digest('hex');
}

/**
 * Creates the job and starts its workflow; the request answers at once. With an idempotency key,
 * a retried request gets the export the first one created (`created: false`) instead of another.
 */
export async function createExport(
  deps: ServiceDeps,
  principal: Principal,
  input: z.output<typeof createExportRequestSchema>,
  idempotencyKey?: string,
): Promise<ExportJob & { created: boolean }> {
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw invalid('headers.idempotency-key', 'must be 1 to 200 visible ASCII characters');
  }
  const columns = resolveColumns(input.resource, input.columns);
  // Compile the selection now, so a bad filter is a 400 here rather than a failed job later.
  selectionOf(input.resource, input.selection);
  const fingerprint = requestFingerprint(input.resource, input.selection, columns, input.bom);
  const [row] = await deps.db
    .insert(exportJobs)
    .values({
      resource: input.resource,
      selection: input.selection,
      columns,
      bom: input.bom,
      status: 'running',
      createdBy: principal.userId,
      idempotencyKey: idempotencyKey ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return { ...(await replayExport(deps, principal, idempotencyKey!, fingerprint)), created: false };
  const started = await startExport(deps, row);
  // Who took which data out: the selection's kind and size, never its values (a filter may hold addresses).
  logSecurityEvent(deps.logger, 'data.exported', {
    actorId: principal.userId,
    orgId: principal.orgId,
    exportId: row.id,
    resource: input.resource,
    selection: 'ids' in input.selection ? `${input.selection.ids.length} ids` : 'filter',
    columns: columns.length,
  });
  return { ...(await exportView(deps, started)), created: true };
}

/** The export an earlier request with this key made; the key with another request is a conflict. */
async function replayExport(deps: ServiceDeps, principal: Principal, idempotencyKey: string, fingerprint: string): Promise<ExportJob> {
  const [earlier] = await deps.db
    .select()
    .from(exportJobs)
    .where(and(eq(exportJobs.createdBy, principal.userId), eq(exportJobs.idempotencyKey, idempotencyKey)));
  if (earlier && requestFingerprint(earlier.resource, earlier.selection, earlier.columns as string[], earlier.bom) === fingerprint) {
    return exportView(deps, earlier);
  }
  throw new AppError('conflict', { detail: 'This Idempotency-Key was used for a different export request.' });
}

/** Starts a run of the export workflow for the job (an execution per run) and records it. */
async function startExport(deps: ServiceDeps, row: ExportRow): Promise<ExportRow> {
  const executionArn = await startWorkflowExecution(deps.aws.sfn, EXPORT_WORKFLOW_NAME, `${row.id}-${deps.now().getTime()}`, { exportId: row.id });
  const [updated] = await deps.db.update(exportJobs).set({ executionArn }).where(eq(exportJobs.id, row.id)).returning();
  return updated ?? row;
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

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The export task: streams the selected rows into the CSV object, then marks the job done. It
 * continues from the job's checkpoint when there is one, so a retried or resumed run neither
 * repeats nor skips a row, and the row count it reports never goes back. It stops when the job
 * is no longer running (cancelled).
 */
export async function runExport(deps: ServiceDeps, exportId: string, settings: ExportSettings = DEFAULT_EXPORT): Promise<{ exportId: string; rows: number }> {
  const [job] = await deps.db.select().from(exportJobs).where(eq(exportJobs.id, exportId));
  if (!job) throw new Error(`Export ${exportId} does not exist.`);
  if (job.status !== 'running') return { exportId, rows: job.rowCount };
  const resource = job.resource as Resource;
  const columns = job.columns as TemplateTarget[];
  const where = selectionOf(resource, job.selection as ExportSelection);
  const key = `exports/${exportId}/${resource}.csv`;
  const checkpoint = job.checkpoint as ExportCheckpoint | null;
  const writer = new ObjectWriter(bucketOf(deps), key, 'text/csv; charset=utf-8', {
    partBytes: settings.partBytes,
    ...(checkpoint ? { resume: { uploadId: checkpoint.uploadId, parts: checkpoint.parts } } : {}),
  });
  let rows = checkpoint?.rows ?? 0;
  let after = checkpoint?.after ?? FIRST_ID;
  try {
    if (!checkpoint) await writer.write((job.bom ? '\ufeff' : '') + stringify([columns.map(headerOfTarget)], { record_delimiter: '\r\n' }));
    for (;;) {
      // Between pages the API requests sharing this process (the local stack) get their turn.
      await yieldToEventLoop();
      const [current] = await deps.db.select({ status: exportJobs.status }).from(exportJobs).where(eq(exportJobs.id, exportId));
      if (current?.status !== 'running') {
        await writer.abort();
        return { exportId, rows };
      }
      // One page of the selection in id order, the contact's live account joined (keyset: no
      // OFFSET); a soft-deleted account's data stays out of the file.
      type PageRow = { id: string; c: Record<string, unknown> | string | null; a: Record<string, unknown> | string | null };
      const page =
        resource === 'contacts'
          ? await queryRows<PageRow>(
              deps.db,
              sql`SELECT contacts.id, row_to_json(contacts.*) AS c, row_to_json(accounts.*) AS a
                    FROM contacts LEFT JOIN accounts ON accounts.id = contacts.account_id AND accounts.deleted_at IS NULL
                   WHERE ${where} AND contacts.id > ${after}::uuid ORDER BY contacts.id LIMIT ${settings.pageRows}`,
            )
          : await queryRows<PageRow>(
              deps.db,
              sql`SELECT accounts.id, NULL AS c, row_to_json(accounts.*) AS a FROM accounts
                   WHERE ${where} AND accounts.id > ${after}::uuid ORDER BY accounts.id LIMIT ${settings.pageRows}`,
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
      const uploaded = await writer.write(stringify(records, { record_delimiter: '\r\n' }));
      rows += page.length;
      after = page[page.length - 1]!.id;
      // A part went up holding every row so far: from here on a new run continues after it.
      if (uploaded) await saveCheckpoint(deps, exportId, { ...writer.uploadState()!, after, rows });
      if (page.length < settings.pageRows) break;
    }
    await writer.end();
  } catch (error) {
    // A transient failure is retried by the workflow from the last checkpoint, whose upload stays open.
    if (isTransientError(error)) throw new TransientImportError((error as Error).message, { cause: error });
    await writer.abort();
    await failExport(deps, exportId, 'The export failed unexpectedly: try again.');
    throw error;
  }
  const [done] = await deps.db
    .update(exportJobs)
    .set({ status: 'completed', rowCount: rows, objectKey: key, checkpoint: null, finishedAt: deps.now(), updatedAt: deps.now() })
    .where(and(eq(exportJobs.id, exportId), eq(exportJobs.status, 'running')))
    .returning();
  if (done) deps.logger.info('export completed', { exportId, resource, rows });
  return { exportId, rows };
}

/** The progress users see is the checkpoint's: rows already in uploaded parts, committed durably. */
async function saveCheckpoint(deps: ServiceDeps, exportId: string, checkpoint: ExportCheckpoint): Promise<void> {
  await deps.db
    .update(exportJobs)
    .set({ checkpoint, rowCount: checkpoint.rows, updatedAt: deps.now() })
    .where(and(eq(exportJobs.id, exportId), eq(exportJobs.status, 'running')));
}

/** MarkFailed of the export workflow (and the task's own unexpected errors): a running job fails with the reason. */
export async function failExport(deps: Pick<Deps, 'db' | 'now'>, exportId: string, reason: string): Promise<{ exportId: string; status: string }> {
  const [row] = await deps.db
    .update(exportJobs)
    .set({ status: 'failed', failureReason: reason, checkpoint: null, finishedAt: deps.now(), updatedAt: deps.now() })
    .where(and(eq(exportJobs.id, exportId), eq(exportJobs.status, 'running')))
    .returning({ status: exportJobs.status });
  if (row) return { exportId, status: row.status };
  const [current] = await deps.db.select({ status: exportJobs.status }).from(exportJobs).where(eq(exportJobs.id, exportId));
  return { exportId, status: current?.status ?? 'missing' };
}

/** Stops a running export; its partial file is discarded by the task at its next page. */
export async function cancelExport(deps: ServiceDeps, exportId: string): Promise<ExportJob> {
  const [row] = await deps.db
    .update(exportJobs)
    .set({ status: 'cancelled', checkpoint: null, finishedAt: deps.now(), updatedAt: deps.now() })
    .where(and(eq(exportJobs.id, exportId), eq(exportJobs.status, 'running')))
    .returning();
  if (!row) {
    const current = await findExport(deps, exportId);
    throw new AppError('conflict', { detail: `This export is already ${current.status}.` });
  }
  if (row.executionArn) {
    await deps.aws.sfn.send(new StopExecutionCommand({ executionArn: row.executionArn, cause: 'Cancelled by a user' })).catch((error: unknown) => {
      deps.logger.warn('could not stop the export execution', { exportId, error: redactError(error) });
    });
  }
  return exportView(deps, row);
}

/** Runs a failed or cancelled export again from the start, as the same job. */
export async function retryExport(deps: ServiceDeps, exportId: string): Promise<ExportJob> {
  const [row] = await deps.db
    .update(exportJobs)
    .set({ status: 'running', rowCount: 0, objectKey: null, failureReason: null, checkpoint: null, resumes: 0, finishedAt: null, updatedAt: deps.now() })
    .where(and(eq(exportJobs.id, exportId), sql`${exportJobs.status} IN ('failed', 'cancelled')`))
    .returning();
  if (!row) {
    const current = await findExport(deps, exportId);
    throw new AppError('conflict', { detail: `This export is ${current.status}; only a failed or cancelled export can be retried.` });
  }
  return exportView(deps, await startExport(deps, row));
}

/** Starts a new run of a running export whose workflow is gone; it continues from the checkpoint. */
export async function relaunchExport(deps: ServiceDeps, row: ExportRow): Promise<ExportRow> {
  return startExport(deps, row);
}

async function findExport(deps: Pick<Deps, 'db'>, exportId: string): Promise<ExportRow> {
  const [row] = await deps.db.select().from(exportJobs).where(eq(exportJobs.id, exportId));
  if (!row) throw notFound('export');
  return row;
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
  return exportView(deps, await findExport(deps, exportId));
}

export async function listExports(deps: ServiceDeps): Promise<{ items: ExportJob[] }> {
  const rows = await deps.db.select().from(exportJobs).orderBy(desc(exportJobs.createdAt), desc(exportJobs.id)).limit(50);
  return { items: await Promise.all(rows.map((r) => exportView(deps, r))) };
}

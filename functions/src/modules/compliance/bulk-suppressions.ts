// Bulk upload of suppression entries from CSV text or an uploaded S3 object: parsed as a stream,
// normalized, and inserted a batch at a time (one INSERT … ON CONFLICT DO NOTHING per batch).
// Each line is reported as added, duplicate (already listed or repeated in the file) or invalid.
// Batches commit one by one; running the same file again only finds duplicates.
import { randomUUID } from 'node:crypto';
import { Readable, pipeline } from 'node:stream';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { parse, type Info } from 'csv-parse';
import {
  MAX_REPORTED_LINES,
  SUPPRESSION_REASONS,
  type BulkLine,
  type BulkSuppressionRequest,
  type BulkSuppressionResponse,
  type SuppressionReason,
} from '@shared/contracts/compliance';
import type { Deps } from '../../core/deps';
import { AppError, invalid } from '../../core/app-error';
import type { Actor } from '../../core/actor';
import { normalizeListValue } from './suppression-values';
import { insertSuppressions, type NewSuppression } from './suppressions-repo';

/** Rows per INSERT: large enough to amortise the round trip, small enough for one statement. */
export const BULK_BATCH_ROWS = 5000;
/** A file larger than this goes through the import pipeline's drop folder, not one API call. */
export const MAX_BULK_ROWS = 1_000_000;
/** Uploaded suppression files live under this prefix of the data bucket. */
export const SUPPRESSION_UPLOAD_PREFIX = 'suppressions/uploads/';
const UPLOAD_URL_TTL_SECONDS = 900;

const VALUE_HEADERS = {
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'domain', 'value'],
  phone: ['phone', 'phone number', 'number', 'telephone', 'mobile', 'value', 'e164'],
} as const;
const REASON_HEADER = 'reason';
const DELIMITERS = [',', ';', '\t', '|'] as const;

interface PendingLine {
  line: number;
  input: string;
  key: string;
  row: NewSuppression;
}

/** The most frequent candidate delimiter on the first line (a one-column file has none: comma). */
function detectDelimiter(firstLine: string): string {
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

const headerKey = (cell: string) => cell.trim().toLowerCase().replace(/[_\s]+/g, ' ');

class BulkReport {
  rows = 0;
  added = 0;
  duplicates = 0;
  invalid = 0;
  readonly duplicateLines: BulkLine[] = [];
  readonly invalidLines: BulkLine[] = [];
  truncated = false;

  duplicate(line: number, value: string): void {
    this.duplicates++;
    if (this.duplicateLines.length < MAX_REPORTED_LINES) this.duplicateLines.push({ line, value });
    else this.truncated = true;
  }

  bad(line: number, value: string, reason: string): void {
    this.invalid++;
    if (this.invalidLines.length < MAX_REPORTED_LINES) this.invalidLines.push({ line, value, reason });
    else this.truncated = true;
  }

  toResponse(): BulkSuppressionResponse {
    const { rows, added, duplicates, invalid, duplicateLines, invalidLines, truncated } = this;
    return { rows, added, duplicates, invalid, duplicateLines, invalidLines, truncated };
  }
}

/** Text chunks of the CSV: the inline body, or the S3 object streamed. */
async function* sourceChunks(deps: Pick<Deps, 'aws' | 'config'>, request: BulkSuppressionRequest): AsyncGenerator<string> {
  if (request.csv !== undefined) {
    yield request.csv;
    return;
  }
  const key = request.s3Key!;
  // An empty, `.` or `..` segment is never a key we hand out, and S3 stand-ins fail on `//`.
  const badSegment = key.split('/').some((segment) => segment === '' || segment === '.' || segment === '..');
  if (!key.startsWith(SUPPRESSION_UPLOAD_PREFIX) || badSegment) {
    throw invalid('body.s3Key', `must be a key under ${SUPPRESSION_UPLOAD_PREFIX} (ask POST /api/suppressions/uploads for one)`);
  }
  let body: Readable;
  try {
    const object = await deps.aws.s3.send(new GetObjectCommand({ Bucket: deps.config.BUCKET_NAME, Key: key }));
    body = object.Body as Readable;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'NoSuchKey' || name === 'NotFound') throw invalid('body.s3Key', 'no such uploaded file');
    throw error;
  }
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of body) yield decoder.decode(chunk as Uint8Array, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Records of the CSV with the line each starts on; the delimiter is read from the first line. */
async function* csvRecords(chunks: AsyncGenerator<string>): AsyncGenerator<{ cells: string[]; line: number }> {
  const first = await chunks.next();
  if (first.done) return;
  const head = first.value.replace(/^\uFEFF/, '');
  const parser = parse({
    delimiter: detectDelimiter(head.split(/\r\n|\n|\r/, 1)[0] ?? ''),
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    // Files put together by hand mix line endings; any of the three ends a record.
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: true,
    trim: true,
  });
  // pipeline: a consumer that stops early destroys the parser, which closes the source (the S3 body).
  pipeline(Readable.from(withHead(head, chunks)), parser, () => undefined);
  for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
    // info.lines is the line the record ends on; a quoted value may span lines.
    const embeddedBreaks = item.record.join('').split(/\r\n|\n|\r/).length - 1;
    yield { cells: item.record, line: item.info.lines - embeddedBreaks };
  }
}

async function* withHead(head: string, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  yield head;
  yield* rest;
}

export async function bulkAddSuppressions(
  deps: Pick<Deps, 'db' | 'now' | 'aws' | 'config'>,
  input: { request: BulkSuppressionRequest; context: Actor },
): Promise<BulkSuppressionResponse> {
  const { request, context } = input;
  const report = new BulkReport();
  const source = request.source ?? (request.s3Key ? `upload:${request.s3Key.slice(SUPPRESSION_UPLOAD_PREFIX.length)}` : 'bulk');
  const at = deps.now();
  let valueColumn = 0;
  let reasonColumn = -1;
  let sawFirst = false;
  let batch: PendingLine[] = [];

  const flush = async () => {
    if (!batch.length) return;
    // Repeats inside the batch count as duplicates at once; the first occurrence goes to the database.
    const firstOf = new Map<string, PendingLine>();
    for (const pending of batch) {
      if (firstOf.has(pending.key)) report.duplicate(pending.line, pending.input);
      else firstOf.set(pending.key, pending);
    }
    const inserted = await insertSuppressions(
      deps.db,
      [...firstOf.values()].map((p) => p.row),
      { createdBy: context.userId, at },
    );
    const added = new Set(inserted.map((r) => `${r.type}:${r.value}`));
    for (const [key, pending] of firstOf) {
      if (added.has(key)) report.added++;
      else report.duplicate(pending.line, pending.input);
    }
    batch = [];
  };

  try {
    for await (const { cells, line } of csvRecords(sourceChunks(deps, request))) {
      if (!sawFirst) {
        sawFirst = true;
        const headers = cells.map(headerKey);
        const valueAt = headers.findIndex((h) => (VALUE_HEADERS[request.list] as readonly string[]).includes(h));
        if (valueAt >= 0) {
          valueColumn = valueAt;
          reasonColumn = headers.indexOf(REASON_HEADER);
          continue;
        }
      }
      report.rows++;
      if (report.rows > MAX_BULK_ROWS) {
        throw new AppError('payload_too_large', {
          detail: `A bulk upload holds at most ${MAX_BULK_ROWS} lines; ${report.added} were added before the limit. Split the file.`,
        });
      }
      const inputValue = cells[valueColumn] ?? '';
      let reason: SuppressionReason = request.reason;
      if (reasonColumn >= 0 && cells[reasonColumn]) {
        const rowReason = cells[reasonColumn]!.trim().toLowerCase();
        if (!(SUPPRESSION_REASONS as readonly string[]).includes(rowReason)) {
          report.bad(line, inputValue, `reason must be one of ${SUPPRESSION_REASONS.join(', ')}`);
          continue;
        }
        reason = rowReason as SuppressionReason;
      }
      const normalized = normalizeListValue(request.list, inputValue, request.defaultCountry);
      if (!normalized.ok) {
        report.bad(line, inputValue, normalized.reason);
        continue;
      }
      batch.push({
        line,
        input: inputValue,
        key: `${normalized.type}:${normalized.value}`,
        row: { type: normalized.type, value: normalized.value, reason, source, note: null },
      });
      if (batch.length >= BULK_BATCH_ROWS) await flush();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code?.startsWith?.('CSV_')) {
      throw new AppError('unprocessable', { detail: `The file is not readable CSV: ${(error as Error).message}` });
    }
    throw error;
  }
  if (!sawFirst) throw new AppError('unprocessable', { detail: 'The file is empty.' });
  await flush();
  return report.toResponse();
}

/** A presigned PUT for a suppression file; pass the key to the bulk upload afterwards. */
export async function createSuppressionUpload(deps: Pick<Deps, 'aws' | 'config'>): Promise<{ key: string; url: string; expiresIn: number }> {
  const key = `${SUPPRESSION_UPLOAD_PREFIX}${randomUUID()}.csv`;
  const url = await getSignedUrl(deps.aws.s3, new PutObjectCommand({ Bucket: deps.config.BUCKET_NAME, Key: key, ContentType: 'text/csv' }), {
    expiresIn: UPLOAD_URL_TTL_SECONDS,
  });
  return { key, url, expiresIn: UPLOAD_URL_TTL_SECONDS };
}

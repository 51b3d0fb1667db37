// The imports and exports API: browser upload (presigned multipart), the analysis shown on the
// mapping screen, confirm-and-start, job progress and history, dry-run report, revert, mapping
// profiles, and CSV exports. The handlers validate with these schemas; the SPA uses the same ones.
import { z } from 'zod';
import { cursorPageSchema, pageQueryFields } from './paging';
import { SUPPORTED_ENCODINGS } from '../csv/detect-encoding';
import { DELIMITERS } from '../csv/detect-delimiter';
import { isCustomTarget, isTemplateTarget, type ColumnTarget } from '../csv/mapping-target';
import { filterSchema } from './filters';

const isoDateTime = z.string().datetime({ offset: true });

// ── limits ───────────────────────────────────────────────────────────────────────────────────
export const IMPORT_MAX_FILE_BYTES = 1024 * 1024 * 1024;
/** Multipart part size for browser and CLI uploads (S3's minimum is 5 MiB). */
export const IMPORT_PART_BYTES = 16 * 1024 * 1024;
export const IMPORT_MAX_COLUMNS = 500;
export const IMPORT_MAX_FIELD_CHARS = 5000;

// ── mapping ──────────────────────────────────────────────────────────────────────────────────
export const columnTargetSchema = z
  .string()
  .nullable()
  .refine((v) => v === null || isTemplateTarget(v) || isCustomTarget(v), 'must be a template field (contact.email), a custom field (contact.custom.name) or null')
  .transform((v) => v as ColumnTarget);

/** The confirmed mapping: a target (or null to ignore) for each column of the file, by index. */
export const columnMappingSchema = z
  .array(z.object({ column: z.number().int().min(0).max(IMPORT_MAX_COLUMNS - 1), target: columnTargetSchema }))
  .max(IMPORT_MAX_COLUMNS)
  .superRefine((mapping, ctx) => {
    const seen = new Map<string, number>();
    mapping.forEach((m, i) => {
      if (m.target === null) return;
      const first = seen.get(m.target);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'target'], message: `${m.target} is already mapped from column ${mapping[first]!.column}` });
      else seen.set(m.target, i);
    });
  });
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const DEDUPE_MODES = ['skip', 'update', 'fill'] as const;
export type DedupeMode = (typeof DEDUPE_MODES)[number];

export const importOptionsSchema = z.strictObject({
  /** skip: leave existing contacts alone; update: overwrite the fields the file carries (Research Date rule); fill: only empty fields. */
  dedupeMode: z.enum(DEDUPE_MODES).default('update'),
  /** Tags the new records' `source` (a Source column in the file wins). */
  source: z.string().trim().min(1).max(200).optional(),
  /** ISO alpha-2 used for phones without an international prefix when the row has no country. */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as US').optional(),
  /** Static list to add the imported contacts to (accepted once lists exist). */
  listId: z.string().uuid().optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

// ── upload ───────────────────────────────────────────────────────────────────────────────────
export const createUploadRequestSchema = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((v) => !/[\\/\0]/.test(v), 'must be a file name, not a path'),
  fileSize: z.number().int().min(1, 'the file is empty').max(IMPORT_MAX_FILE_BYTES, 'files are limited to 1 GB'),
});
export type CreateUploadRequest = z.infer<typeof createUploadRequestSchema>;

export const createUploadResponseSchema = z.object({
  jobId: z.string().uuid(),
  partSize: z.number().int(),
  /** PUT each part's bytes to its URL and keep the ETag response header. */
  parts: z.array(z.object({ partNumber: z.number().int(), url: z.string() })),
  expiresAt: isoDateTime,
});
export type CreateUploadResponse = z.infer<typeof createUploadResponseSchema>;

export const completeUploadRequestSchema = z.strictObject({
  parts: z.array(z.object({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(200) })).min(1).max(10_000),
});
export type CompleteUploadRequest = z.infer<typeof completeUploadRequestSchema>;

// ── analysis ─────────────────────────────────────────────────────────────────────────────────
export const MATCH_METHODS = ['exact', 'synonym', 'fuzzy', 'profile', 'custom', 'ignored'] as const;

export const analysedColumnSchema = z.object({
  column: z.number().int(),
  header: z.string(),
  target: z.string().nullable(),
  confidence: z.number(),
  method: z.enum(MATCH_METHODS),
  /** The first non-empty values of the column. */
  samples: z.array(z.string()),
});
export type AnalysedColumn = z.infer<typeof analysedColumnSchema>;

export const importAnalysisSchema = z.object({
  encoding: z.enum(SUPPORTED_ENCODINGS),
  delimiter: z.enum(DELIMITERS),
  /** 0-based record index of the header row (rows above it are a preamble and skipped). */
  headerRow: z.number().int(),
  columns: z.array(analysedColumnSchema),
  /** The first data rows as read. */
  sampleRows: z.array(z.array(z.string())),
  /** Data rows, estimated from the sample for large files until the import counts them. */
  rowsEstimate: z.number().int(),
  warnings: z.array(z.string()),
});
export type ImportAnalysis = z.infer<typeof importAnalysisSchema>;

// ── start ────────────────────────────────────────────────────────────────────────────────────
export const startImportRequestSchema = z.strictObject({
  mapping: columnMappingSchema,
  options: importOptionsSchema.default({ dedupeMode: 'update' }),
  dryRun: z.boolean().default(false),
  /** Also save this mapping and these options as a profile with this name. */
  saveProfileAs: z.string().trim().min(1).max(100).optional(),
});
export type StartImportRequest = z.input<typeof startImportRequestSchema>;

// ── jobs ─────────────────────────────────────────────────────────────────────────────────────
export const IMPORT_STATUSES = ['uploading', 'analysed', 'queued', 'running', 'completed', 'failed', 'cancelled', 'reverted'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const importCountsSchema = z.object({
  rowsTotal: z.number().int().nullable(),
  rowsRead: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  /** Matched an existing contact and changed nothing (equal values, or skip mode). */
  unchanged: z.number().int(),
  /**
   * Rows left out on purpose: duplicates within the file and suppressed people. Every row is
   * counted once: rows = inserted + updated + unchanged + skipped + failed.
   */
  skipped: z.number().int(),
  /** Rows refused for errors (not also skipped). */
  failed: z.number().int(),
  suppressed: z.number().int(),
  duplicates: z.number().int(),
  warnings: z.number().int(),
  accountsCreated: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

const sampleRowSchema = z.object({ row: z.number().int(), email: z.string().nullable(), name: z.string().nullable(), reason: z.string().optional() });
export const dryRunReportSchema = z.object({
  wouldInsert: z.number().int(),
  wouldUpdate: z.number().int(),
  unchanged: z.number().int(),
  duplicatesInFile: z.number().int(),
  invalid: z.number().int(),
  suppressed: z.number().int(),
  samples: z.object({
    insert: z.array(sampleRowSchema),
    update: z.array(sampleRowSchema),
    duplicate: z.array(sampleRowSchema),
    invalid: z.array(sampleRowSchema),
    suppressed: z.array(sampleRowSchema),
  }),
});
export type DryRunReport = z.infer<typeof dryRunReportSchema>;

export const importJobSchema = z.object({
  id: z.string().uuid(),
  origin: z.enum(['upload', 'drop_folder']),
  status: z.enum(IMPORT_STATUSES),
  dryRun: z.boolean(),
  fileName: z.string(),
  fileSize: z.number().int().nullable(),
  analysis: importAnalysisSchema.nullable(),
  mapping: columnMappingSchema.nullable(),
  options: importOptionsSchema,
  counts: importCountsSchema,
  /** 0–100 for the progress bar. */
  progress: z.number(),
  chunksTotal: z.number().int().nullable(),
  chunksDone: z.number().int(),
  report: dryRunReportSchema.nullable(),
  hasErrorFile: z.boolean(),
  failureReason: z.string().nullable(),
  createdBy: z.string().uuid().nullable(),
  createdAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
  revertedAt: isoDateTime.nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importListQuerySchema = z.strictObject({
  ...pageQueryFields({ cursorMax: 200, limitMax: 100, limitDefault: 25 }),
  status: z.enum(IMPORT_STATUSES).optional(),
});
export const importListResponseSchema = cursorPageSchema(importJobSchema);
export type ImportListResponse = z.infer<typeof importListResponseSchema>;

export const rowIssueSchema = z.object({
  row: z.number().int(),
  severity: z.enum(['error', 'warning', 'duplicate', 'suppressed']),
  column: z.string().nullable(),
  reason: z.string(),
});
export type RowIssue = z.infer<typeof rowIssueSchema>;
/** How a warning about a row filed under an account whose name it contradicts begins. */
export const COMPANY_NAME_WARNING = "Company name differs from the account's";
export const rowIssueListQuerySchema = z.strictObject({
  ...pageQueryFields({ cursorMax: 50, limitMax: 500, limitDefault: 100 }),
  severity: z.enum(['error', 'warning', 'duplicate', 'suppressed']).optional(),
});
export const rowIssueListResponseSchema = cursorPageSchema(rowIssueSchema);

export const downloadLinkSchema = z.object({ url: z.string(), fileName: z.string(), expiresAt: isoDateTime });
export type DownloadLink = z.infer<typeof downloadLinkSchema>;

export const revertResultSchema = z.object({
  restored: z.number().int(),
  deleted: z.number().int(),
  accountsDeleted: z.number().int(),
  /** Updated contacts edited or deleted since the import: left alone. */
  changedSince: z.number().int(),
  /** Updated contacts whose prior values now clash with another live contact's key: left alone. */
  conflicts: z.number().int(),
});
export type RevertResult = z.infer<typeof revertResultSchema>;

// ── mapping profiles ─────────────────────────────────────────────────────────────────────────
export const profileMappingSchema = z
  .array(z.object({ header: z.string().min(1).max(300), target: columnTargetSchema }))
  .min(1)
  .max(IMPORT_MAX_COLUMNS);

export const mappingProfileInputSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\w .-]+$/, 'letters, digits, spaces, dots, dashes and underscores (the drop folder uses it as a folder name)'),
  description: z.string().trim().max(500).nullable().optional(),
  mapping: profileMappingSchema,
  options: importOptionsSchema.default({ dedupeMode: 'update' }),
});
export type MappingProfileInput = z.input<typeof mappingProfileInputSchema>;

export const mappingProfileSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string().nullable(),
  mapping: z.array(z.object({ header: z.string(), target: z.string().nullable() })),
  options: importOptionsSchema,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type MappingProfile = z.infer<typeof mappingProfileSchema>;
export const mappingProfileListSchema = z.object({ items: z.array(mappingProfileSchema) });

// ── exports ──────────────────────────────────────────────────────────────────────────────────
export const EXPORT_RESOURCES = ['accounts', 'contacts'] as const;
export const exportSelectionSchema = z.union([
  z.strictObject({ ids: z.array(z.string().uuid()).min(1).max(100_000) }),
  z.strictObject({
    filter: filterSchema.optional(),
    q: z.string().trim().max(200).optional(),
    except: z.array(z.string().uuid()).max(10_000).optional(),
  }),
]);
export type ExportSelection = z.infer<typeof exportSelectionSchema>;

export const createExportRequestSchema = z.strictObject({
  resource: z.enum(EXPORT_RESOURCES),
  selection: exportSelectionSchema,
  /** Template headers (or API keys) to write, in this order; all template columns by default. */
  columns: z.array(z.string().min(1).max(100)).min(1).max(100).optional(),
  /** Start the file with a UTF-8 byte-order mark so Excel reads accents right. */
  bom: z.boolean().default(false),
});
export type CreateExportRequest = z.input<typeof createExportRequestSchema>;

export const EXPORT_STATUSES = ['running', 'completed', 'failed', 'cancelled'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export const exportJobSchema = z.object({
  id: z.string().uuid(),
  resource: z.enum(EXPORT_RESOURCES),
  status: z.enum(EXPORT_STATUSES),
  /** Rows written so far (durably), then the file's row count. */
  rowCount: z.number().int(),
  columns: z.array(z.string()),
  bom: z.boolean(),
  failureReason: z.string().nullable(),
  /** Presigned, short-lived link once completed. */
  download: downloadLinkSchema.nullable(),
  /** Who asked for it (a user id). */
  createdBy: z.string().uuid().nullable(),
  createdAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

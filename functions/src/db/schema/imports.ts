// Imports and exports: CSV import jobs with their chunks (the unit of work and of idempotency),
// row issues for the error file, before-images for revert, saved mapping profiles, and export jobs.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, softDelete, timestamps } from './columns';
import { users } from './identity';

/** A named, reusable mapping (header → target) with import options; the drop folder picks one by name. */
export const importMappingProfiles = pgTable(
  'import_mapping_profiles',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description'),
    /** [{ header, target }] matched by normalized header when applied to a file. */
    mapping: jsonb('mapping').notNull(),
    /** { dedupeMode, source, defaultCountry } */
    options: jsonb('options').notNull().default(sql`'{}'::jsonb`),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [uniqueIndex('import_mapping_profiles_name_key').on(sql`lower(${t.name})`).where(sql`${t.deletedAt} IS NULL`)],
);

export const importJobs = pgTable(
  'import_jobs',
  {
    id: id(),
    /** upload (browser or CLI) or drop_folder (an object under imports/inbox/). */
    origin: text('origin').notNull(),
    /** uploading → analysed → queued → running → completed | failed | cancelled; completed → reverted. */
    status: text('status').notNull(),
    dryRun: boolean('dry_run').notNull().default(false),
    fileName: text('file_name').notNull(),
    objectKey: text('object_key').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }),
    uploadId: text('upload_id'),
    encoding: text('encoding'),
    delimiter: text('delimiter'),
    /** Bytes before the first data record (BOM and header), where the first chunk starts. */
    dataOffset: bigint('data_offset', { mode: 'number' }),
    headers: jsonb('headers'),
    /** Analysis for the mapping screen: suggestions and sample values per column. */
    analysis: jsonb('analysis'),
    /** Confirmed mapping: one target (or null) per column. */
    mapping: jsonb('mapping'),
    /** { dedupeMode, source, defaultCountry, listId } */
    options: jsonb('options').notNull().default(sql`'{}'::jsonb`),
    profileId: uuid('profile_id').references(() => importMappingProfiles.id),
    executionArn: text('execution_arn'),
    rowsTotal: integer('rows_total'),
    rowsRead: integer('rows_read').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    suppressed: integer('suppressed').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    warnings: integer('warnings').notNull().default(0),
    accountsCreated: integer('accounts_created').notNull().default(0),
    chunksTotal: integer('chunks_total'),
    chunksDone: integer('chunks_done').notNull().default(0),
    /** Dry run: what would happen, with samples. */
    report: jsonb('report'),
    errorFileKey: text('error_file_key'),
    resultFileKey: text('result_file_key'),
    failureReason: text('failure_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    cancelRequestedAt: timestamp('cancel_requested_at', { withTimezone: true }),
    /** Times the job sweeper restarted the job after its workflow was gone; capped. */
    resumes: integer('resumes').notNull().default(0),
    revertedAt: timestamp('reverted_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('import_jobs_created_at_idx').on(t.createdAt.desc(), t.id.desc()),
    uniqueIndex('import_jobs_object_key_key').on(t.objectKey),
    check('import_jobs_origin_check', sql`${t.origin} IN ('upload', 'drop_folder')`),
    check(
      'import_jobs_status_check',
      sql`${t.status} IN ('uploading', 'analysed', 'queued', 'running', 'completed', 'failed', 'cancelled', 'reverted')`,
    ),
  ],
);

/**
 * A byte range of the file holding whole records. Its completion is written in the same
 * transaction as its rows, so a retried chunk finds itself done and writes nothing twice.
 */
export const importChunks = pgTable(
  'import_chunks',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    chunkIndex: integer('chunk_index').notNull(),
    byteStart: bigint('byte_start', { mode: 'number' }).notNull(),
    byteEnd: bigint('byte_end', { mode: 'number' }).notNull(),
    /** File row number (header = 1) of the chunk's first record. */
    firstRow: integer('first_row').notNull(),
    rowCount: integer('row_count').notNull(),
    /** Rows repeating an earlier row's email in the file, with the row they repeat. */
    duplicateRows: integer('duplicate_rows').array().notNull().default(sql`'{}'::int[]`),
    duplicateOf: integer('duplicate_of').array().notNull().default(sql`'{}'::int[]`),
    status: text('status').notNull().default('pending'),
    counts: jsonb('counts'),
    /** Dry run: sample rows per outcome. */
    samples: jsonb('samples'),
    createdContactIds: uuid('created_contact_ids').array(),
    createdAccountIds: uuid('created_account_ids').array(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.chunkIndex] }), check('import_chunks_status_check', sql`${t.status} IN ('pending', 'done')`)],
);

/** Row-level errors (row skipped) and warnings (row kept), with the original fields for the error file. */
export const importRowIssues = pgTable(
  'import_row_issues',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    severity: text('severity').notNull(),
    column: text('column'),
    reason: text('reason').notNull(),
    /** The row as read (errors only). */
    fields: jsonb('fields'),
  },
  (t) => [
    index('import_row_issues_job_idx').on(t.jobId, t.rowNumber),
    check('import_row_issues_severity_check', sql`${t.severity} IN ('error', 'warning', 'duplicate', 'suppressed')`),
  ],
);

/** The state of a record before an import changed it, for revert (first change per job wins). */
export const importChanges = pgTable(
  'import_changes',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    before: jsonb('before').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.entity, t.entityId] })],
);

export const exportJobs = pgTable(
  'export_jobs',
  {
    id: id(),
    resource: text('resource').notNull(),
    /** { ids } or { filter, except, q } as the request gave it. */
    selection: jsonb('selection').notNull(),
    columns: jsonb('columns').notNull(),
    bom: boolean('bom').notNull().default(false),
    status: text('status').notNull(),
    /** Rows in the file's durably uploaded parts: only ever grows while the job runs. */
    rowCount: integer('row_count').notNull().default(0),
    objectKey: text('object_key'),
    failureReason: text('failure_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The client's Idempotency-Key: the same key from the same user gives back the same export. */
    idempotencyKey: text('idempotency_key'),
    executionArn: text('execution_arn'),
    /** Where a resumed run continues: { uploadId, parts, after, rows } as of the last uploaded part. */
    checkpoint: jsonb('checkpoint'),
    /** Times the job sweeper restarted the job after its workflow was gone; capped. */
    resumes: integer('resumes').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index('export_jobs_created_at_idx').on(t.createdAt.desc(), t.id.desc()),
    uniqueIndex('export_jobs_idempotency_key').on(t.createdBy, t.idempotencyKey).where(sql`${t.idempotencyKey} IS NOT NULL`),
    index('export_jobs_running_idx').on(t.updatedAt).where(sql`${t.status} = 'running'`),
    check('export_jobs_resource_check', sql`${t.resource} IN ('accounts', 'contacts')`),
    check('export_jobs_status_check', sql`${t.status} IN ('running', 'completed', 'failed', 'cancelled')`),
  ],
);

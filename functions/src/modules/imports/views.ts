// Database rows to the API's shapes (shared/contracts/imports.ts).
import type { ImportAnalysis, ImportJob, ImportOptions, MappingProfile, ColumnMapping, DryRunReport } from '@shared/contracts/imports';
import type { exportJobs, importJobs, importMappingProfiles } from '../../db/schema';

type JobRow = typeof importJobs.$inferSelect;
type ProfileRow = typeof importMappingProfiles.$inferSelect;
export type ExportRow = typeof exportJobs.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function jobView(row: JobRow): ImportJob {
  // The BOM length is the pipeline's business, not the API's.
  const stored = row.analysis as (ImportAnalysis & { bomBytes?: number }) | null;
  const analysis = stored ? (({ bomBytes: _bom, ...rest }) => rest)(stored) : null;
  let progress = 0;
  if (row.status === 'completed' || row.status === 'reverted') progress = 100;
  else if (row.rowsTotal) progress = Math.min(99, (row.rowsRead / row.rowsTotal) * 100);
  else if (row.chunksTotal) progress = Math.min(99, (row.chunksDone / row.chunksTotal) * 100);
  return {
    id: row.id,
    origin: row.origin as ImportJob['origin'],
    status: row.status as ImportJob['status'],
    dryRun: row.dryRun,
    fileName: row.fileName,
    fileSize: row.fileSize,
    analysis,
    mapping: (row.mapping as ColumnMapping | null) ?? null,
    options: { dedupeMode: 'update', ...(row.options as Partial<ImportOptions>) },
    counts: {
      rowsTotal: row.rowsTotal,
      rowsRead: row.rowsRead,
      inserted: row.inserted,
      updated: row.updated,
      unchanged: row.unchanged,
      // Derived, so a job counted before skipped stopped including failed and unchanged rows adds up too.
      skipped: row.suppressed + row.duplicates,
      failed: row.failed,
      suppressed: row.suppressed,
      duplicates: row.duplicates,
      warnings: row.warnings,
      accountsCreated: row.accountsCreated,
    },
    progress: Math.round(progress * 10) / 10,
    chunksTotal: row.chunksTotal,
    chunksDone: row.chunksDone,
    report: (row.report as DryRunReport | null) ?? null,
    hasErrorFile: row.errorFileKey !== null,
    failureReason: row.failureReason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    revertedAt: iso(row.revertedAt),
  };
}

export function profileView(row: ProfileRow): MappingProfile {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    mapping: row.mapping as MappingProfile['mapping'],
    options: { dedupeMode: 'update', ...(row.options as Partial<ImportOptions>) },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

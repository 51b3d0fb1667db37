// `npm run import -- FILE [--profile NAME] [--map "Header=field"]... [--default-country CC] [--dry-run] [--api URL]`:
// imports a CSV through a running stack exactly as the browser does — presigned multipart upload,
// analysis, start with the suggested (or the profile's) mapping, `--map` overriding single
// columns — then follows the job, printing progress and the columns left without a template
// field on stderr, and ends with one JSON line on stdout:
// {"jobId","dryRun","rows","inserted","updated","unchanged","skipped","failed","suppressed","unmapped"},
// where rows = inserted + updated + unchanged + skipped + failed; a refused file prints
// {"refused": "<reason>"} instead. Signs in with CRM_USERNAME / CRM_PASSWORD. Exit 0 when the
// job finished (even with row errors); 2 when the file was refused; 1 on any other failure.
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeHeader } from '../shared/csv/auto-map';
import { headerOfTarget, isCustomTarget, isTemplateTarget, TEMPLATE_TARGETS, type ColumnTarget } from '../shared/csv/mapping-target';
import { COMPANY_NAME_WARNING, type CreateUploadResponse, type ImportJob, type MappingProfile, type RowIssue, type StartImportRequest } from '../shared/contracts/imports';
import type { TokenResponse } from '../shared/contracts/identity';

class Refused extends Error {}

interface Client {
  call<T>(method: string, route: string, body?: unknown): Promise<T>;
}

async function signIn(api: string, login: string, password: string): Promise<Client> {
  const res = await fetch(`${api}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  if (!res.ok) throw new Error(`Sign-in as ${login} failed (${res.status}): ${await problemText(res)}`);
  const { accessToken } = (await res.json()) as TokenResponse;
  return {
    async call<T>(method: string, route: string, body?: unknown): Promise<T> {
      const r = await fetch(`${api}${route}`, {
        method,
        headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (r.status === 422 && route.endsWith('/upload-complete')) throw new Refused(await problemText(r));
      if (!r.ok) throw new Error(`${method} ${route} answered ${r.status}: ${await problemText(r)}`);
      return (r.status === 204 ? undefined : await r.json()) as T;
    },
  };
}

async function problemText(res: Response): Promise<string> {
  const text = await res.text();
  try {
    const problem = JSON.parse(text) as { detail?: string; title?: string; errors?: { field: string; message: string }[] };
    return [problem.detail ?? problem.title, ...(problem.errors ?? []).map((e) => `${e.field}: ${e.message}`)].filter(Boolean).join('; ');
  } catch {
    return text.slice(0, 300);
  }
}

/** Uploads the file part by part to the presigned URLs (never more than one part in memory). */
async function upload(file: string, upload: CreateUploadResponse): Promise<{ partNumber: number; etag: string }[]> {
  const handle = await open(file, 'r');
  try {
    const parts: { partNumber: number; etag: string }[] = [];
    for (const part of upload.parts) {
      const start = (part.partNumber - 1) * upload.partSize;
      const buffer = Buffer.alloc(upload.partSize);
      const { bytesRead } = await handle.read(buffer, 0, upload.partSize, start);
      const res = await fetch(part.url, { method: 'PUT', body: buffer.subarray(0, bytesRead) });
      if (!res.ok) throw new Error(`Uploading part ${part.partNumber} failed (${res.status}).`);
      parts.push({ partNumber: part.partNumber, etag: res.headers.get('etag') ?? '' });
      process.stderr.write(`uploaded ${Math.min(100, Math.round(((start + bytesRead) / Math.max(1, upload.partSize * upload.parts.length)) * 100))}%\r`);
    }
    return parts;
  } finally {
    await handle.close();
  }
}

class UsageError extends Error {}

/** A `--map` field: a target ("contact.email", "contact.custom.score"), a template header ("Email"), or "none". */
function targetOfName(name: string): ColumnTarget {
  const value = name.trim();
  if (/^(none|ignore|skip|)$/i.test(value)) return null;
  if (isTemplateTarget(value) || isCustomTarget(value)) return value;
  const byHeader = TEMPLATE_TARGETS.find((t) => normalizeHeader(headerOfTarget(t)) === normalizeHeader(value));
  if (byHeader) return byHeader;
  throw new UsageError(`--map: "${name}" is not a template field (write a header such as "Email", a target such as contact.email, or none).`);
}

/** `--map "Header=field"` options → header (normalized) → target. */
function parseMapOptions(options: readonly string[]): Map<string, ColumnTarget> {
  const overrides = new Map<string, ColumnTarget>();
  for (const option of options) {
    const eq = option.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--map "${option}" must be written "Header=field".`);
    overrides.set(normalizeHeader(option.slice(0, eq)), targetOfName(option.slice(eq + 1)));
  }
  return overrides;
}

function mappingFrom(job: ImportJob, profile: MappingProfile | undefined, overrides: Map<string, ColumnTarget>): StartImportRequest['mapping'] {
  const columns = job.analysis!.columns;
  const byHeader = profile ? new Map(profile.mapping.map((m) => [normalizeHeader(m.header), m.target])) : null;
  const known = new Set(columns.map((c) => normalizeHeader(c.header)));
  for (const header of overrides.keys()) {
    if (!known.has(header)) throw new UsageError(`--map: the file has no column "${header}" (its columns: ${columns.map((c) => c.header).join(', ')}).`);
  }
  return columns.map((c) => {
    const key = normalizeHeader(c.header);
    const target = overrides.has(key) ? overrides.get(key)! : byHeader ? (byHeader.get(key) ?? null) : c.target;
    return { column: c.column, target };
  });
}

/** Columns that feed no template field: kept as new custom fields, or dropped. */
function unmappedColumns(job: ImportJob, mapping: StartImportRequest['mapping']): { header: string; target: string | null }[] {
  const headers = new Map(job.analysis!.columns.map((c) => [c.column, c.header]));
  return mapping.filter((m) => !m.target || !isTemplateTarget(m.target)).map((m) => ({ header: headers.get(m.column) ?? `Column ${m.column + 1}`, target: m.target }));
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      map: { type: 'string', multiple: true, default: [] },
      'default-country': { type: 'string' },
      api: { type: 'string', default: process.env.CRM_API_URL ?? 'http://localhost:3000' },
      'poll-ms': { type: 'string', default: '1000' },
    },
  });
  const file = positionals[0];
  if (!file) {
    console.error('Usage: npm run import -- FILE [--profile NAME] [--map "Header=field"]... [--default-country CC] [--dry-run] [--api URL]');
    return 1;
  }
  const overrides = parseMapOptions(values.map ?? []);
  const defaultCountry = values['default-country']?.trim().toUpperCase();
  if (defaultCountry !== undefined && !/^[A-Z]{2}$/.test(defaultCountry)) {
    throw new UsageError(`--default-country "${values['default-country']}" must be an ISO 3166 alpha-2 code such as US.`);
  }
  const username = process.env.CRM_USERNAME;
  const password = process.env.CRM_PASSWORD;
  if (!username || !password) {
    console.error('Set CRM_USERNAME and CRM_PASSWORD to the account to import as.');
    return 1;
  }
  const api = values.api!.replace(/\/+$/, '');
  const size = (await stat(file)).size;
  const client = await signIn(api, username, password);

  let profile: MappingProfile | undefined;
  if (values.profile) {
    const { items } = await client.call<{ items: MappingProfile[] }>('GET', '/api/import-profiles');
    profile = items.find((p) => p.name.toLowerCase() === values.profile!.toLowerCase());
    if (!profile) throw new Error(`No mapping profile is named "${values.profile}".`);
  }

  const created = await client.call<CreateUploadResponse>('POST', '/api/imports/uploads', { fileName: path.basename(file), fileSize: size });
  const parts = await upload(file, created);
  let job = await client.call<ImportJob>('POST', `/api/imports/${created.jobId}/upload-complete`, { parts });
  const mapping = mappingFrom(job, profile, overrides);
  const unmapped = unmappedColumns(job, mapping);
  for (const u of unmapped) {
    process.stderr.write(`unmapped column "${u.header}": ${u.target ? `kept as the new custom field ${u.target}` : 'not imported'}\n`);
  }
  const options = profile?.options ?? { dedupeMode: 'update' as const };
  job = await client.call<ImportJob>('POST', `/api/imports/${job.id}/start`, {
    mapping,
    options: defaultCountry ? { ...options, defaultCountry } : options,
    dryRun: values['dry-run'],
  } satisfies StartImportRequest);

  const pollMs = Number(values['poll-ms']);
  while (!['completed', 'failed', 'cancelled', 'reverted'].includes(job.status)) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    job = await client.call<ImportJob>('GET', `/api/imports/${job.id}`);
    const c = job.counts;
    process.stderr.write(`${job.status} ${job.progress.toFixed(1)}% — ${c.rowsRead}/${c.rowsTotal ?? '?'} rows, ${c.inserted} new, ${c.updated} updated, ${c.failed} failed\n`);
  }
  // Rows filed under an account whose name they contradict: merges the file may not have meant.
  if (job.counts.warnings > 0) {
    const { items } = await client.call<{ items: RowIssue[] }>('GET', `/api/imports/${job.id}/issues?severity=warning&limit=500`);
    for (const issue of items.filter((i) => i.reason.startsWith(COMPANY_NAME_WARNING))) process.stderr.write(`row ${issue.row}: ${issue.reason}\n`);
  }
  const c = job.counts;
  console.log(
    JSON.stringify({
      jobId: job.id,
      dryRun: job.dryRun,
      rows: c.rowsTotal ?? c.rowsRead,
      inserted: c.inserted,
      updated: c.updated,
      unchanged: c.unchanged,
      skipped: c.skipped,
      failed: c.failed,
      suppressed: c.suppressed,
      unmapped: unmapped.map((u) => u.header),
    }),
  );
  if (job.status === 'failed') {
    console.error(job.failureReason ?? 'The import failed.');
    return 1;
  }
  if (job.dryRun && job.report) console.error(JSON.stringify(job.report));
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof Refused) {
      // Scripts read stdout: a refused file still ends with its one JSON line.
      console.log(JSON.stringify({ refused: error.message }));
      console.error(`The file was refused: ${error.message}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });

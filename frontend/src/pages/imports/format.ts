// How import figures read on screen: file sizes, durations, statuses and match methods.
import type { ImportJob, ImportStatus } from '@shared/contracts/imports';
import type { BadgeVariant } from '@/components/ui/badge';

const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/** 1536 → "1.5 KB"; binary steps, as file managers show them. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${UNITS[unit]}`;
}

/** Milliseconds as "850 ms", "12 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  if (ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** How long a job ran: from its start to its end, or to now while it runs. */
export function jobDuration(job: Pick<ImportJob, 'startedAt' | 'finishedAt'>, now: number = Date.now()): string {
  if (!job.startedAt) return '—';
  const end = job.finishedAt ? new Date(job.finishedAt).getTime() : now;
  return formatDuration(end - new Date(job.startedAt).getTime());
}

export const STATUS_LABELS: Record<ImportStatus, string> = {
  uploading: 'Uploading',
  analysed: 'Awaiting mapping',
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  reverted: 'Reverted',
};

export const STATUS_VARIANTS: Record<ImportStatus, BadgeVariant> = {
  uploading: 'neutral',
  analysed: 'info',
  queued: 'info',
  running: 'default',
  completed: 'success',
  failed: 'danger',
  cancelled: 'warning',
  reverted: 'neutral',
};

export const METHOD_LABELS: Record<string, string> = {
  exact: 'Exact',
  synonym: 'Synonym',
  fuzzy: 'Guess',
  profile: 'Profile',
  custom: 'New field',
  ignored: 'Ignored',
  manual: 'Your choice',
};

export const DEDUPE_LABELS = {
  skip: { title: 'Skip existing', description: 'Contacts already in the CRM (same email) are left as they are.' },
  update: { title: 'Update existing', description: 'Fields the file carries overwrite the stored ones, unless the stored record was researched more recently.' },
  fill: { title: 'Fill empty fields only', description: 'Existing contacts keep every value; only their empty fields are filled from the file.' },
} as const;

const nf = new Intl.NumberFormat('en-US');
export const formatNumber = (n: number) => nf.format(n);

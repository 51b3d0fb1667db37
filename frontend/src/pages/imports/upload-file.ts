// The browser upload: ask the API for a job and presigned part URLs, PUT each slice of the file
// straight to S3 (XMLHttpRequest, because fetch reports no upload progress), keep each part's
// ETag, then complete the upload — the API analyses the file and answers the job with it.
import {
  IMPORT_MAX_FILE_BYTES,
  createUploadRequestSchema,
  type CreateUploadResponse,
  type ImportJob,
} from '@shared/contracts/imports';
import { api } from '@/lib/api';
import { IMPORTS_PATH } from '@/features/imports/imports-api';

/** Parts in flight at once: enough to fill the pipe without starving the page. */
const PARALLEL_PARTS = 3;
const ACCEPTED_EXTENSIONS = /\.(csv|tsv|txt)$/i;

export interface UploadProgress {
  sent: number;
  total: number;
}

/** Says why a file cannot be imported before anything is sent, or null when it may be. */
export function refuseFile(file: Pick<File, 'name' | 'size'>): string | null {
  if (!ACCEPTED_EXTENSIONS.test(file.name)) return `"${file.name}" is not a CSV file: choose a .csv, .tsv or .txt file.`;
  if (file.size > IMPORT_MAX_FILE_BYTES) return 'Files are limited to 1 GB: split the file and import each part.';
  const parsed = createUploadRequestSchema.safeParse({ fileName: file.name, fileSize: file.size });
  if (!parsed.success) return `The file cannot be imported: ${parsed.error.issues[0]?.message ?? 'it is not valid'}.`;
  return null;
}

/** The storage refused or dropped a part; the message says what the user can do. */
export class UploadError extends Error {
  override name = 'UploadError';
}

function putPart(url: string, body: Blob, onProgress: (sent: number) => void, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(new UploadError(`The storage refused part of the file (HTTP ${xhr.status}): try again.`));
        return;
      }
      const etag = xhr.getResponseHeader('ETag');
      if (!etag) {
        // S3 must list ETag in the bucket's CORS ExposeHeaders for the browser to read it.
        reject(new UploadError('The storage did not confirm the upload (no ETag readable): the bucket’s CORS settings must expose ETag.'));
        return;
      }
      onProgress(body.size);
      resolve(etag);
    };
    xhr.onerror = () => reject(new UploadError('The file could not be sent to the storage: check your connection, or ask an administrator whether the storage accepts uploads from this site.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

export async function uploadFile(file: File, onProgress: (progress: UploadProgress) => void, signal: AbortSignal): Promise<ImportJob> {
  const upload = await api.post<CreateUploadResponse>(`${IMPORTS_PATH}/uploads`, { fileName: file.name, fileSize: file.size });
  const sentByPart = new Map<number, number>();
  const report = () => onProgress({ sent: [...sentByPart.values()].reduce((a, b) => a + b, 0), total: file.size });
  report();

  const etags: { partNumber: number; etag: string }[] = [];
  const queue = [...upload.parts];
  async function worker(): Promise<void> {
    for (let part = queue.shift(); part; part = queue.shift()) {
      const start = (part.partNumber - 1) * upload.partSize;
      const slice = file.slice(start, Math.min(file.size, start + upload.partSize));
      const number = part.partNumber;
      const etag = await putPart(
        part.url,
        slice,
        (sent) => {
          sentByPart.set(number, sent);
          report();
        },
        signal,
      );
      etags.push({ partNumber: number, etag });
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, upload.parts.length) }, worker));
  if (signal.aborted) throw new DOMException('The upload was cancelled.', 'AbortError');
  return api.post<ImportJob>(`${IMPORTS_PATH}/${upload.jobId}/upload-complete`, { parts: etags.sort((a, b) => a.partNumber - b.partNumber) });
}

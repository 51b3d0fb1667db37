// Preview images of uploaded files: a PDF's first page rendered to PNG, an image scaled down (a
// small raster image is its own preview). mupdf (WASM) is loaded on first use. A file it cannot
// read gets no preview; that never fails the upload.
import type { Logger } from '@aws-lambda-powertools/logger';
import { readContentObject, writeContentObject, type StorageDeps } from './storage';

/** Widest preview in pixels. */
const PREVIEW_WIDTH = 800;
/** Files larger than this are not read for a preview (a Lambda holds the file in memory). */
const MAX_PREVIEW_SOURCE_BYTES = 64 * 1024 ** 2;
/** A raster image up to this size is shown as it is. */
const OWN_PREVIEW_BYTES = 512 * 1024;
const OWN_PREVIEW_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const RENDERED_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/svg+xml']);

/** A PNG of the first page (or the image), at most PREVIEW_WIDTH wide; throws when mupdf cannot read it. */
export async function renderFirstPage(bytes: Uint8Array, contentType: string): Promise<Uint8Array> {
  const mupdf = await import('mupdf');
  const doc = mupdf.Document.openDocument(bytes, contentType);
  try {
    if (doc.countPages() < 1) throw new Error('The file has no pages.');
    const page = doc.loadPage(0);
    const [x0, , x1] = page.getBounds();
    // Page units are points (1/72 in): draw at up to 2 px per point, no wider than PREVIEW_WIDTH.
    const scale = Math.min(2, PREVIEW_WIDTH / Math.max(1, x1 - x0));
    const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
    return pixmap.asPNG();
  } finally {
    doc.destroy();
  }
}

/**
 * Makes the preview of an uploaded object and answers its key, or null when there is none (a type
 * mupdf does not draw, a file too large or unreadable: logged, not thrown).
 */
export async function makePreview(deps: StorageDeps & { logger: Logger }, file: { objectKey: string; contentType: string; sizeBytes: number }, previewKey: string): Promise<string | null> {
  if (OWN_PREVIEW_TYPES.has(file.contentType) && file.sizeBytes <= OWN_PREVIEW_BYTES) return file.objectKey;
  if (!RENDERED_TYPES.has(file.contentType) || file.sizeBytes > MAX_PREVIEW_SOURCE_BYTES) return null;
  try {
    const png = await renderFirstPage(await readContentObject(deps, file.objectKey), file.contentType);
    await writeContentObject(deps, previewKey, png, 'image/png');
    return previewKey;
  } catch (error) {
    deps.logger.warn('No preview for an uploaded file', { objectKey: file.objectKey, contentType: file.contentType, error: (error as Error).message });
    return null;
  }
}

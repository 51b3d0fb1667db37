// The content bucket's S3 calls: presigned PUTs for the browser's uploads, the check of an
// uploaded object, reading it for the preview, writing the preview and short-lived read links.
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Deps } from '../../../core/deps';

export type StorageDeps = Pick<Deps, 'aws' | 'config'>;

/** How long a read link (download, preview) lives. */
export const READ_LINK_SECONDS = 10 * 60;

const bucket = (deps: StorageDeps) => deps.config.CONTENT_BUCKET_NAME;

/** A presigned PUT of one object; the browser sends the same Content-Type, which the signature covers. */
export async function presignPut(deps: StorageDeps, key: string, contentType: string, expiresIn: number): Promise<string> {
  return getSignedUrl(deps.aws.s3, new PutObjectCommand({ Bucket: bucket(deps), Key: key, ContentType: contentType }), { expiresIn });
}

/** The stored object's size and type, or null when there is none. */
export async function headContentObject(deps: StorageDeps, key: string): Promise<{ size: number; contentType: string | null } | null> {
  try {
    const head = await deps.aws.s3.send(new HeadObjectCommand({ Bucket: bucket(deps), Key: key }));
    return { size: Number(head.ContentLength ?? 0), contentType: head.ContentType ?? null };
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return null;
    throw error;
  }
}

export async function readContentObject(deps: StorageDeps, key: string): Promise<Uint8Array> {
  const res = await deps.aws.s3.send(new GetObjectCommand({ Bucket: bucket(deps), Key: key }));
  return res.Body!.transformToByteArray();
}

export async function writeContentObject(deps: StorageDeps, key: string, body: Uint8Array | string, contentType: string): Promise<void> {
  await deps.aws.s3.send(new PutObjectCommand({ Bucket: bucket(deps), Key: key, Body: body, ContentType: contentType }));
}

export async function deleteContentObject(deps: StorageDeps, key: string): Promise<void> {
  await deps.aws.s3.send(new DeleteObjectCommand({ Bucket: bucket(deps), Key: key }));
}

/** A short-lived GET link; `download` names the file the browser saves. */
export async function presignGet(deps: StorageDeps, key: string, options: { download?: string; contentType?: string } = {}): Promise<string> {
  return getSignedUrl(
    deps.aws.s3,
    new GetObjectCommand({
      Bucket: bucket(deps),
      Key: key,
      ...(options.download ? { ResponseContentDisposition: `attachment; filename="${options.download.replace(/["\\\r\n]/g, '_')}"` } : {}),
      ...(options.contentType ? { ResponseContentType: options.contentType } : {}),
    }),
    { expiresIn: READ_LINK_SECONDS },
  );
}

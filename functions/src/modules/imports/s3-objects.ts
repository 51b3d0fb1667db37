// The S3 calls imports and exports make: ranged and streamed reads, presigned multipart upload
// and download links, a streaming multipart writer (files are never held whole in memory), and
// the move of drop-folder files to done/ or failed/.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';

export interface Bucket {
  s3: S3Client;
  name: string;
}

export async function headObject(bucket: Bucket, key: string): Promise<{ size: number } | null> {
  try {
    const head = await bucket.s3.send(new HeadObjectCommand({ Bucket: bucket.name, Key: key }));
    return { size: Number(head.ContentLength ?? 0) };
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return null;
    throw error;
  }
}

/** Bytes [start, end) of an object. */
export async function getRange(bucket: Bucket, key: string, start: number, end: number): Promise<Uint8Array> {
  if (end <= start) return new Uint8Array(0);
  const res = await bucket.s3.send(new GetObjectCommand({ Bucket: bucket.name, Key: key, Range: `bytes=${start}-${end - 1}` }));
  const bytes = await res.Body!.transformToByteArray();
  // A server that ignores Range sends the whole object: cut it here.
  return bytes.length > end - start ? bytes.subarray(start, end) : bytes;
}

export async function streamObject(bucket: Bucket, key: string): Promise<AsyncIterable<Uint8Array>> {
  const res = await bucket.s3.send(new GetObjectCommand({ Bucket: bucket.name, Key: key }));
  return res.Body as Readable;
}

export async function putObject(bucket: Bucket, key: string, body: string | Uint8Array, contentType: string): Promise<void> {
  await bucket.s3.send(new PutObjectCommand({ Bucket: bucket.name, Key: key, Body: body, ContentType: contentType }));
}

export async function moveObject(bucket: Bucket, from: string, to: string): Promise<void> {
  await bucket.s3.send(
    new CopyObjectCommand({ Bucket: bucket.name, Key: to, CopySource: `${bucket.name}/${from.split('/').map(encodeURIComponent).join('/')}` }),
  );
  await bucket.s3.send(new DeleteObjectCommand({ Bucket: bucket.name, Key: from }));
}

export async function presignDownload(bucket: Bucket, key: string, fileName: string, expiresIn: number): Promise<string> {
  return getSignedUrl(
    bucket.s3,
    new GetObjectCommand({
      Bucket: bucket.name,
      Key: key,
      ResponseContentDisposition: `attachment; filename="${fileName.replace(/["\\\r\n]/g, '_')}"`,
    }),
    { expiresIn },
  );
}

export async function createMultipartUpload(bucket: Bucket, key: string, contentType: string): Promise<string> {
  const res = await bucket.s3.send(new CreateMultipartUploadCommand({ Bucket: bucket.name, Key: key, ContentType: contentType }));
  return res.UploadId!;
}

export async function presignUploadParts(bucket: Bucket, key: string, uploadId: string, partCount: number, expiresIn: number): Promise<{ partNumber: number; url: string }[]> {
  return Promise.all(
    Array.from({ length: partCount }, async (_, i) => ({
      partNumber: i + 1,
      url: await getSignedUrl(bucket.s3, new UploadPartCommand({ Bucket: bucket.name, Key: key, UploadId: uploadId, PartNumber: i + 1 }), { expiresIn }),
    })),
  );
}

export async function completeMultipartUpload(bucket: Bucket, key: string, uploadId: string, parts: { partNumber: number; etag: string }[]): Promise<void> {
  await bucket.s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: bucket.name,
      Key: key,
      UploadId: uploadId,
      MultipartUpload: { Parts: [...parts].sort((a, b) => a.partNumber - b.partNumber).map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
    }),
  );
}

const WRITER_PART_BYTES = 8 * 1024 * 1024;

/** A multipart upload in progress: enough to continue it in another process. */
export interface UploadState {
  uploadId: string;
  parts: { partNumber: number; etag: string }[];
}

/**
 * Writes an object from a stream of text pieces: buffered into 8 MB parts, uploaded as a
 * multipart upload; a file smaller than one part is a single PUT. Given the state of an upload
 * begun elsewhere, it continues that upload after its parts.
 */
export class ObjectWriter {
  private pieces: Buffer[] = [];
  private buffered = 0;
  private uploadId: string | null = null;
  private parts: { partNumber: number; etag: string }[] = [];
  private readonly partBytes: number;
  bytes = 0;

  constructor(
    private readonly bucket: Bucket,
    private readonly key: string,
    private readonly contentType: string,
    options: { partBytes?: number; resume?: UploadState } = {},
  ) {
    this.partBytes = options.partBytes ?? WRITER_PART_BYTES;
    if (options.resume) {
      this.uploadId = options.resume.uploadId;
      this.parts = [...options.resume.parts];
    }
  }

  /** Buffers a piece; true when it completed a part, which is then uploaded with everything before it. */
  async write(piece: string | Uint8Array): Promise<boolean> {
    const buf = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece);
    this.pieces.push(buf);
    this.buffered += buf.length;
    this.bytes += buf.length;
    if (this.buffered < this.partBytes) return false;
    await this.flushPart();
    return true;
  }

  /** The uploaded parts so far (null before the first). */
  uploadState(): UploadState | null {
    return this.uploadId ? { uploadId: this.uploadId, parts: [...this.parts] } : null;
  }

  private async flushPart(): Promise<void> {
    this.uploadId ??= await createMultipartUpload(this.bucket, this.key, this.contentType);
    const body = Buffer.concat(this.pieces);
    this.pieces = [];
    this.buffered = 0;
    const partNumber = this.parts.length + 1;
    const res = await this.bucket.s3.send(
      new UploadPartCommand({ Bucket: this.bucket.name, Key: this.key, UploadId: this.uploadId, PartNumber: partNumber, Body: body }),
    );
    this.parts.push({ partNumber, etag: res.ETag! });
  }

  async end(): Promise<void> {
    if (!this.uploadId) {
      await putObject(this.bucket, this.key, Buffer.concat(this.pieces), this.contentType);
      return;
    }
    if (this.buffered > 0) await this.flushPart();
    await completeMultipartUpload(this.bucket, this.key, this.uploadId, this.parts);
  }

  async abort(): Promise<void> {
    if (this.uploadId) {
      await this.bucket.s3
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket.name, Key: this.key, UploadId: this.uploadId }))
        .catch(() => undefined);
    }
  }
}

// Time-ordered ids made before the insert (an upload's object key contains its job id).
import { createHash, randomBytes } from 'node:crypto';

function format(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** RFC 9562 version 7: 48-bit milliseconds, then random bits. */
export function uuidv7(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return format(bytes);
}

/**
 * A version 7 id whose random part is derived from a name, so the same event always gives the
 * same id (an S3 notification delivered twice starts one import).
 */
export function uuidv7FromName(name: string, at: number): string {
  const bytes = Buffer.from(createHash('sha256').update(name).digest().subarray(0, 16));
  bytes.writeUIntBE(at, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return format(bytes);
}

// The local stack's secrets kept in DATA_DIR/keys (mode 0600): the one signing tracking and
// unsubscribe links, so links in mail sent before a restart still verify after it, and the key
// sealing SIP trunk passwords, so they still open after a restart (the Telnyx stand-in keeps its
// signing key the same way). Made on first start; creation is atomic (a private temp file
// hard-linked into place), so concurrent starters all end up with the one that won.
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The secret in `dir/file`, made from `make()` when there is none yet. */
export async function loadOrCreateSecret(dir: string, fileName: string, make: () => string): Promise<string> {
  const file = path.join(dir, fileName);
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing !== null) {
    await chmod(file, 0o600);
    return existing.trim();
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temp, make(), { mode: 0o600, flag: 'wx' });
  try {
    await link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temp, { force: true });
  }
  return (await readFile(file, 'utf8')).trim();
}

export function loadOrCreateTrackingSecret(dir: string): Promise<string> {
  return loadOrCreateSecret(dir, 'tracking-secret', () => randomBytes(32).toString('base64url'));
}

/** TELEPHONY_SECRET_KEY: 32 random bytes in (padded) base64. */
export function loadOrCreateTelephonySecretKey(dir: string): Promise<string> {
  return loadOrCreateSecret(dir, 'telephony-secret-key', () => randomBytes(32).toString('base64'));
}

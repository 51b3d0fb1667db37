// The local stack's secrets, each made on first start and kept in DATA_DIR/keys (mode 0600): the
// one signing tracking and unsubscribe links, so links in mail sent before a restart still verify
// after it, and the key trunk passwords are sealed with, so they still open after a restart.
// Creation is atomic (a private temp file hard-linked into place), like the signing key's.
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const loadOrCreateTrackingSecret = (dir: string): Promise<string> => loadOrCreateSecret(dir, 'tracking-secret', 'base64url');

/** TELEPHONY_SECRET_KEY: 32 bytes in standard base64, as the configuration wants it. */
export const loadOrCreateTelephonyKey = (dir: string): Promise<string> => loadOrCreateSecret(dir, 'telephony-secret-key', 'base64');

async function loadOrCreateSecret(dir: string, name: string, encoding: 'base64' | 'base64url'): Promise<string> {
  const file = path.join(dir, name);
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
  await writeFile(temp, randomBytes(32).toString(encoding), { mode: 0o600, flag: 'wx' });
  try {
    await link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temp, { force: true });
  }
  return (await readFile(file, 'utf8')).trim();
}

// The local stack's secret for signing tracking and unsubscribe links: made on first start and
// kept in DATA_DIR/keys (mode 0600), so links in mail sent before a restart still verify after it.
// Creation is atomic (a private temp file hard-linked into place), like the signing key's.
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FILE = 'tracking-secret';

export async function loadOrCreateTrackingSecret(dir: string): Promise<string> {
  const file = path.join(dir, FILE);
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
  await writeFile(temp, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  try {
    await link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temp, { force: true });
  }
  return (await readFile(file, 'utf8')).trim();
}

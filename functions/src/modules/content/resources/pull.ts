// The scheduled pull of reference data: `GET {endpoint}/reference?cursor=` signed like a push,
// page after page from the cursor kept in the settings, each applied like an inbound request and
// logged. The last pull's time and error show in the settings.
import { eq } from 'drizzle-orm';
import { referencePageSchema } from '@shared/contracts/content-resources';
import type { Deps, ScheduledJob } from '../../../core/deps';
import { resourcesCentreSettings } from '../../../db/schema';
import { linkDepsOf, loadSettings } from './settings';
import { openSecret } from './secrets';
import { describeExchange, sendSigned } from './transport';
import { writeLog } from './log';
import { applyInbound, pruneNonces, summarize } from './inbound';
import { retryDuePushes } from './push';

/** Pages read in one pull at most (the rest on the next). */
const MAX_PAGES = 20;

export interface PullResult {
  pages: number;
  error: string | null;
}

/** Pulls what changed since the kept cursor; nothing when the link is not configured or is off. */
export async function pullReference(deps: Deps): Promise<PullResult> {
  const settings = await loadSettings(deps.db);
  if (!settings?.enabled) return { pages: 0, error: null };
  const secret = await openSecret(linkDepsOf(deps).secrets, settings.secretRef);
  let cursor = settings.pullCursor;
  let pages = 0;
  let error: string | null = null;
  for (; pages < MAX_PAGES; ) {
    const now = deps.now();
    const url = `${settings.endpointUrl}/reference${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`;
    const exchange = await sendSigned({ method: 'GET', url, secret, now, timeoutMs: deps.config.DELIVERY_TIMEOUT_MS, allowLoopback: deps.config.DELIVERY_ALLOW_PRIVATE_TARGETS });
    let page = null;
    if (exchange.httpStatus !== null && exchange.httpStatus >= 200 && exchange.httpStatus < 300) {
      try {
        const parsed = referencePageSchema.safeParse(JSON.parse(exchange.text));
        page = parsed.success ? parsed.data : null;
        if (!parsed.success) error = `The reference page is not as expected (${parsed.error.issues[0]?.path.join('.') || 'body'}: ${parsed.error.issues[0]?.message}).`;
      } catch {
        error = 'The reference page is not JSON.';
      }
    } else {
      error = describeExchange(exchange);
    }
    if (!page) {
      await writeLog(deps.db, { direction: 'pull', outcome: 'failed', httpStatus: exchange.httpStatus, detail: error, durationMs: exchange.durationMs, at: now });
      break;
    }
    const result = await applyInbound(deps.db, page, now);
    pages++;
    await writeLog(deps.db, { direction: 'pull', outcome: 'accepted', httpStatus: exchange.httpStatus, detail: summarize(result), durationMs: exchange.durationMs, at: now });
    const next = page.nextCursor;
    if (next) cursor = next;
    await deps.db.update(resourcesCentreSettings).set({ pullCursor: cursor }).where(eq(resourcesCentreSettings.id, 1));
    if (!next || (!page.references.length && !page.views.length)) break;
  }
  await deps.db.update(resourcesCentreSettings).set({ lastPullAt: deps.now(), lastPullError: error?.slice(0, 500) ?? null }).where(eq(resourcesCentreSettings.id, 1));
  return { pages, error };
}

/** Retries due pushes and forgets old nonces. */
export const resourcesCentrePushJob: ScheduledJob = {
  name: 'resources-centre-push-retry',
  everySeconds: 60,
  runAtStartup: true,
  run: async (deps) => {
    await retryDuePushes(deps);
    await pruneNonces(deps.db, deps.now());
  },
};

/** Pulls reference data from the Resources Centre. */
export const resourcesCentrePullJob: ScheduledJob = {
  name: 'resources-centre-pull',
  everySeconds: 900,
  run: async (deps) => {
    await pullReference(deps);
  },
};

// Fault injection shared by the AI vendors' stand-ins (AssemblyAI, OpenAI): each API request may be
// answered with a server error, with a body that is not JSON, after a delay, or only after a pause
// long enough for the client to time out. Seeded, so a test's faults fall the same way every run.
import type http from 'node:http';
import { mulberry32 } from '../../../shared/seeded-random';
import { sendJson } from './local-http';

export interface VendorFaults {
  /** Share of API requests answered with `errorStatus` (0–1). */
  errorRate: number;
  errorStatus: number;
  /** Share answered 200 with a body that is not JSON. */
  malformedRate: number;
  /** Share held for `timeoutMs` before answering (past the client's timeout). */
  timeoutRate: number;
  timeoutMs: number;
  /** Added to every API answer. */
  delayMs: number;
}

export const NO_FAULTS: VendorFaults = { errorRate: 0, errorStatus: 500, malformedRate: 0, timeoutRate: 0, timeoutMs: 30_000, delayMs: 0 };

export interface FaultCounts {
  requests: number;
  errors: number;
  malformed: number;
  timeouts: number;
}

export interface FaultInjector {
  faults(): VendorFaults;
  set(faults: Partial<VendorFaults>, seed?: number): VendorFaults;
  counts(): FaultCounts;
  /** Plays the fault this request draws; true when the request was answered (the handler stops). */
  apply(res: http.ServerResponse): Promise<boolean>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

function checked(f: Partial<VendorFaults>): Partial<VendorFaults> {
  const out: Partial<VendorFaults> = {};
  for (const key of ['errorRate', 'malformedRate', 'timeoutRate'] as const) {
    const v = f[key];
    if (v !== undefined) {
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new Error(`${key} must be a number from 0 to 1`);
      out[key] = v;
    }
  }
  for (const key of ['timeoutMs', 'delayMs'] as const) {
    const v = f[key];
    if (v !== undefined) {
      if (typeof v !== 'number' || !(v >= 0 && v <= 600_000)) throw new Error(`${key} must be a number of milliseconds up to 600000`);
      out[key] = v;
    }
  }
  if (f.errorStatus !== undefined) {
    if (!Number.isInteger(f.errorStatus) || f.errorStatus < 400 || f.errorStatus > 599) throw new Error('errorStatus must be an HTTP error status');
    out.errorStatus = f.errorStatus;
  }
  return out;
}

export function createFaultInjector(initial: Partial<VendorFaults> = {}, seed = 17): FaultInjector {
  let faults: VendorFaults = { ...NO_FAULTS, ...checked(initial) };
  let random = mulberry32(seed);
  const counts: FaultCounts = { requests: 0, errors: 0, malformed: 0, timeouts: 0 };
  return {
    faults: () => ({ ...faults }),
    set(next, nextSeed) {
      faults = { ...faults, ...checked(next) };
      if (nextSeed !== undefined) random = mulberry32(nextSeed);
      return { ...faults };
    },
    counts: () => ({ ...counts }),
    async apply(res) {
      counts.requests++;
      if (faults.delayMs) await sleep(faults.delayMs);
      const draw = random();
      if (draw < faults.errorRate) {
        counts.errors++;
        sendJson(res, faults.errorStatus, { error: 'Injected fault: the server failed.' });
        return true;
      }
      if (draw < faults.errorRate + faults.malformedRate) {
        counts.malformed++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id": "truncated", "status": ');
        return true;
      }
      if (draw < faults.errorRate + faults.malformedRate + faults.timeoutRate) {
        counts.timeouts++;
        await sleep(faults.timeoutMs);
        if (!res.writableEnded && !res.destroyed) sendJson(res, 504, { error: 'Injected fault: too slow.' });
        return true;
      }
      return false;
    },
  };
}

/** The control API's fault endpoints, the same on both stand-ins: GET/POST /__standin/faults. */
export async function faultControl(injector: FaultInjector, method: string, body: unknown, res: http.ServerResponse): Promise<void> {
  if (method === 'GET') return sendJson(res, 200, { faults: injector.faults(), counts: injector.counts() });
  try {
    const { seed, ...rest } = (body ?? {}) as Partial<VendorFaults> & { seed?: number };
    return sendJson(res, 200, { faults: injector.set(rest, typeof seed === 'number' ? seed : undefined) });
  } catch (error) {
    return sendJson(res, 400, { error: (error as Error).message });
  }
}

// The dialer's schedule. Locally the stack's timer runs the tick every DIALER_TICK_SECONDS; on AWS
// an EventBridge schedule starts the dialer workflow every minute, whose Task runs one round (a
// tick) and answers whether to wait and go round again within the minute.
import type { Deps, ScheduledJob } from '../../../core/deps';
import { redactError } from '../../../http/redact-error';
import { dialerTick, type DialerPorts, type TickResult } from './tick';

export const DIALER_TICK_JOB = 'telephony.dialer-tick';

function logTick(deps: Deps, result: TickResult): void {
  const dialled = result.queues.reduce((n, q) => n + q.dialled, 0);
  if (dialled || result.abandoned || result.paused.length || result.expired.requeued) {
    deps.logger.info('dialer tick', {
      dialled,
      abandoned: result.abandoned,
      requeued: result.expired.requeued,
      paused: result.paused.map((p) => p.campaignId),
      queues: result.queues.map((q) => ({ campaignId: q.campaignId, lines: q.lines, dialled: q.dialled, failed: q.failed, removed: q.removed, deferred: q.deferred })),
    });
  }
}

async function runTick(deps: Deps, ports: DialerPorts): Promise<TickResult> {
  try {
    const result = await dialerTick(deps, ports);
    logTick(deps, result);
    return result;
  } catch (error) {
    deps.logger.error('dialer tick failed', { error: redactError(error) });
    throw error;
  }
}

export function createDialerTickJob(ports: DialerPorts, loop: { workflow: string }): ScheduledJob {
  return {
    name: DIALER_TICK_JOB,
    everySeconds: 10,
    everySecondsFrom: (config) => config.DIALER_TICK_SECONDS,
    loop,
    run: async (deps) => {
      await runTick(deps, ports);
    },
  };
}

export interface DialerRound {
  round: number;
  /** Go round again after waitSeconds (false: the minute is used up; the next schedule starts a new loop). */
  more: boolean;
  waitSeconds: number;
}

/** One round of the AWS loop: a tick, then whether another fits in this minute. */
export async function dialerRound(deps: Deps, ports: DialerPorts, round: number): Promise<DialerRound> {
  await runTick(deps, ports);
  const waitSeconds = deps.config.DIALER_TICK_SECONDS;
  const next = round + 1;
  return { round: next, more: next * waitSeconds < 60, waitSeconds };
}

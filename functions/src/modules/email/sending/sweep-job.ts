// The email schedule: every few seconds, start campaigns whose time has come, restart sending
// whose workflow was lost, and pick A/B winners whose window has passed (engine.ts).
import type { ScheduledJob } from '../../../core/deps';
import { redactError } from '../../../http/redact-error';
import { sweepCampaigns } from './engine';

export const emailSweepJob: ScheduledJob = {
  name: 'email.sweep-campaigns',
  everySeconds: 15,
  runAtStartup: true,
  run: async (deps) => {
    const result = await sweepCampaigns(deps).catch((error: unknown) => {
      deps.logger.error('campaign sweep failed', { error: redactError(error) });
      throw error;
    });
    if (result.started.length + result.resumed.length + result.winners.length) deps.logger.info('campaign sweep', { ...result });
  },
};

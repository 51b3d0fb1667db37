// The refresh job: every few minutes, reads SES's verification state of the sending domains still
// pending and looks up the CNAMEs of the pending tracking domains. A domain whose check fails is
// logged and tried again next tick; the others go on.
import type { Deps, ScheduledJob } from '../../../core/deps';
import { pendingSendingDomainIds, refreshSendingDomain } from './sending-domains';
import { pendingTrackingDomainIds, refreshTrackingDomain } from './tracking-domains';
import type { SettingsDeps } from './settings-deps';

/** Domains checked per kind and tick: SES allows a few GetEmailIdentity calls a second. */
const DOMAINS_PER_TICK = 25;

export interface RefreshReport {
  sendingDomains: { checked: number; verified: number; failed: number };
  trackingDomains: { checked: number; verified: number; failed: number };
}

async function refreshEach(ids: string[], refresh: (id: string) => Promise<{ status: string }>, onError: (id: string, error: unknown) => void) {
  const counts = { checked: 0, verified: 0, failed: 0 };
  for (const id of ids) {
    try {
      const { status } = await refresh(id);
      counts.checked++;
      if (status === 'verified') counts.verified++;
    } catch (error) {
      counts.failed++;
      onError(id, error);
    }
  }
  return counts;
}

export async function refreshPendingDomains(deps: SettingsDeps): Promise<RefreshReport> {
  const onError = (kind: string) => (id: string, error: unknown) =>
    deps.logger.warn('email.domain-check-failed', { kind, id, error: error instanceof Error ? error.name : String(error) });
  const sending = await refreshEach(await pendingSendingDomainIds(deps, DOMAINS_PER_TICK), (id) => refreshSendingDomain(deps, id), onError('sending'));
  const tracking = await refreshEach(await pendingTrackingDomainIds(deps, DOMAINS_PER_TICK), (id) => refreshTrackingDomain(deps, id), onError('tracking'));
  return { sendingDomains: sending, trackingDomains: tracking };
}

/** The scheduled job; `settingsDeps` adds the SES and DNS sides to the root's dependencies. */
export function refreshDomainsJob(settingsDeps: (deps: Deps) => SettingsDeps): ScheduledJob {
  return {
    name: 'email.refresh-domains',
    everySeconds: 300,
    runAtStartup: true,
    run: async (deps) => {
      const report = await refreshPendingDomains(settingsDeps(deps));
      if (report.sendingDomains.checked || report.trackingDomains.checked) deps.logger.info('email.domains-refreshed', { ...report });
    },
  };
}

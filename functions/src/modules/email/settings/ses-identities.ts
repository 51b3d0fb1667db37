// The settings services' SES and DNS sides, built from the delivery library: sending domains are
// SES identities (Easy DKIM, MAIL FROM, our configuration set by default), pools are dedicated IP
// pools with a configuration set publishing to EventBridge, tracking domains are checked in DNS.
import { DeleteEmailIdentityCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { DnsRecord, DomainStatus } from '@shared/contracts/email';
import type { Deps } from '../../../core/deps';
import { createSendingDomain, ensureConfigurationSet, ensureDedicatedIpPool, refreshSendingDomain, type SendingDomainState } from '../delivery';
import { systemCnameResolver, type SendingIdentities, type SendingIdentityState, type SettingsDeps } from './settings-deps';

const PURPOSES: Record<string, DnsRecord['purpose']> = { dkim: 'dkim', spf: 'spf', dmarc: 'dmarc', 'mail-from-mx': 'mail_from' };

/** SES's answer as the settings store it: verified once SES lets the domain send, failed when DKIM failed. */
export function identityState(state: SendingDomainState): SendingIdentityState {
  const status: DomainStatus = state.verified ? 'verified' : state.dkimStatus === 'FAILED' ? 'failed' : 'pending';
  return {
    status,
    dkimVerified: state.dkimStatus === 'SUCCESS',
    records: state.records.map((r) => ({ type: r.type, name: r.name, value: r.value, purpose: PURPOSES[r.purpose] ?? 'dkim' })),
  };
}

export function sesSendingIdentities(ses: SESv2Client, config: Pick<Deps['config'], 'SES_CONFIGURATION_SET' | 'EMAIL_EVENT_BUS_ARN'>): SendingIdentities {
  return {
    create: async (domain) =>
      identityState(await createSendingDomain(ses, domain, config.SES_CONFIGURATION_SET ? { configurationSet: config.SES_CONFIGURATION_SET } : {})),
    refresh: async (domain) => identityState(await refreshSendingDomain(ses, domain)),
    remove: async (domain) => {
      try {
        await ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: domain }));
      } catch (error) {
        if ((error as { name?: unknown }).name !== 'NotFoundException') throw error;
      }
    },
    ensurePool: async ({ name, configurationSet }) => {
      await ensureDedicatedIpPool(ses, name);
      await ensureConfigurationSet(ses, configurationSet, { poolName: name, ...(config.EMAIL_EVENT_BUS_ARN ? { eventBusArn: config.EMAIL_EVENT_BUS_ARN } : {}) });
    },
  };
}

/** The settings dependencies on either host: SES through the deps' client, the system's DNS. */
export function settingsDepsOf(deps: Deps): SettingsDeps {
  return { ...deps, identities: sesSendingIdentities(deps.aws.ses, deps.config), resolveCname: systemCnameResolver };
}

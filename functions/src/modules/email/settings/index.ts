// Settings → Email and saved templates: what the email module's face re-exports. The route tables,
// what the sending engine reads of a sender profile, the domains' refresh job, and the demo data.
import type { Deps } from '../../../core/deps';
import type { Route } from '../../../http/route';
import { refreshDomainsJob } from './refresh-domains';
import { createSettingsRoutes } from './routes';
import { settingsDepsOf } from './ses-identities';
import { createTemplateRoutes } from './template-routes';

export { senderForSending, type SenderForSending } from './sender-profiles';
export { dailyCapOn } from './warmup-plans';
export { refreshPendingDomains, type RefreshReport } from './refresh-domains';
export { createSettingsRoutes } from './routes';
export { createTemplateRoutes } from './template-routes';
export { settingsDepsOf, sesSendingIdentities } from './ses-identities';
export type { CnameResolver, SendingIdentities, SettingsDeps } from './settings-deps';

/**
 * The settings and template routes. `assetUrl` turns an asset-store key (`asset:<key>` images)
 * into the public URL mail clients load it from.
 */
export function createEmailSettingsRoutes(options: { assetUrl: (deps: Deps, key: string) => string }): Route[] {
  return [...createSettingsRoutes(settingsDepsOf), ...createTemplateRoutes((deps) => ({ ...deps, assetUrl: (key) => options.assetUrl(deps, key) }))];
}

/** Every 5 minutes: pending sending domains' SES state, pending tracking domains' CNAMEs. */
export const refreshEmailDomainsJob = refreshDomainsJob(settingsDepsOf);

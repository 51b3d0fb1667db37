// What social publishing talks to, chosen once per configuration: the platforms' adapters, the
// sealed store of access tokens and the post scheduler. Tests pass their own kit to the services.
import type { Config } from '../../../config/config';
import type { Deps } from '../../../core/deps';
import type { SealedSecrets } from '../../../adapters/sealed-secrets';
import { socialAdaptersFor, type SocialAdapters } from './platforms';
import { postSchedulerFor, type PostScheduler } from './scheduler';
import { socialTokenSecretsFor } from './secrets';

export interface SocialKit {
  adapters: SocialAdapters;
  secrets: SealedSecrets;
  scheduler: PostScheduler;
}

const kits = new WeakMap<Config, SocialKit>();

export function socialKitOf(deps: Pick<Deps, 'config'>): SocialKit {
  let kit = kits.get(deps.config);
  if (!kit) {
    kit = { adapters: socialAdaptersFor(deps.config), secrets: socialTokenSecretsFor(deps.config), scheduler: postSchedulerFor(deps.config) };
    kits.set(deps.config, kit);
  }
  return kit;
}

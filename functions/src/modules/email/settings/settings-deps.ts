// What the settings services reach besides the database: the SES side of sending domains and IP
// pools (the delivery library), and DNS for tracking domains. Both are injectable, so tests run
// them against the local SES stand-in and a resolver they control.
import { resolveCname } from 'node:dns/promises';
import type { DnsRecord, DomainStatus } from '@shared/contracts/email';
import type { Deps } from '../../../core/deps';

/** A sending domain's state at the provider, and the records the customer publishes. */
export interface SendingIdentityState {
  status: DomainStatus;
  dkimVerified: boolean;
  records: DnsRecord[];
}

export interface SendingIdentities {
  /** Creates the SES identity with Easy DKIM (or finds the one that exists). */
  create(domain: string): Promise<SendingIdentityState>;
  /** Reads the identity's verification state now. */
  refresh(domain: string): Promise<SendingIdentityState>;
  /** Deletes the identity (nothing to do when it is already gone). */
  remove(domain: string): Promise<void>;
  /** A dedicated IP pool and a configuration set sending through it, publishing events to EventBridge. */
  ensurePool(pool: { name: string; configurationSet: string }): Promise<void>;
}

/** The CNAME targets DNS answers for a host name (none when it has no CNAME). */
export type CnameResolver = (host: string) => Promise<string[]>;

export interface SettingsDeps extends Pick<Deps, 'db' | 'now' | 'config' | 'logger'> {
  identities: SendingIdentities;
  resolveCname: CnameResolver;
}

const NO_CNAME = new Set(['ENODATA', 'ENOTFOUND', 'ENOTIMP', 'NXDOMAIN']);

/** The system resolver: a host with no CNAME (or no such name) answers no targets; other failures throw. */
export const systemCnameResolver: CnameResolver = async (host) => {
  try {
    return await resolveCname(host);
  } catch (error) {
    if (NO_CNAME.has(String((error as { code?: unknown }).code))) return [];
    throw error;
  }
};

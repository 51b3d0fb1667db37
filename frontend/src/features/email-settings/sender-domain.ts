// Which sending domain a from address sends as: the longest sending domain the address's host is
// or ends in (news@eu.mail.acme.example sends as mail.acme.example), as the API decides it.
import type { SendingDomain } from '@shared/contracts/email';

export function sendingDomainFor<D extends Pick<SendingDomain, 'domain'>>(address: string, domains: readonly D[]): D | undefined {
  const at = address.lastIndexOf('@');
  if (at < 0) return undefined;
  const host = address.slice(at + 1).trim().toLowerCase();
  if (!host) return undefined;
  return domains
    .filter((d) => host === d.domain || host.endsWith(`.${d.domain}`))
    .sort((a, b) => b.domain.length - a.domain.length)[0];
}

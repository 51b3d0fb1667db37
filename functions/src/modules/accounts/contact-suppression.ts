// Suppression state for contacts mapped in JavaScript (one contact, list members, segment
// previews): one lookup (the compliance module's, through deps.hooks) against the compliance tables for all of them (their addresses, the
// registrable domains and the phones). The contacts list builds the same state in its own SQL
// (contact-json.ts); contact-json.test.ts holds the two to the same answers.
import type { Contact, ChannelSuppression } from '@shared/contracts/accounts';
import type { Deps } from '../../core/deps';

/** The entry to show for a channel: the address's own entry before its domain's. */
function pick(hits: readonly ChannelSuppression[] | undefined): ChannelSuppression | null {
  if (!hits?.length) return null;
  const hit = hits.find((h) => h.type !== 'domain') ?? hits[0]!;
  return { reason: hit.reason, type: hit.type };
}

/** The contacts with `suppression` set; one query whatever the page size. */
export async function withSuppressions(deps: Pick<Deps, 'db' | 'hooks'>, items: Contact[]): Promise<Contact[]> {
  if (items.length === 0) return items;
  const emails = items.flatMap((c) => (c.email ? [c.email] : []));
  const phones = items.flatMap((c) => [c.directPhone, c.mobilePhone].filter((p): p is string => !!p));
  const found = await deps.hooks.findSuppressions(deps.db, { emails, phones });
  return items.map((contact) => ({
    ...contact,
    suppression: {
      email: contact.email ? pick(found.emails.get(contact.email.trim().toLowerCase())) : null,
      phone: pick([contact.directPhone, contact.mobilePhone].flatMap((p) => (p ? (found.phones.get(p.trim()) ?? []) : []))),
    },
  }));
}

// What the segment builder filters on, grouped as the picker shows them: the contact's own fields,
// its account's (name, domain and the firmographics an ABM segment needs) and the audience
// criteria. The API reads list and domain-set criteria as ids; here they are offered as choices
// named after the user's lists and sets.
import { ACCOUNT_SEGMENT_FIELDS, AUDIENCE_FIELDS, type DomainSet, type StaticList } from '@shared/contracts/audience';
import { CONTACT_FIELDS } from '@shared/contracts/accounts';
import type { FieldDefinition } from '@shared/contracts/filters';

/** Contact fields that describe the contact's account: listed with the account's own. */
const ACCOUNT_KEYS_OF_CONTACT = new Set(['accountId', 'accountName', 'accountDomain']);

export function segmentFields(lists: readonly StaticList[], domainSets: readonly DomainSet[]): FieldDefinition[] {
  const audience = AUDIENCE_FIELDS.map((field): FieldDefinition => {
    if (field.key === 'inList') return { key: field.key, label: field.label, type: 'enum', options: lists.map((l) => ({ value: l.id, label: l.name })), group: 'Audience' };
    if (field.key === 'accountInDomainSet') {
      return { key: field.key, label: field.label, type: 'enum', options: domainSets.map((s) => ({ value: s.id, label: s.name })), group: 'Audience' };
    }
    return { ...field, group: 'Audience' };
  });
  const contact = CONTACT_FIELDS.filter((f) => !ACCOUNT_KEYS_OF_CONTACT.has(f.key)).map((f) => ({ ...f, group: 'Contact' }));
  const account = CONTACT_FIELDS.filter((f) => ACCOUNT_KEYS_OF_CONTACT.has(f.key) && f.key !== 'accountId').map((f) => ({ ...f, group: 'Account' }));
  return [...contact, ...account, ...ACCOUNT_SEGMENT_FIELDS, ...audience];
}

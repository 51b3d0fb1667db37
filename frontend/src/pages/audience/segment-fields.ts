// What the segment builder filters on: every contact field (the company's name and domain among
// them) plus the audience criteria. The API reads list and domain-set criteria as ids; here they
// are offered as choices named after the user's lists and sets.
import { AUDIENCE_FIELDS, type DomainSet, type StaticList } from '@shared/contracts/audience';
import { CONTACT_FIELDS } from '@shared/contracts/accounts';
import type { FieldDefinition } from '@shared/contracts/filters';

export function segmentFields(lists: readonly StaticList[], domainSets: readonly DomainSet[]): FieldDefinition[] {
  const audience = AUDIENCE_FIELDS.map((field): FieldDefinition => {
    if (field.key === 'inList') return { key: field.key, label: field.label, type: 'enum', options: lists.map((l) => ({ value: l.id, label: l.name })) };
    if (field.key === 'accountInDomainSet') {
      return { key: field.key, label: field.label, type: 'enum', options: domainSets.map((s) => ({ value: s.id, label: s.name })) };
    }
    return field;
  });
  return [...CONTACT_FIELDS, ...audience];
}

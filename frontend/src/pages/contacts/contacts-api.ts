// Server state of the contacts screens: query keys and one contact.
import { useQuery } from '@tanstack/react-query';
import type { Contact } from '@shared/contracts/accounts';
import { recordKeys } from '@/features/records/record-spec';
import { api } from '@/lib/api';

export const CONTACTS_PATH = '/api/contacts';

export const contactKeys = recordKeys('contacts');

export function useContact(id: string) {
  return useQuery({
    queryKey: contactKeys.detail(id),
    queryFn: ({ signal }) => api.get<Contact>(`${CONTACTS_PATH}/${id}`, undefined, signal),
  });
}

export function contactName(contact: Pick<Contact, 'fullName' | 'firstName' | 'lastName' | 'email'>): string {
  const joined = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return contact.fullName ?? (joined || contact.email || 'Unnamed contact');
}

// Contacts: the list at /contacts and one contact at /contacts/:id (the navigation entry is
// nested, so this page routes its own sub-paths).
import { useRoute } from 'wouter';
import { ContactDetail } from './contact-detail';
import { ContactsList } from './contacts-list';

export default function ContactsPage() {
  const [isDetail, params] = useRoute<{ id: string }>('/contacts/:id');
  return isDetail ? <ContactDetail key={params.id} id={params.id} /> : <ContactsList />;
}

// The contacts list: the generic record list with the contact columns, as a dense table.
import { useMemo } from 'react';
import { UserRound } from 'lucide-react';
import { RecordListPage } from '@/features/records/record-list-page';
import { useCanWriteRecords } from '../accounts/accounts-api';
import { useCanWriteAudience } from '@/features/audience/audience-api';
import { contactColumns } from './contact-columns';
import { CONTACT_SPEC } from './contact-spec';

export function ContactsList() {
  const canWrite = useCanWriteRecords();
  const canAddToList = useCanWriteAudience();
  const columns = useMemo(() => contactColumns(), []);
  return <RecordListPage spec={CONTACT_SPEC} columns={columns} icon={<UserRound />} canWrite={canWrite} canAddToList={canAddToList} />;
}

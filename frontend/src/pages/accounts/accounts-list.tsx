// The accounts list: the generic record list with the account columns and a Cards view beside
// the table (the list opens in Cards).
import { useMemo } from 'react';
import { Building2 } from 'lucide-react';
import { RecordListPage } from '@/features/records/record-list-page';
import { useCanWriteAudience } from '@/features/audience/audience-api';
import { ACCOUNT_CARD_HEIGHT, AccountCard } from './account-card';
import { accountColumns } from './account-columns';
import { ACCOUNT_SPEC } from './account-spec';
import { useCanWriteRecords } from './accounts-api';

export function AccountsList() {
  const canWrite = useCanWriteRecords();
  const canAddToList = useCanWriteAudience();
  const columns = useMemo(() => accountColumns(), []);
  return (
    <RecordListPage
      spec={ACCOUNT_SPEC}
      columns={columns}
      icon={<Building2 />}
      canWrite={canWrite}
      canAddToList={canAddToList}
      cards={{
        height: ACCOUNT_CARD_HEIGHT,
        render: (account, card) => <AccountCard account={account} selected={card.selected} selectable={card.selectable} onToggle={card.toggle} onOpen={card.open} />,
      }}
    />
  );
}

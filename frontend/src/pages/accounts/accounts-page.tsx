// Accounts: the list at /accounts and one account at /accounts/:id (the navigation entry is
// nested, so this page routes its own sub-paths).
import { useRoute } from 'wouter';
import { AccountDetail } from './account-detail';
import { AccountsList } from './accounts-list';

export default function AccountsPage() {
  const [isDetail, params] = useRoute<{ id: string }>('/accounts/:id');
  // Keyed by id: another account starts from a clean editor state.
  return isDetail ? <AccountDetail key={params.id} id={params.id} /> : <AccountsList />;
}

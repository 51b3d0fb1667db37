// Static lists: the index at /lists and one list's members at /lists/:id (the navigation entry
// is nested, so this page routes its own sub-paths).
import { useRoute } from 'wouter';
import { ListDetail } from './list-detail';
import { ListsIndex } from './lists-index';

export default function ListsPage() {
  const [isDetail, params] = useRoute<{ id: string }>('/lists/:id');
  return isDetail ? <ListDetail key={params.id} id={params.id} /> : <ListsIndex />;
}

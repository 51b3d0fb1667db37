// Orders of every client organisation: the list at /orders and one order at /orders/:id (the
// navigation entry is nested, so this page routes its sub-paths).
import { useRoute } from 'wouter';
import { NotFound } from '@/shell/page-states';
import { OrderDetail } from './order-detail';
import { OrderList } from './order-list';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function OrdersPage() {
  const [isOrder, params] = useRoute<{ id: string }>('/orders/:id');
  if (isOrder) return UUID.test(params.id) ? <OrderDetail key={params.id} id={params.id} /> : <NotFound />;
  return <OrderList />;
}

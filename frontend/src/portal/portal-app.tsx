// The client portal: what a client user sees once signed in. Its own chunk (loaded only for client
// users, never part of the staff bundle), with its own shell and routes under /portal; any other
// address brings a client user to the portal's home. Each screen is its own lazy chunk.
import { lazy, Suspense, useEffect } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { NotFound, PageLoading } from '@/shell/page-states';
import { PortalShell, sectionAt } from './portal-shell';

const OrdersPage = lazy(() => import('./orders-page'));
const NewOrderPage = lazy(() => import('./new-order-page'));
const OrderPage = lazy(() => import('./order-page'));
const LeadsPage = lazy(() => import('./leads-page'));
const ReturnsPage = lazy(() => import('./returns-page'));
const ReportsPage = lazy(() => import('./reports-page'));
const UsersPage = lazy(() => import('./users-page'));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function OrderRoute({ id }: { id: string }) {
  return UUID.test(id) ? <OrderPage key={id} id={id} /> : <NotFound />;
}

export default function PortalApp() {
  const [location] = useLocation();
  const inPortal = location === '/portal' || location.startsWith('/portal/');
  const label = sectionAt(location)?.label ?? 'Not found';

  useEffect(() => {
    document.title = `${label} · Client portal`;
  }, [label]);

  if (!inPortal) return <Redirect to="/portal" replace />;
  return (
    <PortalShell>
      <Suspense fallback={<PageLoading />}>
        <Switch>
          <Route path="/portal">
            <OrdersPage />
          </Route>
          <Route path="/portal/orders/new">
            <NewOrderPage />
          </Route>
          <Route path="/portal/orders/:id">{(params) => <OrderRoute id={params.id} />}</Route>
          <Route path="/portal/leads">
            <LeadsPage />
          </Route>
          <Route path="/portal/returns">
            <ReturnsPage />
          </Route>
          <Route path="/portal/reports">
            <ReportsPage />
          </Route>
          <Route path="/portal/users">
            <UsersPage />
          </Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Suspense>
    </PortalShell>
  );
}

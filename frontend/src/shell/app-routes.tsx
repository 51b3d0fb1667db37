// Which screen shows: a splash while the session is restored, the sign-in page when signed
// out, the forced password change while the API requires it, else the shell with the page the
// address names — if the user's roles may open it. Every page is its own lazy chunk.
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { useAuth } from '@/lib/auth';
import { AppShell } from './app-shell';
import { BrandMark } from './brand-mark';
import { NAV_ENTRIES, mayOpen, type NavEntry } from './navigation';
import { NotAllowed, NotFound, PageLoading } from './page-states';
import { safeNext } from './safe-next';

const SignInPage = lazy(() => import('../pages/sign-in/sign-in-page'));
const ForcedPasswordChangePage = lazy(() => import('../pages/account/forced-password-change-page'));
/** Client users get the portal: its own chunk with its own shell, never loaded for staff. */
const PortalApp = lazy(() => import('../portal/portal-app'));
/** The portal's own sign-in (Amplify UI's Authenticator with Cognito): its own chunk too. */
const PortalSignInPage = lazy(() => import('../portal/sign-in/portal-sign-in-page'));

/** Pages without sub-paths first, so one's own path wins over a nested page's sub-path (`/leads/settings` over `/leads/*`). */
const ROUTE_ORDER = [...NAV_ENTRIES].sort((a, b) => Number(a.nested ?? false) - Number(b.nested ?? false));
const PAGES = new Map<string, LazyExoticComponent<ComponentType>>(NAV_ENTRIES.map((entry) => [entry.id, lazy(entry.load)]));

function Splash() {
  return (
    <div className="grid min-h-dvh place-items-center bg-background" aria-busy="true" aria-label="Loading Pivotal CRM">
      <BrandMark className="size-10 animate-pulse" />
    </div>
  );
}

function GuardedPage({ entry }: { entry: NavEntry }) {
  const { roles } = useAuth();
  if (!mayOpen(entry, roles)) return <NotAllowed page={entry.label} />;
  const Page = PAGES.get(entry.id)!;
  return <Page />;
}

export function AppRoutes() {
  const { status, mustChangePassword, roles } = useAuth();
  const [location] = useLocation();
  const search = useSearch();

  if (status === 'loading') return <Splash />;

  if (location === '/sign-in') {
    if (status === 'signed-in') return <Redirect to={safeNext(search)} replace />;
    return (
      <Suspense fallback={<Splash />}>
        <SignInPage />
      </Suspense>
    );
  }
  if (location === '/portal/sign-in') {
    if (status === 'signed-in') return <Redirect to={safeNext(search, '/portal')} replace />;
    return (
      <Suspense fallback={<Splash />}>
        <PortalSignInPage />
      </Suspense>
    );
  }
  if (status === 'signed-out') {
    if (location.startsWith('/portal')) return <Redirect to={`/portal/sign-in?next=${encodeURIComponent(location)}`} replace />;
    const next = location === '/' ? '' : `?next=${encodeURIComponent(location + (search ? `?${search}` : ''))}`;
    return <Redirect to={`/sign-in${next}`} replace />;
  }
  if (mustChangePassword) {
    return (
      <Suspense fallback={<Splash />}>
        <ForcedPasswordChangePage />
      </Suspense>
    );
  }
  if (roles.includes('client_user')) {
    return (
      <Suspense fallback={<Splash />}>
        <PortalApp />
      </Suspense>
    );
  }
  return (
    <AppShell>
      <Suspense fallback={<PageLoading />}>
        <Switch>
          {/* A nested page answers its sub-paths too (`/accounts/<id>`) and reads them itself. */}
          {ROUTE_ORDER.map((entry) => (
            <Route key={entry.id} path={entry.nested ? `${entry.path}/*?` : entry.path}>
              <GuardedPage entry={entry} />
            </Route>
          ))}
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Suspense>
    </AppShell>
  );
}

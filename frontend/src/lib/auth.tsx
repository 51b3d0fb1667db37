// Who is signed in: restores the session from the refresh cookie on load, keeps the user (and
// their current roles, from GET /api/me) in context, and offers sign-in, sign-out and password
// change. The API decides; this only mirrors what it said so screens can follow.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, LoginRequest, SessionUser, TokenResponse } from '@shared/contracts/identity';
import { can, type Capability } from '@shared/access';
import type { Role } from '@shared/roles';
import { apiRequest, onSessionEvent, refreshSession, setAccessToken } from './api';

export type AuthStatus = 'loading' | 'signed-out' | 'signed-in';

export interface AuthContextValue {
  status: AuthStatus;
  user: SessionUser | null;
  roles: readonly Role[];
  /** True when the user's roles hold the capability (shared/access.ts, the API's own policy). */
  can(capability: Capability): boolean;
  /** The API refuses everything but a password change until this is false. */
  mustChangePassword: boolean;
  /** Why the last session ended on its own (expired, revoked), shown on the sign-in page. */
  endedReason: string | null;
  signIn(request: LoginRequest): Promise<SessionUser>;
  signOut(): Promise<void>;
  changePassword(request: ChangePasswordRequest): Promise<SessionUser>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export const ME_QUERY_KEY = ['me'] as const;

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [sessionUser, setSessionUser] = useState<SessionUser | null>(null);
  const [endedReason, setEndedReason] = useState<string | null>(null);

  const adopt = useCallback((session: TokenResponse) => {
    setAccessToken(session.accessToken);
    setSessionUser(session.user);
    setEndedReason(null);
    setStatus('signed-in');
  }, []);

  const forget = useCallback(
    (reason: string | null) => {
      setAccessToken(null);
      setSessionUser(null);
      setEndedReason(reason);
      setStatus('signed-out');
      queryClient.clear();
    },
    [queryClient],
  );

  // A reload keeps no token in memory: the refresh cookie, when there is one, brings it back.
  useEffect(() => {
    let cancelled = false;
    void refreshSession().then((session) => {
      if (cancelled) return;
      if (session) adopt(session);
      else setStatus('signed-out');
    });
    return () => {
      cancelled = true;
    };
  }, [adopt]);

  useEffect(
    () =>
      onSessionEvent((event) => {
        if (event.kind === 'refreshed') setSessionUser(event.session.user);
        else if (event.kind === 'ended') forget('Your session has ended: sign in again.');
        else {
          const restrict = (user: SessionUser | null | undefined) => (user ? { ...user, mustChangePassword: true } : user);
          setSessionUser((user) => restrict(user) ?? null);
          queryClient.setQueryData<SessionUser>(ME_QUERY_KEY, (user) => restrict(user) ?? undefined);
        }
      }),
    [forget, queryClient],
  );

  // Roles can change while signed in (an admin edits them): /api/me is the current truth.
  const me = useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => apiRequest<SessionUser>('/api/me', { signal }),
    enabled: status === 'signed-in',
    staleTime: 60_000,
  });
  const user = status === 'signed-in' ? (me.data ?? sessionUser) : null;

  const signIn = useCallback(
    async (request: LoginRequest) => {
      const session = await apiRequest<TokenResponse>('/api/auth/login', { method: 'POST', body: request, noRefresh: true });
      queryClient.clear();
      queryClient.setQueryData(ME_QUERY_KEY, session.user);
      adopt(session);
      return session.user;
    },
    [adopt, queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await apiRequest<void>('/api/auth/logout', { method: 'POST', noRefresh: true });
    } finally {
      forget(null);
    }
  }, [forget]);

  const changePassword = useCallback(
    async (request: ChangePasswordRequest) => {
      const session = await apiRequest<TokenResponse>('/api/auth/password', { method: 'POST', body: request });
      queryClient.setQueryData(ME_QUERY_KEY, session.user);
      adopt(session);
      return session.user;
    },
    [adopt, queryClient],
  );

  const value = useMemo<AuthContextValue>(() => {
    const roles = user?.roles ?? [];
    return {
      status,
      user,
      roles,
      can: (capability) => can(roles, capability),
      mustChangePassword: user?.mustChangePassword ?? false,
      endedReason,
      signIn,
      signOut,
      changePassword,
    };
  }, [status, user, endedReason, signIn, signOut, changePassword]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth needs an <AuthProvider> above it');
  return context;
}

/** Whether the signed-in user may do what the capability names; screens hide what they may not. */
export function useCan(capability: Capability): boolean {
  return useAuth().can(capability);
}

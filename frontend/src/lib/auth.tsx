// Who is signed in: restores the session on load (the refresh cookie with the API's own issuer,
// Amplify's stored tokens with Cognito), keeps the user (and their current roles, from GET
// /api/me) in context, and offers sign-in, sign-out and password change. `/config.json` says
// which issuer (runtime-config.ts). The API decides; this only mirrors what it said so screens
// can follow.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, LoginRequest, SessionUser, TokenResponse } from '@shared/contracts/identity';
import { can, type Capability } from '@shared/access';
import type { Role } from '@shared/roles';
import { apiRequest, onSessionEvent, refreshSession, setAccessToken, setTokenSource } from './api';
import { loadRuntimeConfig, type RuntimeConfig } from './runtime-config';

type CognitoSession = typeof import('./cognito-session');

/** Cognito wants the temporary password replaced before the sign-in completes. */
export class NewPasswordRequired extends Error {
  override name = 'NewPasswordRequired';
  constructor() {
    super('Choose a new password to finish signing in.');
  }
}

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
  /** `/config.json`'s settings (null until loaded): who issues tokens and the pools. */
  runtimeConfig: RuntimeConfig | null;
  /** Staff sign-in: the API's issuer, or the staff pool (may throw NewPasswordRequired). */
  signIn(request: LoginRequest): Promise<SessionUser>;
  /** Finishes a Cognito sign-in that threw NewPasswordRequired. */
  completeNewPassword(newPassword: string): Promise<SessionUser>;
  /** Takes the session the portal's sign-in (Amplify's Authenticator) has just started. */
  adoptPortalSession(): Promise<SessionUser>;
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
  const [runtimeConfig, setRuntimeConfig] = useState<RuntimeConfig | null>(null);
  const cognito = useRef<CognitoSession | null>(null);

  const adopt = useCallback((session: TokenResponse) => {
    setAccessToken(session.accessToken);
    setSessionUser(session.user);
    setEndedReason(null);
    setStatus('signed-in');
  }, []);

  /** With Cognito: the tokens are Amplify's; who the user is comes from /api/me. */
  const adoptCognito = useCallback(async () => {
    const user = await apiRequest<SessionUser>('/api/me', { noRefresh: true });
    queryClient.clear();
    queryClient.setQueryData(ME_QUERY_KEY, user);
    setSessionUser(user);
    setEndedReason(null);
    setStatus('signed-in');
    return user;
  }, [queryClient]);

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

  // A reload keeps no token in memory: the refresh cookie, when there is one, brings it back;
  // with Cognito, Amplify's stored tokens of the pool last signed in with.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const config = await loadRuntimeConfig();
      if (cancelled) return;
      setRuntimeConfig(config);
      if (config.authMode === 'cognito') {
        const session = await import('./cognito-session');
        if (cancelled) return;
        cognito.current = session;
        session.restorePool(config);
        setTokenSource({ current: () => session.cognitoAccessToken(), refresh: () => session.cognitoAccessToken(true) });
        if (await session.cognitoAccessToken()) {
          try {
            await adoptCognito();
            return;
          } catch {
            await session.cognitoSignOut().catch(() => undefined);
          }
        }
        if (!cancelled) setStatus('signed-out');
        return;
      }
      const session = await refreshSession();
      if (cancelled) return;
      if (session) adopt(session);
      else setStatus('signed-out');
    })();
    return () => {
      cancelled = true;
    };
  }, [adopt, adoptCognito]);

  const cognitoModule = useCallback(async (): Promise<CognitoSession> => {
    cognito.current ??= await import('./cognito-session');
    return cognito.current;
  }, []);

  useEffect(
    () =>
      onSessionEvent((event) => {
        if (event.kind === 'refreshed') setSessionUser(event.session.user);
        else if (event.kind === 'ended') {
          // Amplify's stored tokens go too, or the next load would bring the session back.
          if (cognito.current) void cognito.current.cognitoSignOut().catch(() => undefined);
          forget('Your session has ended: sign in again.');
        }
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
      if (runtimeConfig?.authMode === 'cognito') {
        const session = await cognitoModule();
        const result = await session.cognitoSignIn(runtimeConfig, 'staff', request.login, request.password);
        if (!result.done) throw new NewPasswordRequired();
        return adoptCognito();
      }
      const session = await apiRequest<TokenResponse>('/api/auth/login', { method: 'POST', body: request, noRefresh: true });
      queryClient.clear();
      queryClient.setQueryData(ME_QUERY_KEY, session.user);
      adopt(session);
      return session.user;
    },
    [adopt, adoptCognito, cognitoModule, queryClient, runtimeConfig],
  );

  const completeNewPassword = useCallback(
    async (newPassword: string) => {
      const session = await cognitoModule();
      const result = await session.cognitoCompleteNewPassword(newPassword);
      if (!result.done) throw new NewPasswordRequired();
      return adoptCognito();
    },
    [adoptCognito, cognitoModule],
  );

  const adoptPortalSession = useCallback(async () => {
    const session = await cognitoModule();
    session.rememberPortalSignIn();
    return adoptCognito();
  }, [adoptCognito, cognitoModule]);

  const signOut = useCallback(async () => {
    if (cognito.current) {
      // Amplify forgets the tokens (and revokes the refresh token on Cognito); the API keeps no
      // session of a Cognito user.
      try {
        await cognito.current.cognitoSignOut();
      } finally {
        forget(null);
      }
      return;
    }
    try {
      await apiRequest<void>('/api/auth/logout', { method: 'POST', noRefresh: true });
    } finally {
      forget(null);
    }
  }, [forget]);

  const changePassword = useCallback(
    async (request: ChangePasswordRequest) => {
      if (cognito.current) {
        await cognito.current.cognitoChangePassword(request.currentPassword, request.newPassword);
        return adoptCognito();
      }
      const session = await apiRequest<TokenResponse>('/api/auth/password', { method: 'POST', body: request });
      queryClient.setQueryData(ME_QUERY_KEY, session.user);
      adopt(session);
      return session.user;
    },
    [adopt, adoptCognito, queryClient],
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
      runtimeConfig,
      signIn,
      completeNewPassword,
      adoptPortalSession,
      signOut,
      changePassword,
    };
  }, [status, user, endedReason, runtimeConfig, signIn, completeNewPassword, adoptPortalSession, signOut, changePassword]);

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

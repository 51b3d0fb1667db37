// Talks to a running stack's API from the test process (no browser): sign in, change a
// password, call admin endpoints — for arranging data a browser test then looks at.
import type { TokenResponse } from '@shared/contracts/identity';

/** The settings every browser-suite stack runs with. */
export const E2E_STACK_ENV: Record<string, string> = {
  LOG_LEVEL: 'WARN',
  PASSWORD_HASH_COST: '10',
  // Every test signs in from 127.0.0.1: the per-IP limit would otherwise trip mid-suite.
  LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
  // One admin runs the whole suite, several files at once: the per-user limits are not under test here.
  RATE_LIMIT_SEARCH_PER_MINUTE: '10000',
  RATE_LIMIT_EXPORT_PER_MINUTE: '10000',
  RATE_LIMIT_IMPORT_PER_MINUTE: '10000',
  // The dialer ticks every second, so a test's call is placed soon after the agent is available.
  DIALER_TICK_SECONDS: '1',
};

/** The admin's password once the suite's stack has left its first-run state. */
export const E2E_ADMIN_PASSWORD = 'Blue-Harbor-Lantern-42';

export interface ApiSession {
  accessToken: string;
  user: TokenResponse['user'];
  /** Calls the API as this user; throws with the problem body on a non-2xx answer. */
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

async function call<T>(baseUrl: string, method: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function signInViaApi(baseUrl: string, credentials: { login: string; password: string }): Promise<ApiSession> {
  const session = await call<TokenResponse>(baseUrl, 'POST', '/api/auth/login', credentials);
  return {
    accessToken: session.accessToken,
    user: session.user,
    request: (method, path, body) => call(baseUrl, method, path, body, session.accessToken),
  };
}

/** Signs in and changes the password (the way out of the forced-change state); answers the new session. */
export async function changePasswordViaApi(
  baseUrl: string,
  input: { login: string; currentPassword: string; newPassword: string },
): Promise<ApiSession> {
  const first = await signInViaApi(baseUrl, { login: input.login, password: input.currentPassword });
  const session = await first.request<TokenResponse>('POST', '/api/auth/password', {
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
  });
  return {
    accessToken: session.accessToken,
    user: session.user,
    request: (method, path, body) => call(baseUrl, method, path, body, session.accessToken),
  };
}

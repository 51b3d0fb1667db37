// The one way the SPA talks to the API: JSON in and out, the access token as a bearer header,
// one silent refresh (http-only cookie, or Cognito's refresh through Amplify) when a token has
// expired, and every problem+json answer turned into an ApiError that forms and screens can read
// field by field.
import { PROBLEM_TYPE_BASE, problemSchema, type Problem } from '@shared/contracts/problem';
import { tokenResponseSchema, type TokenResponse } from '@shared/contracts/identity';

/** What went wrong, as the API said it (or as close as we can tell when it said nothing useful). */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  /** The problem type without its base URL: `invalid`, `rate_limited`, `password_change_required`, … */
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  /** Field errors keyed by the field's path without its `body.`/`query.`/`params.` prefix. */
  readonly fieldErrors: Record<string, string[]>;
  /** Seconds until a retry may succeed (from Retry-After), when the API said so. */
  readonly retryAfterSeconds: number | null;
  /** The problem's own members beyond RFC 9457's (a refused schedule's red `items`, a stale write's `version`). */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(problem: Problem, retryAfterSeconds: number | null = null, extra: Record<string, unknown> = {}) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.code = problem.type.startsWith(PROBLEM_TYPE_BASE) ? problem.type.slice(PROBLEM_TYPE_BASE.length) : problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.retryAfterSeconds = retryAfterSeconds;
    this.extra = extra;
    const fieldErrors: Record<string, string[]> = {};
    for (const error of problem.errors ?? []) {
      const field = error.field.replace(/^(body|query|params)\./, '');
      (fieldErrors[field] ??= []).push(error.message);
    }
    this.fieldErrors = fieldErrors;
  }
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

/**
 * The access token lives in memory only (never in storage a script could read later); the
 * refresh cookie brings it back after a reload.
 */
let accessToken: string | null = null;
let refreshing: Promise<TokenResponse | null> | null = null;

type SessionListener = (event: { kind: 'refreshed'; session: TokenResponse } | { kind: 'ended' } | { kind: 'password_change_required' }) => void;
const listeners = new Set<SessionListener>();

/** The auth context listens here to learn of refreshed, ended or restricted sessions. */
export function onSessionEvent(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const emit: SessionListener = (event) => listeners.forEach((listener) => listener(event));

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

export function hasAccessToken(): boolean {
  return accessToken !== null || tokenSource !== null;
}

/**
 * Where tokens come from when someone else issues and refreshes them (Cognito through Amplify):
 * `current` answers a valid token (refreshing it when it has expired), `refresh` a new one after
 * the API refused the last. Null: the API's own issuer and its refresh cookie.
 */
export interface TokenSource {
  current(): Promise<string | null>;
  refresh(): Promise<string | null>;
}
let tokenSource: TokenSource | null = null;

export function setTokenSource(source: TokenSource | null): void {
  tokenSource = source;
  accessToken = null;
}

async function bearer(): Promise<string | null> {
  return tokenSource ? tokenSource.current() : accessToken;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  /** Don't try a refresh on 401 (the auth endpoints themselves). */
  noRefresh?: boolean;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const PROBLEM_MEMBERS = new Set(Object.keys(problemSchema.shape));
const extraMembers = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([key]) => !PROBLEM_MEMBERS.has(key)));

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  const text = await response.text().catch(() => '');
  try {
    const body: unknown = JSON.parse(text);
    const parsed = problemSchema.safeParse(body);
    if (parsed.success) return new ApiError(parsed.data, retryAfterSeconds, extraMembers(body as Record<string, unknown>));
  } catch {
    // Not JSON (a proxy's error page, an empty body): described from the status below.
  }
  return new ApiError(
    { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status },
    retryAfterSeconds,
  );
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const token = await bearer();
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({ type: 'network', title: 'The server could not be reached', status: 0, detail: 'Check your connection and try again.' });
  }
}

/** A refresh holds the other tabs' turn: it gives up after this long rather than keep them waiting. */
const REFRESH_TIMEOUT_MS = 15_000;

const postRefresh = () =>
  fetch('/api/auth/refresh', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(REFRESH_TIMEOUT_MS),
  });

/**
 * One refresh at a time across this browser's tabs (they share the cookie): the Web Locks API
 * queues them, so each sends the cookie the last one received. Where the API is missing, tabs may
 * race; the server takes a just-rotated cookie for a race within its grace, and a refused refresh
 * is tried once more.
 */
async function refreshAcrossTabs(): Promise<Response> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks) return locks.request('pivotal-crm-session-refresh', postRefresh);
  const response = await postRefresh();
  return response.status === 401 ? postRefresh() : response;
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request, so
 * a burst of expired calls rotates the cookie once (a second rotation would look like reuse).
 */
export function refreshSession(): Promise<TokenResponse | null> {
  // Cognito's tokens are refreshed by their source, never with our cookie.
  if (tokenSource) return Promise.resolve(null);
  refreshing ??= (async () => {
    try {
      const response = await refreshAcrossTabs();
      if (!response.ok) {
        accessToken = null;
        return null;
      }
      const session = tokenResponseSchema.parse(await response.json());
      accessToken = session.accessToken;
      emit({ kind: 'refreshed', session });
      return session;
    } catch {
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** A refused token renewed once: true when there is a new one to retry with. */
async function renewAfter401(): Promise<boolean> {
  if (tokenSource) return (await tokenSource.refresh()) !== null;
  return (await refreshSession()) !== null;
}

/** Calls the API and answers the parsed JSON body (undefined for 204). Throws ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 401 && !options.noRefresh && hasAccessToken()) {
    if (await renewAfter401()) {
      response = await send(path, options);
    } else {
      emit({ kind: 'ended' });
    }
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.code === 'password_change_required') emit({ kind: 'password_change_required' });
    else if (error.status === 401 && !options.noRefresh) emit({ kind: 'ended' });
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Downloads a file the API answers (a CSV export): the same token and refresh as any call, then
 * the browser saves the body under the name the server gave (Content-Disposition) or `fallbackName`.
 */
export async function apiDownload(path: string, query: RequestOptions['query'], fallbackName: string): Promise<void> {
  let response = await send(path, { query });
  if (response.status === 401 && hasAccessToken()) {
    if (!(await renewAfter401())) emit({ kind: 'ended' });
    else response = await send(path, { query });
  }
  if (!response.ok) throw await toApiError(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = named ? decodeURIComponent(named) : fallbackName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked after the click has been handled, or the download may not start.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};

/** A short sentence for a toast or a banner. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.detail ?? error.title;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

// What the HTTP-API providers (SendGrid, Mailgun) share: one POST with a time limit, and the
// answer read into the send error classes (429 honours Retry-After, or SendGrid's X-RateLimit-Reset).
import { classifyHttpStatus, classifySendError, type ProviderName } from './provider';

export interface HttpDeliverySettings {
  /** How long one call may take; past it the message counts as possibly sent. */
  timeoutMs: number;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** How long the provider asked us to wait, from Retry-After (seconds or a date) or X-RateLimit-Reset (epoch seconds). */
export function retryAfterMsOf(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
  return undefined;
}

/** The provider's own words from an error body: SendGrid's `errors[].message`, Mailgun's `message`, or the text. */
function describeErrorBody(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { message?: string }[]; message?: string };
    const messages = parsed.errors?.map((e) => e.message).filter(Boolean);
    if (messages?.length) return messages.join('; ');
    if (parsed.message) return parsed.message;
  } catch {
    // Not JSON: the text itself says it.
  }
  return body.trim().slice(0, 300);
}

/**
 * POSTs one message and answers the provider's 2xx response; anything else leaves as a
 * classified send error (network failures and the time limit through classifySendError).
 */
export async function postToProvider(provider: ProviderName, url: string, init: RequestInit, settings: HttpDeliverySettings): Promise<Response> {
  const doFetch = settings.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, { ...init, method: 'POST', signal: AbortSignal.timeout(settings.timeoutMs) });
  } catch (error) {
    throw classifySendError(error, provider);
  }
  if (response.ok) return response;
  const body = await response.text().catch(() => '');
  const reason = describeErrorBody(body) || `${provider} answered ${response.status}.`;
  throw classifyHttpStatus(response.status, reason, { provider, retryAfterMs: retryAfterMsOf(response.headers) });
}

// The contract every email provider adapter meets (SES, SendGrid, Mailgun): one rendered message
// to one recipient in, the provider's message id out. Every failure leaves an adapter as one of
// the send error classes below, so the sending engine knows what to do with it: wait and retry,
// retry, fail the recipient, pause the campaign, or report the message as possibly sent.

export type ProviderName = 'ses' | 'sendgrid' | 'mailgun';

export interface Mailbox {
  /** Display name; may hold any Unicode (adapters encode it for the header). Empty for none. */
  name: string;
  address: string;
}

export interface MessageHeader {
  name: string;
  value: string;
}

export interface OutgoingMessage {
  from: Mailbox;
  replyTo?: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Headers added to the message as given: List-Unsubscribe, List-Unsubscribe-Post, … */
  headers: MessageHeader[];
  /** SES only: the configuration set that publishes the message's events and picks its IP pool. */
  configurationSet?: string;
  /**
   * Returned with the provider's events (campaign id, recipient id, variant). SES allows only
   * ASCII letters, digits, `_` and `-` in tags: other characters become `_` (UUIDs pass unchanged).
   */
  tags: Record<string, string>;
}

export interface EmailProvider {
  readonly name: ProviderName;
  /**
   * Sends one message. Rejects only with a {@link SendError} subclass. The id is the provider's
   * (SES MessageId, SendGrid X-Message-Id, Mailgun id without its angle brackets).
   */
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
}

export type SendErrorKind = 'throttled' | 'rejected' | 'blocked' | 'uncertain' | 'transient';

export interface SendErrorOptions {
  provider?: ProviderName;
  /** The provider's error code or HTTP status, kept for logs and the recorded reason. */
  code?: string;
  cause?: unknown;
}

/** A failed send, classified. `message` is a sentence fit to show as the recipient's or campaign's reason. */
export abstract class SendError extends Error {
  abstract readonly kind: SendErrorKind;
  readonly provider: ProviderName | undefined;
  readonly code: string | undefined;

  constructor(message: string, options: SendErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.provider = options.provider;
    this.code = options.code;
  }
}

/** The provider asks us to slow down: wait (retryAfterMs when it said how long) and send again. Nothing was sent. */
export class SendThrottledError extends SendError {
  override name = 'SendThrottledError';
  readonly kind = 'throttled' as const;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: SendErrorOptions & { retryAfterMs?: number } = {}) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Permanent for this recipient (bad address, content refused): the recipient fails with this reason. */
export class SendRejectedError extends SendError {
  override name = 'SendRejectedError';
  readonly kind = 'rejected' as const;
}

/**
 * Nothing can be sent from this sender until a person acts (sending paused or the account
 * suspended, credentials or sender refused, daily quota used up): the campaign pauses with this reason.
 */
export class SendBlockedError extends SendError {
  override name = 'SendBlockedError';
  readonly kind = 'blocked' as const;
}

/** The call may or may not have sent (timed out or cut off after the request left): never resent automatically. */
export class SendUncertainError extends SendError {
  override name = 'SendUncertainError';
  readonly kind = 'uncertain' as const;
}

/** Nothing was sent (connection refused, provider error 5xx): safe to retry after a short wait. */
export class SendTransientError extends SendError {
  override name = 'SendTransientError';
  readonly kind = 'transient' as const;
}

// Network failures that happen before a request can have reached the provider.
const NOT_CONNECTED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

const asErrorLike = (value: unknown): ErrorLike => (typeof value === 'object' && value !== null ? (value as ErrorLike) : {});

function networkCodeOf(error: ErrorLike): string | undefined {
  if (typeof error.code === 'string') return error.code;
  const cause = asErrorLike(error.cause);
  return typeof cause.code === 'string' ? cause.code : undefined;
}

/**
 * The error class of an HTTP answer from a provider. 401/403 (credentials or sender refused) and
 * 404 (the provider does not know the domain or configuration we name) would fail every recipient
 * alike, so they block the campaign rather than fail one recipient; 408 means the provider never
 * read the request.
 */
export function classifyHttpStatus(
  status: number,
  message: string,
  options: SendErrorOptions & { retryAfterMs?: number } = {},
): SendError {
  const withCode = { ...options, code: options.code ?? String(status) };
  if (status === 429) return new SendThrottledError(message, withCode);
  if (status === 401 || status === 403 || status === 404) return new SendBlockedError(message, withCode);
  if (status === 408 || status >= 500) return new SendTransientError(message, withCode);
  if (status >= 400) return new SendRejectedError(message, withCode);
  return new SendUncertainError(message, withCode);
}

/**
 * Classifies anything a provider call threw. Adapters already throw classified errors (returned as
 * they are); this reads what is left: an AWS SDK service error by its HTTP status, network errors
 * by their code, timeouts. What cannot be told apart is uncertain: resending it could send twice.
 */
export function classifySendError(error: unknown, provider?: ProviderName): SendError {
  if (error instanceof SendError) return error;
  const e = asErrorLike(error);
  const message = typeof e.message === 'string' && e.message ? e.message : String(error);
  const status = e.$fault !== undefined ? e.$metadata?.httpStatusCode : undefined;
  const code = networkCodeOf(e);
  const options = { provider, cause: error, code: code ?? (typeof e.name === 'string' ? e.name : undefined) };

  if (typeof status === 'number') return classifyHttpStatus(status, message, options);
  if (code && NOT_CONNECTED_CODES.has(code)) return new SendTransientError(`Could not reach the provider (${code}).`, options);
  // The AWS SDK names its connect timeout TimeoutError too, but says no connection was made.
  if (e.name === 'TimeoutError' && /did not establish a connection/.test(message)) {
    return new SendTransientError('Could not connect to the provider in time.', options);
  }
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return new SendUncertainError('The provider did not answer in time: the message may have been sent.', options);
  }
  return new SendUncertainError(`The provider call failed after it was made (${code ?? message}): the message may have been sent.`, options);
}

// The Telnyx webhook's service: verify the Ed25519 signature over the raw bytes before anything
// else (the SDK checks `timestamp|body` and refuses a timestamp more than 300 s off), take the event
// id once with a conditional put in the one DynamoDB table (a concurrent or later duplicate is
// acknowledged and dropped; call_events' key is the backstop), copy a recording to S3 while its
// URL still works, then apply the event. A failure gives the key back so Telnyx's retry can apply it.
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { AppError } from '../../../core/app-error';
import { telnyxFor } from '../../../adapters/telnyx';
import { applyTelnyxEvent, findEventCall, type ApplyOutcome } from './apply-event';
import type { CallDeps } from './agent-leg';
import { recordingKeyOf } from './call-keys';
import { parseTelnyxEvent, recordingOf, type TelnyxEvent } from './telnyx-event';

export type WebhookOutcome = ApplyOutcome | 'ignored';

/** Telnyx retries for a day at most; a week covers any redelivery. */
const EVENT_KEY_DAYS = 7;
const RECORDING_FETCH_TIMEOUT_MS = 30_000;

const refused = (detail: string) => new AppError('unauthenticated', { detail });

/** Verifies and parses the body: 400 without signature headers; 401 when telephony cannot verify or the signature or its time does not hold. */
export async function verifyTelnyxWebhook(deps: Pick<CallDeps, 'config' | 'logger'>, rawBody: string, headers: Record<string, string | undefined>): Promise<unknown> {
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (typeof value === 'string') plain[name.toLowerCase()] = value;
  // Not a webhook at all (no signature to check): a malformed request, whoever sends it.
  if (!plain['telnyx-signature-ed25519'] || !plain['telnyx-timestamp']) {
    throw new AppError('bad_request', { detail: 'A Telnyx webhook carries the telnyx-signature-ed25519 and telnyx-timestamp headers.' });
  }
  const telnyx = telnyxFor(deps.config);
  // Without the public key nothing can be verified, so nothing is accepted.
  if (!telnyx || !deps.config.TELNYX_PUBLIC_KEY) throw refused('Telnyx webhooks are not accepted: no Telnyx public key is configured.');
  try {
    return await telnyx.verify(rawBody, plain);
  } catch (error) {
    deps.logger.warn('telnyx webhook refused', { reason: (error as Error).message.slice(0, 120) });
    throw refused('The webhook signature or timestamp does not verify.');
  }
}

/** Takes the event id; false when it was taken before (a duplicate). */
async function claimEventId(deps: CallDeps, eventId: string): Promise<boolean> {
  try {
    await deps.aws.doc.send(
      new PutCommand({
        TableName: deps.config.TABLE_NAME,
        Item: { pk: `TELNYX#${eventId}`, sk: 'EVENT', receivedAt: deps.now().toISOString(), expiresAt: Math.floor(deps.now().getTime() / 1000) + EVENT_KEY_DAYS * 86_400 },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

async function releaseEventId(deps: CallDeps, eventId: string): Promise<void> {
  await deps.aws.doc.send(new DeleteCommand({ TableName: deps.config.TABLE_NAME, Key: { pk: `TELNYX#${eventId}`, sk: 'EVENT' } }));
}

/** Copies the saved recording to our bucket now: Telnyx's URL expires in ten minutes. */
async function copyRecording(deps: CallDeps, event: TelnyxEvent): Promise<{ key: string; seconds: number | null } | null> {
  const recording = recordingOf(event);
  if (!recording) return null;
  const call = await findEventCall(deps.db, event);
  if (!call) return null;
  const response = await fetch(recording.url, { signal: AbortSignal.timeout(RECORDING_FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`the recording download answered ${response.status}`);
  const body = new Uint8Array(await response.arrayBuffer());
  const key = recordingKeyOf(call.campaignId, call.id);
  await deps.aws.s3.send(new PutObjectCommand({ Bucket: deps.config.BUCKET_NAME, Key: key, Body: body, ContentType: 'audio/wav' }));
  return { key, seconds: recording.seconds };
}

/** The whole webhook: verified, taken once, applied. */
export async function receiveTelnyxWebhook(deps: CallDeps, input: { rawBody: string; headers: Record<string, string | undefined> }): Promise<WebhookOutcome> {
  const body = await verifyTelnyxWebhook(deps, input.rawBody, input.headers);
  const event = parseTelnyxEvent(body);
  if (!event) {
    // Signed by Telnyx but not a call event we read: a retry would not change it.
    deps.logger.info('telnyx webhook ignored: not a call event');
    return 'ignored';
  }
  if (!(await claimEventId(deps, event.id))) return 'duplicate';
  try {
    const recording = event.type === 'call.recording.saved' ? await copyRecording(deps, event) : null;
    return await applyTelnyxEvent(deps, event, recording);
  } catch (error) {
    await releaseEventId(deps, event.id).catch((e: unknown) => deps.logger.error('telnyx event id not released', { eventId: event.id, error: (e as Error).message }));
    throw error;
  }
}

// A Telnyx Call Control webhook read into the few fields we act on. Telnyx wraps the event in
// `data` (with `meta` beside it); the event's own `occurred_at` orders it, never its arrival.
import { z } from 'zod';
import { decodeClientState, type CallClientState } from './call-keys';

export interface TelnyxEvent {
  id: string;
  type: string;
  occurredAt: Date;
  callControlId: string | null;
  callSessionId: string | null;
  clientState: CallClientState | null;
  payload: Record<string, unknown>;
}

const eventSchema = z.object({
  id: z.string().trim().min(1).max(200),
  event_type: z.string().trim().min(1).max(100),
  occurred_at: z.string().datetime({ offset: true }),
  payload: z.record(z.string(), z.unknown()).default({}),
});

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** The event, or null when the body is not a Call Control event we read (signed, but nothing for us). */
export function parseTelnyxEvent(body: unknown): TelnyxEvent | null {
  const inner = body && typeof body === 'object' && 'data' in body ? (body as { data: unknown }).data : body;
  const parsed = eventSchema.safeParse(inner);
  if (!parsed.success) return null;
  const { payload } = parsed.data;
  return {
    id: parsed.data.id,
    type: parsed.data.event_type,
    occurredAt: new Date(parsed.data.occurred_at),
    callControlId: text(payload.call_control_id),
    callSessionId: text(payload.call_session_id),
    clientState: decodeClientState(text(payload.client_state)),
    payload,
  };
}

/** Machine detection's verdicts that mean a person is on the line ("not sure" is treated as one: better an agent than a hang-up). */
const HUMAN_RESULTS = new Set(['human', 'human_residence', 'human_business', 'not_sure']);
export const isHumanVerdict = (result: string | null | undefined) => result !== null && result !== undefined && HUMAN_RESULTS.has(result);

/** The WAV Telnyx saved (its URL lives ten minutes) and how long it runs. */
export function recordingOf(event: TelnyxEvent): { url: string; seconds: number | null } | null {
  const urls = (event.payload.recording_urls ?? event.payload.public_recording_urls) as Record<string, unknown> | undefined;
  const url = text(urls?.wav) ?? text(urls?.mp3);
  if (!url) return null;
  const started = Date.parse(String(event.payload.recording_started_at ?? ''));
  const ended = Date.parse(String(event.payload.recording_ended_at ?? ''));
  const seconds = Number.isFinite(started) && Number.isFinite(ended) && ended >= started ? Math.round((ended - started) / 1000) : null;
  return { url, seconds };
}

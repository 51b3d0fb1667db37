// AssemblyAI behind a small interface: submit a recording for transcription with a webhook (no
// polling: `transcribe()` would poll, and a Lambda must not wait) and fetch the finished transcript.
// Dual-channel recordings are submitted with `multichannel: true`, so each utterance names its
// channel (1: left, 2: right). The SDK (`assemblyai` 4) is the same on AWS and locally, where
// ASSEMBLYAI_BASE_URL points it at the stand-in in infra/local.
import { AssemblyAI } from 'assemblyai';
import type { Config } from '../config/config';
import { VendorError, withTimeout } from './vendor-error';

export interface TranscriptionRequest {
  /** A URL the vendor can fetch the audio from (a presigned S3 link). */
  audioUrl: string;
  webhookUrl: string;
  /** Sent back as this header on the webhook, which checks it. */
  webhookAuth: { header: string; value: string };
}

export interface ChannelUtterance {
  /** '1' (left), '2' (right); null when the vendor did not say. */
  channel: string | null;
  startMs: number;
  endMs: number;
  text: string;
}

export interface TranscriptResult {
  id: string;
  status: 'queued' | 'processing' | 'completed' | 'error';
  error: string | null;
  audioSeconds: number | null;
  utterances: ChannelUtterance[];
}

export interface Transcriber {
  /** Submits the audio; the job's id. */
  submit(request: TranscriptionRequest): Promise<string>;
  get(id: string): Promise<TranscriptResult>;
}

export const ASSEMBLYAI_AUTH_HEADER = 'x-pivotal-webhook-secret';

const STATUSES = new Set(['queued', 'processing', 'completed', 'error']);

export function createAssemblyAiTranscriber(config: Pick<Config, 'ASSEMBLYAI_API_KEY' | 'ASSEMBLYAI_BASE_URL' | 'LEADS_VENDOR_TIMEOUT_MS'>): Transcriber | null {
  if (!config.ASSEMBLYAI_API_KEY) return null;
  const client = new AssemblyAI({ apiKey: config.ASSEMBLYAI_API_KEY, ...(config.ASSEMBLYAI_BASE_URL ? { baseUrl: config.ASSEMBLYAI_BASE_URL } : {}) });
  const call = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await withTimeout('assemblyai', config.LEADS_VENDOR_TIMEOUT_MS, work());
    } catch (error) {
      if (error instanceof VendorError) throw error;
      // The SDK throws plain Errors carrying the API's message, and SyntaxError for a body that is not JSON.
      throw new VendorError('assemblyai', `${what} failed (${(error as Error).name}: ${(error as Error).message.slice(0, 200)})`, { cause: error });
    }
  };
  return {
    async submit(request) {
      const transcript = await call('submit', () =>
        client.transcripts.submit({
          audio: request.audioUrl,
          multichannel: true,
          webhook_url: request.webhookUrl,
          webhook_auth_header_name: request.webhookAuth.header,
          webhook_auth_header_value: request.webhookAuth.value,
        }),
      );
      if (typeof transcript?.id !== 'string' || !transcript.id) throw new VendorError('assemblyai', 'submit answered without a transcript id');
      return transcript.id;
    },
    async get(id) {
      const t = await call('get', () => client.transcripts.get(id));
      if (typeof t?.id !== 'string' || !STATUSES.has(t.status)) throw new VendorError('assemblyai', 'the transcript answer is malformed');
      const utterances = t.utterances ?? [];
      if (!Array.isArray(utterances) || utterances.some((u) => typeof u?.text !== 'string' || typeof u.start !== 'number' || typeof u.end !== 'number')) {
        throw new VendorError('assemblyai', 'the transcript utterances are malformed');
      }
      return {
        id: t.id,
        status: t.status as TranscriptResult['status'],
        error: t.error ?? null,
        audioSeconds: typeof t.audio_duration === 'number' ? t.audio_duration : null,
        utterances: utterances.map((u) => ({ channel: u.channel ?? u.speaker ?? null, startMs: Math.round(u.start), endMs: Math.round(u.end), text: u.text })),
      };
    },
  };
}

const transcribers = new WeakMap<Config, Transcriber | null>();

/** One client per configuration; null without ASSEMBLYAI_API_KEY (no transcription). */
export function assemblyAiFor(config: Config): Transcriber | null {
  if (!transcribers.has(config)) transcribers.set(config, createAssemblyAiTranscriber(config));
  return transcribers.get(config)!;
}

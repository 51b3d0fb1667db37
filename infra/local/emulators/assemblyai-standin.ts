// AssemblyAI on the laptop: the part of its v2 API the `assemblyai` SDK calls for us (submit a
// transcript with a webhook, get it), answering after a short "processing" time with a realistic
// two-channel transcript: a call script from assemblyai-scripts.ts laid over the real duration of
// the audio it fetches from the given URL (the Telnyx stand-in's WAV recordings, copied to S3), then
// calling the webhook with {transcript_id, status} and the auth header the request named, again on
// failure, as AssemblyAI does.
//
// Control API (no API key, loopback only):
//   GET  /__standin/transcripts   the transcripts, newest last, with their webhook deliveries
//   GET  /__standin/faults        the faults in force and how many were played
//   POST /__standin/faults        {errorRate?, errorStatus?, malformedRate?, timeoutRate?, timeoutMs?, delayMs?, seed?}
//   POST /__standin/settings      {processingMs?, webhooksEnabled?, webhookAttempts?, webhookRetryMs?}
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { createFaultInjector, faultControl, type FaultCounts, type VendorFaults } from './ai-vendor-faults';
import { scriptFor, timeScript, type TimedUtterance } from './assemblyai-scripts';
import { listenLocal, readBody, sendJson } from './local-http';
import { readWavFormat } from './wav';

export interface AssemblyAiStandinSettings {
  /** From submission to completion. */
  processingMs: number;
  /** Off: transcripts complete but nobody is told (the sweeper's case). */
  webhooksEnabled: boolean;
  /** Deliveries tried per webhook before giving up (AssemblyAI tries up to 10). */
  webhookAttempts: number;
  /** Between two deliveries of a webhook answered with an error. */
  webhookRetryMs: number;
}

export interface WebhookDelivery {
  at: string;
  status: number | null;
  error: string | null;
}

export interface StandinTranscript {
  id: string;
  status: 'queued' | 'processing' | 'completed' | 'error';
  audio_url: string;
  multichannel: boolean;
  webhook_url: string | null;
  webhook_auth_header_name: string | null;
  error: string | null;
  audio_duration: number | null;
  script: string | null;
  utterances: TimedUtterance[] | null;
  deliveries: WebhookDelivery[];
}

export interface AssemblyAiStandin {
  /** What ASSEMBLYAI_BASE_URL is set to. */
  url: string;
  apiKey: string;
  transcripts(): StandinTranscript[];
  setFaults(faults: Partial<VendorFaults>, seed?: number): void;
  faultCounts(): FaultCounts;
  setSettings(settings: Partial<AssemblyAiStandinSettings>): void;
  /** Resolves when no transcript is being processed or delivered. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const DEFAULT_SETTINGS: AssemblyAiStandinSettings = { processingMs: 300, webhooksEnabled: true, webhookAttempts: 10, webhookRetryMs: 1000 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

function publicView(t: StandinTranscript, headerValues: Map<string, string>) {
  const words = t.utterances?.flatMap((u) => u.words) ?? null;
  return {
    id: t.id,
    status: t.status,
    audio_url: t.audio_url,
    language_code: 'en_us',
    multichannel: t.multichannel,
    audio_channels: t.multichannel ? 2 : undefined,
    webhook_url: t.webhook_url,
    webhook_auth: headerValues.has(t.id),
    webhook_auth_header_name: t.webhook_auth_header_name,
    speech_model: 'best',
    audio_duration: t.audio_duration,
    confidence: t.status === 'completed' ? 0.94 : null,
    text: t.utterances ? t.utterances.map((u) => u.text).join(' ') : null,
    words,
    utterances: t.utterances,
    error: t.error ?? undefined,
  };
}

export async function startAssemblyAiStandin(options: { apiKey?: string; faults?: Partial<VendorFaults>; settings?: Partial<AssemblyAiStandinSettings> } = {}): Promise<AssemblyAiStandin> {
  const apiKey = options.apiKey ?? 'local_assemblyai_standin_key';
  const injector = createFaultInjector(options.faults);
  let settings: AssemblyAiStandinSettings = { ...DEFAULT_SETTINGS, ...(options.settings ?? {}) };
  const transcripts = new Map<string, StandinTranscript>();
  const headerValues = new Map<string, string>();
  const inFlight = new Set<Promise<void>>();

  async function deliver(t: StandinTranscript): Promise<void> {
    if (!t.webhook_url || !settings.webhooksEnabled) return;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const value = headerValues.get(t.id);
    if (t.webhook_auth_header_name && value !== undefined) headers[t.webhook_auth_header_name] = value;
    for (let attempt = 1; attempt <= settings.webhookAttempts; attempt++) {
      try {
        const res = await fetch(t.webhook_url, { method: 'POST', headers, body: JSON.stringify({ transcript_id: t.id, status: t.status }), signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        t.deliveries.push({ at: new Date().toISOString(), status: res.status, error: null });
        if (res.ok) return;
      } catch (error) {
        t.deliveries.push({ at: new Date().toISOString(), status: null, error: (error as Error).message });
      }
      if (attempt < settings.webhookAttempts) await sleep(settings.webhookRetryMs);
    }
  }

  async function process(t: StandinTranscript): Promise<void> {
    await sleep(settings.processingMs / 2);
    t.status = 'processing';
    try {
      const res = await fetch(t.audio_url, { signal: AbortSignal.timeout(120_000) });
      if (!res.ok) throw new Error(`the audio URL answered ${res.status}`);
      const format = readWavFormat(Buffer.from(await res.arrayBuffer()));
      if (!format || !format.sampleRate) throw new Error('the file is not audio we can read');
      const durationMs = (format.frames / format.sampleRate) * 1000;
      const script = scriptFor(new URL(t.audio_url).pathname);
      await sleep(settings.processingMs / 2);
      t.audio_duration = Math.round(durationMs / 1000);
      t.script = script.name;
      // A single-channel file without multichannel has one speaker; a dual-channel one keeps both.
      t.utterances = timeScript(script, durationMs).map((u) => (t.multichannel && format.channels >= 2 ? u : { ...u, channel: '1', words: u.words.map((w) => ({ ...w, channel: '1' })) }));
      t.status = 'completed';
    } catch (error) {
      t.status = 'error';
      t.error = `Download error, unable to download ${t.audio_url}: ${(error as Error).message}`;
    }
    await deliver(t);
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, parts: string[]): Promise<void> {
    if (req.headers.authorization !== apiKey) return sendJson(res, 401, { error: 'Authentication error, API token missing/invalid' });
    if (await injector.apply(res)) return;
    if (req.method === 'POST' && parts.length === 1 && parts[0] === 'transcript') {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse((await readBody(req)).toString('utf8')) as Record<string, unknown>;
      } catch {
        return sendJson(res, 400, { error: 'Invalid JSON body' });
      }
      const audioUrl = typeof body.audio_url === 'string' ? body.audio_url : '';
      if (!/^https?:\/\//.test(audioUrl)) return sendJson(res, 400, { error: 'audio_url must be an http(s) URL' });
      const webhookUrl = typeof body.webhook_url === 'string' ? body.webhook_url : null;
      const t: StandinTranscript = {
        id: randomUUID(),
        status: 'queued',
        audio_url: audioUrl,
        multichannel: body.multichannel === true,
        webhook_url: webhookUrl,
        webhook_auth_header_name: typeof body.webhook_auth_header_name === 'string' ? body.webhook_auth_header_name : null,
        error: null,
        audio_duration: null,
        script: null,
        utterances: null,
        deliveries: [],
      };
      if (typeof body.webhook_auth_header_value === 'string') headerValues.set(t.id, body.webhook_auth_header_value);
      transcripts.set(t.id, t);
      const work = process(t).finally(() => inFlight.delete(work));
      inFlight.add(work);
      return sendJson(res, 200, publicView(t, headerValues));
    }
    if (req.method === 'GET' && parts.length === 2 && parts[0] === 'transcript') {
      const t = transcripts.get(parts[1]!);
      if (!t) return sendJson(res, 404, { error: 'Transcript not found' });
      return sendJson(res, 200, publicView(t, headerValues));
    }
    return sendJson(res, 404, { error: 'Not found' });
  }

  async function control(req: http.IncomingMessage, res: http.ServerResponse, parts: string[]): Promise<void> {
    const body = req.method === 'POST' ? (JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>) : null;
    if (parts[0] === 'transcripts' && req.method === 'GET') return sendJson(res, 200, { transcripts: [...transcripts.values()] });
    if (parts[0] === 'faults') return faultControl(injector, req.method ?? 'GET', body, res);
    if (parts[0] === 'settings' && req.method === 'POST') {
      settings = { ...settings, ...(body as Partial<AssemblyAiStandinSettings>) };
      return sendJson(res, 200, { settings });
    }
    return sendJson(res, 404, { error: `No control endpoint ${req.method} /__standin/${parts.join('/')}` });
  }

  const server = await listenLocal(async (req, res) => {
    const [root, ...rest] = (req.url ?? '/').split('?')[0]!.split('/').filter(Boolean);
    if (root === 'v2') return api(req, res, rest);
    if (root === '__standin') return control(req, res, rest);
    return sendJson(res, 404, { error: 'Not found' });
  });

  return {
    url: server.endpoint,
    apiKey,
    transcripts: () => [...transcripts.values()],
    setFaults: (faults, seed) => void injector.set(faults, seed),
    faultCounts: () => injector.counts(),
    setSettings: (next) => {
      settings = { ...settings, ...next };
    },
    idle: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    stop: server.stop,
  };
}

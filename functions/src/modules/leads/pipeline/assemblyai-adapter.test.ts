// The AssemblyAI adapter against the stand-in: a dual-channel recording submitted with
// `multichannel` and a webhook comes back as two channels of utterances laid over the audio's
// duration, the webhook carrying the auth header asked for; the API key is checked; injected
// faults (5xx, bodies that are not JSON, answers too slow) surface as VendorErrors.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssemblyAiTranscriber, type Transcriber } from '../../../adapters/assemblyai';
import { VendorError } from '../../../adapters/vendor-error';
import { utterancesBySpeaker } from './transcribe';
import { startAssemblyAiStandin, type AssemblyAiStandin } from '../../../../../infra/local/emulators/assemblyai-standin';
import { twoToneWav } from '../../../../../infra/local/emulators/wav';

describe('the AssemblyAI stand-in through the SDK adapter', () => {
  let standin: AssemblyAiStandin;
  let server: http.Server;
  let base = '';
  const hooks: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const adapter = (timeoutMs = 5_000, apiKey?: string): Transcriber =>
    createAssemblyAiTranscriber({ ASSEMBLYAI_API_KEY: apiKey ?? standin.apiKey, ASSEMBLYAI_BASE_URL: standin.url, LEADS_VENDOR_TIMEOUT_MS: timeoutMs })!;

  beforeAll(async () => {
    standin = await startAssemblyAiStandin({ settings: { processingMs: 20 } });
    // Serves a 12-second recording and takes the webhooks.
    server = http.createServer((req, res) => {
      if (req.method === 'GET' && req.url === '/recording.wav') {
        res.writeHead(200, { 'content-type': 'audio/wav' });
        return res.end(twoToneWav({ seconds: 12 }));
      }
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        hooks.push({ headers: req.headers, body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await standin?.stop();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('transcribes both channels over the real duration and calls the webhook with the auth header', async () => {
    const transcriber = adapter();
    const id = await transcriber.submit({ audioUrl: `${base}/recording.wav`, webhookUrl: `${base}/hook`, webhookAuth: { header: 'x-test-secret', value: 's3cret-value-0123456789' } });
    await standin.idle();
    expect(hooks.filter((h) => h.body.includes(id))).toEqual([
      expect.objectContaining({ body: JSON.stringify({ transcript_id: id, status: 'completed' }), headers: expect.objectContaining({ 'x-test-secret': 's3cret-value-0123456789' }) }),
    ]);
    const transcript = await transcriber.get(id);
    expect(transcript).toMatchObject({ id, status: 'completed', audioSeconds: 12, error: null });
    expect(new Set(transcript.utterances.map((u) => u.channel))).toEqual(new Set(['1', '2']));
    const last = transcript.utterances.at(-1)!;
    expect(last.endMs).toBeLessThanOrEqual(12_000);
    const bySpeaker = utterancesBySpeaker(transcript.utterances);
    expect(bySpeaker[0]!.speaker).toBe('agent');
    expect(bySpeaker.some((u) => u.speaker === 'prospect')).toBe(true);
    expect(bySpeaker.every((u, i) => i === 0 || u.startMs >= bySpeaker[i - 1]!.endMs)).toBe(true);
  });

  it('reports a recording it cannot fetch as an errored transcript', async () => {
    const transcriber = adapter();
    const id = await transcriber.submit({ audioUrl: `${base}/missing.wav`, webhookUrl: `${base}/hook`, webhookAuth: { header: 'x-test-secret', value: 'v' } });
    await standin.idle();
    const transcript = await transcriber.get(id);
    expect(transcript.status).toBe('error');
    expect(transcript.error).toContain('unable to download');
  });

  it('refuses a wrong API key', async () => {
    await expect(adapter(5_000, 'wrong-key').get('x')).rejects.toThrow(/Authentication error/);
  });

  it('turns injected 5xx, malformed bodies and slow answers into VendorErrors', async () => {
    const request = { audioUrl: `${base}/recording.wav`, webhookUrl: `${base}/hook`, webhookAuth: { header: 'x', value: 'y' } };
    standin.setFaults({ errorRate: 1, errorStatus: 503 });
    await expect(adapter().submit(request)).rejects.toBeInstanceOf(VendorError);
    standin.setFaults({ errorRate: 0, malformedRate: 1 });
    await expect(adapter().submit(request)).rejects.toThrow(/submit failed \(SyntaxError/);
    standin.setFaults({ malformedRate: 0, timeoutRate: 1, timeoutMs: 400 });
    await expect(adapter(150).submit(request)).rejects.toThrow(/no answer within 150 ms/);
    standin.setFaults({ timeoutRate: 0 });
    expect(standin.faultCounts()).toMatchObject({ errors: 1, malformed: 1, timeouts: 1 });
    await expect(adapter().submit(request)).resolves.toEqual(expect.any(String));
    await standin.idle();
  });
});

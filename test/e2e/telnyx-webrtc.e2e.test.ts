// The Telnyx stand-in's Verto endpoint against the real browser SDK (@telnyx/webrtc in Chromium, no
// application around it): the agent's browser logs in with a token the stand-in minted, is offered
// the agent leg of a dialler call and answers it, holds, hangs up, and places a call of its own.
// The console's own browser test builds on this; here a failure points at the stand-in alone.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelnyxClient, type TelnyxClient } from '../../functions/src/adapters/telnyx';
import { parseConfig } from '../../functions/src/config/config';
import { startTelnyxStandin, type TelnyxStandin } from '../../infra/local/emulators/telnyx-standin';
import { openBrowser } from './support/browser';
import { browserForSuite, eventually } from './support/suite';

const API_KEY = 'KEY_webrtc_e2e';
const SDK_BUNDLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/@telnyx/webrtc/lib/bundle.mjs');

/** A page that loads the SDK's browser bundle and keeps every call state it reports. */
const softphonePage = (token: string, host: string) => `<!doctype html>
<html lang="en"><head><title>Softphone</title></head><body><audio id="remote" autoplay></audio>
<script type="module">
import { TelnyxRTC } from '/sdk.mjs';
window.log = [];
window.calls = {};
const client = new TelnyxRTC({ login_token: ${JSON.stringify(token)}, host: ${JSON.stringify(host)}, iceServers: [] });
client.remoteElement = 'remote';
window.client = client;
client.on('telnyx.ready', () => log.push('ready'));
client.on('telnyx.error', (e) => log.push('error'));
client.on('telnyx.notification', (n) => {
  if (n.type !== 'callUpdate') return;
  window.calls[n.call.direction] = n.call;
  log.push(n.call.direction + ':' + n.call.state);
  if (n.call.direction === 'inbound' && n.call.state === 'ringing') n.call.answer();
});
client.connect();
</script></body></html>`;

describe('the Telnyx stand-in with the real WebRTC SDK in Chromium', () => {
  const browser = browserForSuite(() => openBrowser());
  let standin: TelnyxStandin;
  let telnyx: TelnyxClient;
  let web: http.Server;
  let pageUrl: string;
  let sipUsername: string;

  beforeAll(async () => {
    standin = await startTelnyxStandin({ apiKey: API_KEY, delays: { ringMs: 200, amdMs: 100, mediaMs: 100 } });
    telnyx = createTelnyxClient(parseConfig({ TELNYX_API_KEY: API_KEY, TELNYX_BASE_URL: standin.apiBaseUrl, TELNYX_PUBLIC_KEY: standin.publicKey }))!;
    const credential = await telnyx.credentials.create('conn-e2e', 'agent-e2e');
    sipUsername = credential.sipUsername;
    const page = softphonePage(await telnyx.credentials.token(credential.id), standin.webrtcHost);
    const sdk = await readFile(SDK_BUNDLE);
    web = http.createServer((req, res) => {
      if (req.url === '/sdk.mjs') res.writeHead(200, { 'content-type': 'text/javascript' }).end(sdk);
      else res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await standin?.stop();
    // The page keeps its connection open (the SDK's module was served on it): close it rather than wait.
    web?.closeAllConnections();
    await new Promise((resolve) => web?.close(resolve));
  });

  const log = () => browser.page.evaluate<string[]>('window.log');
  const webhook = (callControlId: string, type: string) =>
    standin.waitForWebhook((d) => d.event.data.payload.call_control_id === callControlId && d.event.data.event_type === type, 15_000);

  it('logs in with the minted token and reports ready', async () => {
    await browser.page.goto(pageUrl);
    await eventually(log).toContain('ready');
    expect(standin.agents().map((a) => a.sipUsername)).toEqual([sipUsername]);
  });

  it('answers the agent leg of a dialler call, which is bridged to the person called', async () => {
    standin.setOutcome({ number: '+13125550100', outcome: 'human' });
    const dial = { from: '+12125550100', connectionId: 'conn-e2e', clientState: 'e2e', timeoutSecs: 30, record: false };
    const customer = await telnyx.calls.dial({ ...dial, to: '+13125550100', amd: true });
    await webhook(customer.callControlId, 'call.machine.detection.ended');
    const agent = await telnyx.calls.dial({ ...dial, to: `sip:${sipUsername}@sip.telnyx.com`, amd: false, linkTo: customer.callControlId, bridgeOnAnswer: true });

    await Promise.all([webhook(agent.callControlId, 'call.bridged'), webhook(customer.callControlId, 'call.bridged')]);
    await eventually(log).toContain('inbound:active');

    await browser.page.evaluate('window.calls.inbound.hold()');
    await eventually(() => standin.call(agent.callControlId)?.held).toBe(true);
    await eventually(log).toContain('inbound:held');

    await browser.page.evaluate('window.calls.inbound.hangup()');
    await Promise.all([webhook(agent.callControlId, 'call.hangup'), webhook(customer.callControlId, 'call.hangup')]);
  });

  it('places a call from the browser that the number’s outcome answers', async () => {
    standin.setOutcome({ number: '+13125550199', outcome: 'human' });
    await browser.page.evaluate("window.client.newCall({ destinationNumber: '+13125550199', audio: true, video: false })");
    await eventually(log).toContain('outbound:active');
    const call = standin.calls().find((c) => c.to === '+13125550199')!;
    expect(call).toMatchObject({ state: 'answered', sipUsername });

    await browser.page.evaluate('window.calls.outbound.hangup()');
    expect((await webhook(call.callControlId, 'call.hangup')).event.data.payload.hangup_cause).toBe('normal_clearing');
  });
});

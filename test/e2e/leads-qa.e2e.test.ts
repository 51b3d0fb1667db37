// Lead QA end to end, on the suite's stack with its stand-ins (Telnyx for the call, AssemblyAI and
// OpenAI for the pipeline): an agent's positive call becomes a lead; the pipeline transcribes,
// scores and queues it; the analyst opens it from the queue, plays an evidence chip and the audio
// jumps to the quoted words, ticks the checklist, approves and delivers; the client's endpoint (a
// real HTTP server here, on loopback) receives a webhook whose signature checks out, and the
// receipt on the page says 200. Both themes are axe-clean. State is arranged through the API.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '@shared/contracts/accounts';
import type { StaticList } from '@shared/contracts/audience';
import type { Organisation } from '@shared/contracts/identity';
import type { CallCampaign, Trunk } from '@shared/contracts/telephony';
import type { LeadDetail, LeadListPage } from '@shared/contracts/leads';
import { DELIVERY_SIGNATURE_HEADER, type DeliveryConfig } from '@shared/contracts/lead-delivery';
import { expectNoSeriousA11yViolations, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { openApp, signIn, signInAdminViaApi } from './support/session';
import type { ApiSession } from './support/api-session';
import { eventually, isDark } from './support/suite';
import { e2eStack } from './support/stack';

const WAIT_MS = 60_000;
/** The pipeline runs three vendors' stand-ins in turn: give it room on a busy machine. */
const PIPELINE_WAIT_MS = 90_000;
const AGENT = { username: 'lena.leadmaker', password: 'Copper-Meadow-Signal-58' };
const ANALYST = { username: 'quinn.qa', password: 'Violet-Harbour-Ledger-26' };
const PROSPECT_PHONE = '+14158675311';
const CHECKLIST = [
  { id: 'consent-heard', label: 'Heard the consent on the recording', required: true },
  { id: 'email-read-back', label: 'Email read back by the prospect', required: true },
  { id: 'notes-read', label: "Read the agent's notes", required: false },
];

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** The client's landing endpoint: records every request and answers 200. */
async function startClientEndpoint(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/leads`, received, server };
}

/** `t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the configuration's secret. */
function signatureHolds(header: string | string[] | undefined, body: string, secret: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(header ?? ''));
  if (!match) return false;
  const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${match[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}

/** A zone where it is now between 09:00 and 19:59, so the calling window is open for the whole test. */
function zoneInDaytime(): string {
  const zones = ['Pacific/Kiritimati', 'Pacific/Auckland', 'Asia/Tokyo', 'Asia/Kolkata', 'Europe/Berlin', 'America/Sao_Paulo', 'America/Chicago', 'Pacific/Honolulu', 'Pacific/Pago_Pago'];
  const hour = (zone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  return zones.find((z) => hour(z) >= 9 && hour(z) <= 19) ?? 'Asia/Tokyo';
}

/** Reads until `ok` holds (setup code runs outside a test, where expect.poll is not allowed). */
async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

async function standin(method: string, route: string, body?: unknown): Promise<void> {
  const res = await fetch(`${e2eStack().telnyxStandinUrl}${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`stand-in ${method} ${route} answered ${res.status}: ${await res.text()}`);
}

describe('an analyst reviewing, approving and delivering a lead from a positive call', () => {
  let admin: ApiSession;
  let campaign: CallCampaign;
  let prospect: Contact;
  let client: Awaited<ReturnType<typeof startClientEndpoint>>;
  let secret: string;
  let leadId: string;
  let agentBrowser: BrowserSession | undefined;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    admin = await signInAdminViaApi();
    client = await startClientEndpoint();
    const agent = await admin.request<{ id: string }>('POST', '/api/users', {
      firstName: 'Lena',
      lastName: 'Leadmaker',
      username: AGENT.username,
      email: 'lena.leadmaker@northwind-demand.com',
      password: AGENT.password,
      roles: ['agent'],
      mustChangePassword: false,
    });
    await admin.request('POST', '/api/users', {
      firstName: 'Quinn',
      lastName: 'Analyst',
      username: ANALYST.username,
      email: 'quinn.qa@northwind-demand.com',
      password: ANALYST.password,
      roles: ['quality_analyst'],
      mustChangePassword: false,
    });
    prospect = await admin.request<Contact>('POST', '/api/contacts', {
      firstName: 'Hana',
      lastName: 'Hopewell',
      email: 'hana.hopewell@kestrel-analytics.com',
      directPhone: PROSPECT_PHONE,
      timezone: zoneInDaytime(),
      source: 'e2e-leads',
    });
    const list = await admin.request<StaticList>('POST', '/api/lists', { name: 'Lead QA e2e' });
    await admin.request('POST', `/api/lists/${list.id}/members`, { selection: { ids: [prospect.id] } });
    const trunk = await admin.request<Trunk>('POST', '/api/telephony/trunks', {
      name: 'Lead QA e2e trunk',
      sipHost: 'sip.telnyx.com',
      sipUsername: 'leads-e2e',
      sipPassword: 'not-a-real-password-2',
      connectionId: 'conn-leads-e2e',
      callerIds: ['+14155550110'],
      // Agents' softphones register on the default trunk's connection.
      isDefault: true,
    });
    campaign = await admin.request<CallCampaign>('POST', '/api/telephony/campaigns', {
      name: 'Data Platform Whitepaper',
      audience: { kind: 'list', id: list.id },
      trunkId: trunk.id,
      callerId: '+14155550110',
      sellerName: 'Northwind Demand',
      sellerPhone: '+14155550199',
      script: '<p>Hello {{ contact.first_name }}, this is Lena from Northwind, calling about our data platform whitepaper.</p>',
      form: [{ id: 'budget', label: 'Budget this year', type: 'number', required: true, min: 0 }],
    });
    await admin.request('PUT', `/api/telephony/campaigns/${campaign.id}/agents`, { userIds: [agent.id] });

    // The client, its QA checklist for the campaign, and where its leads go.
    const org = await admin.request<Organisation>('POST', '/api/organisations', { name: 'Kestrel Demand Buyers' });
    await admin.request('PUT', `/api/leads/campaigns/${campaign.id}/settings`, {
      campaignKind: 'call',
      clientOrgId: org.id,
      checklist: CHECKLIST,
      criteria: {},
      autoDeliver: false,
    });
    const config = await admin.request<DeliveryConfig & { secret: string | null }>('POST', '/api/leads/delivery-configs', {
      clientOrgId: org.id,
      campaignId: campaign.id,
      name: 'Kestrel webhook',
      kind: 'webhook',
      url: client.url,
    });
    expect(config.secret).toEqual(expect.any(String));
    secret = config.secret!;

    await admin.request('POST', `/api/telephony/campaigns/${campaign.id}/activate`);
    await admin.request('PATCH', `/api/telephony/dialer/queues/${campaign.id}`, { mode: 'progressive', amd: false, ringSeconds: 15, maxAttempts: 1 });
    await admin.request('POST', `/api/telephony/dialer/queues/${campaign.id}/fill`);
    await standin('POST', '/__standin/outcomes', { number: PROSPECT_PHONE, outcome: 'human', ringMs: 300 });

    // The agent's call: the prospect answers, the agent files it as Interested (a positive outcome).
    agentBrowser = await openBrowser({ colorScheme: 'light' });
    const { page } = agentBrowser;
    page.setDefaultTimeout(WAIT_MS);
    await signIn(page, AGENT);
    await openApp(page, '/telephony/console');
    await until('the softphone to be ready', () => page.getByRole('status', { name: 'Call state' }).getAttribute('data-state'), (v) => v === 'ready');
    await page.getByRole('radiogroup', { name: 'Agent status' }).getByRole('radio', { name: 'Available' }).click();
    await admin.request('POST', `/api/telephony/dialer/queues/${campaign.id}/start`);
    await page.getByTestId('call-contact-name').filter({ hasText: 'Hana Hopewell' }).waitFor();
    await page.getByTestId('api-call-state').filter({ hasText: 'Connected' }).waitFor();
    const form = page.getByRole('form', { name: 'Wrap-up' });
    await form.getByLabel(/Budget this year/).fill('25000');
    await form.getByRole('group', { name: 'Disposition' }).getByRole('button', { name: 'Interested', exact: true }).click();
    await form.getByRole('button', { name: /Save wrap-up|Hang up and save/ }).click();
    await until('the agent to be available again', () => page.getByTestId('agent-status').textContent(), (v) => /Available/.test(v ?? ''));
    await admin.request('POST', `/api/telephony/dialer/queues/${campaign.id}/pause`);
    await agentBrowser.close();
    agentBrowser = undefined;

    // The pipeline transcribes, scores, checks and queues the lead.
    await until(
      'the pipeline to queue the lead',
      async () => {
        const page = await admin.request<LeadListPage>('GET', `/api/leads?campaignId=${campaign.id}&state=under_review`);
        const lead = page.items.find((item) => item.contactId === prospect.id);
        leadId = lead?.id ?? '';
        return lead?.pipelineStatus ?? 'not yet';
      },
      (status) => status === 'queued',
      PIPELINE_WAIT_MS,
    );
  }, 4 * WAIT_MS + PIPELINE_WAIT_MS);

  afterAll(async () => {
    await agentBrowser?.close();
    await browser?.close();
    if (client) await new Promise((resolve) => client.server.close(resolve));
  });

  it('queues the lead with its transcript by speaker, eight scored factors with quoted evidence, and the checklist', async () => {
    const lead = await admin.request<LeadDetail>('GET', `/api/leads/${leadId}`);
    expect(lead).toMatchObject({ state: 'under_review', source: 'call', campaignId: campaign.id, hasRecording: true, nextStates: expect.arrayContaining(['approved', 'rejected']) });
    expect(new Set(lead.transcript?.utterances.map((u) => u.speaker))).toEqual(new Set(['agent', 'prospect']));
    expect(lead.scoring?.factors).toHaveLength(8);
    expect(lead.scoring?.factors.flatMap((f) => f.evidence).some((e) => e.kind === 'quote' && e.startMs !== null)).toBe(true);
    expect(lead.checklistItems.map((item) => item.id)).toEqual(CHECKLIST.map((item) => item.id));
  });

  it('lets the analyst play the evidence, tick the checklist, approve and deliver; the client gets a signed webhook and the receipt says 200', async () => {
    browser = await openBrowser({ colorScheme: 'light' });
    const { page } = browser;
    page.setDefaultTimeout(WAIT_MS);
    await signIn(page, { username: ANALYST.username, password: ANALYST.password });

    // The queue: the lead is there; opening it from the keyboard.
    await openApp(page, `/leads?campaign=${campaign.id}`);
    const queue = page.getByRole('grid', { name: 'Lead QA queue' });
    await queue.getByText('Hana Hopewell').waitFor();
    expect(await isDark(page)).toBe(false);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'leads-qa-light-queue');
    await queue.focus();
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByTestId('lead-review').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/leads/${leadId}`);

    // An evidence chip plays the recording from its words: the audio's position jumps there.
    const audio = page.getByTestId('lead-audio');
    await audio.waitFor();
    const chip = page.getByTestId('evidence-chip').first();
    const startMs = Number(await chip.getAttribute('data-start-ms'));
    expect(startMs).toBeGreaterThan(0);
    expect(await audio.evaluate((el) => (el as unknown as { currentTime: number }).currentTime)).toBeLessThan(startMs / 1000);
    await chip.click();
    await eventually(() => audio.evaluate((el) => (el as unknown as { currentTime: number }).currentTime)).toBeGreaterThanOrEqual(startMs / 1000 - 0.05);
    await expect.poll(() => chip.getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('transcript').getByTestId('evidence-mark').first().waitFor();
    await page.keyboard.press('p');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'leads-qa-light-review-evidence');

    // Approval waits for the required checklist items, and says which.
    const approve = page.getByRole('button', { name: 'Approve', exact: true });
    expect(await approve.isDisabled()).toBe(true);
    await page.getByTestId('approve-blocked').filter({ hasText: CHECKLIST[0]!.label }).waitFor();
    const checklist = page.getByRole('list', { name: 'Checklist items' });
    for (const item of CHECKLIST.filter((i) => i.required)) {
      await checklist.getByLabel(item.label).click();
      await eventually(() => checklist.getByRole('checkbox', { name: item.label }).getAttribute('data-state')).toBe('checked');
    }
    await eventually(() => approve.isEnabled()).toBe(true);
    await approve.click();
    await eventually(() => page.getByTestId('lead-state').first().textContent()).toBe('Approved');

    // One click delivers to the client's endpoint; the receipt shows its answer.
    await page.getByRole('button', { name: 'Deliver', exact: true }).click();
    const delivery = page.getByTestId('deliveries').locator('[data-delivery-status="delivered"]');
    await delivery.waitFor({ timeout: PIPELINE_WAIT_MS });
    await delivery.getByRole('button', { name: /Kestrel webhook/ }).click();
    await eventually(() => page.getByTestId('receipt-status').last().textContent()).toBe('200');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'leads-qa-light-review-delivered');

    // What the client received: the lead, signed with the configuration's secret.
    expect(client.received).toHaveLength(1);
    const [request] = client.received;
    expect(signatureHolds(request!.headers[DELIVERY_SIGNATURE_HEADER], request!.body, secret)).toBe(true);
    expect(signatureHolds(request!.headers[DELIVERY_SIGNATURE_HEADER], request!.body, `${secret}x`)).toBe(false);
    expect(request!.body).toContain(leadId);
    await eventually(async () => (await admin.request<LeadDetail>('GET', `/api/leads/${leadId}`)).history.map((t) => t.toState)).toEqual(
      expect.arrayContaining(['under_review', 'approved', 'published']),
    );
  });

  it('shows the queue and the review cleanly in the dark theme', async () => {
    const dark = await openBrowser({ colorScheme: 'dark' });
    try {
      const { page } = dark;
      page.setDefaultTimeout(WAIT_MS);
      await signIn(page, { username: ANALYST.username, password: ANALYST.password });
      await openApp(page, '/leads?state=all');
      await page.getByRole('grid', { name: 'Lead QA queue' }).getByText('Hana Hopewell').waitFor();
      expect(await isDark(page)).toBe(true);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, 'leads-qa-dark-queue');
      await openApp(page, `/leads/${leadId}`);
      await page.getByTestId('lead-review').waitFor();
      await page.getByTestId('evidence-chip').first().waitFor();
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, 'leads-qa-dark-review');
    } finally {
      await dark.close();
    }
  });
});

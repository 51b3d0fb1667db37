// The telemarketing loop end to end, on the suite's stack with its Telnyx stand-in: an agent signs
// in, goes available, the dialer dials the campaign's contacts; the answering machine never
// reaches the agent; the person who answers is put through and the console shows the live call;
// the agent fills the qualification form and sets a positive disposition; the call, its recording
// and the disposition are on the contact's timeline. State is arranged through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '@shared/contracts/accounts';
import type { StaticList } from '@shared/contracts/audience';
import type { CallCampaign, Trunk } from '@shared/contracts/telephony';
import type { TimelineResponse } from '@shared/contracts/activity';
import { expectNoSeriousA11yViolations, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { signInAdminViaApi, signIn, openApp } from './support/session';
import type { ApiSession } from './support/api-session';
import { eventually } from './support/suite';
import { e2eStack } from './support/stack';

const WAIT_MS = 45_000;
const AGENT = { username: 'dora.dialer', password: 'Amber-Signal-Harbour-73' };
const HUMAN_PHONE = '+14158675301';
const MACHINE_PHONE = '+14158675305';

interface StandinCall {
  callControlId: string;
  to: string;
  /** The agent whose browser the leg rang (agents' legs only). */
  sipUsername: string | null;
  bridgedWith: string | null;
  events: string[];
}

/** A zone where it is now between 09:00 and 19:59, so the calling window (08:00–21:00 there) is open for the whole test. */
function zoneInDaytime(): string {
  const zones = ['Pacific/Kiritimati', 'Pacific/Auckland', 'Asia/Tokyo', 'Asia/Kolkata', 'Europe/Berlin', 'America/Sao_Paulo', 'America/Chicago', 'Pacific/Honolulu', 'Pacific/Pago_Pago'];
  const hour = (zone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  return zones.find((z) => hour(z) >= 9 && hour(z) <= 19) ?? 'Asia/Tokyo';
}

async function standin<T>(method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${e2eStack().telnyxStandinUrl}${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`stand-in ${method} ${route} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

describe('an agent taking a dialer call in the console', () => {
  let admin: ApiSession;
  let browser: BrowserSession;
  let campaign: CallCampaign;
  let human: Contact;
  let machine: Contact;

  beforeAll(async () => {
    admin = await signInAdminViaApi();
    const agent = await admin.request<{ id: string }>('POST', '/api/users', {
      firstName: 'Dora',
      lastName: 'Dialer',
      username: AGENT.username,
      email: 'dora.dialer@northwind-demand.com',
      password: AGENT.password,
      roles: ['agent'],
      mustChangePassword: false,
    });
    const zone = zoneInDaytime();
    human = await admin.request<Contact>('POST', '/api/contacts', { firstName: 'Hana', lastName: 'Human', directPhone: HUMAN_PHONE, timezone: zone, source: 'e2e-dialer' });
    machine = await admin.request<Contact>('POST', '/api/contacts', { firstName: 'Mack', lastName: 'Machine', directPhone: MACHINE_PHONE, timezone: zone, source: 'e2e-dialer' });
    const list = await admin.request<StaticList>('POST', '/api/lists', { name: 'Dialer e2e' });
    await admin.request('POST', `/api/lists/${list.id}/members`, { selection: { ids: [human.id, machine.id] } });

    const trunk = await admin.request<Trunk>('POST', '/api/telephony/trunks', {
      name: 'Dialer e2e trunk',
      sipHost: 'sip.telnyx.com',
      sipUsername: 'dialer-e2e',
      sipPassword: 'not-a-real-password-1',
      connectionId: 'conn-dialer-e2e',
      callerIds: ['+14155550100'],
      isDefault: true,
    });
    campaign = await admin.request<CallCampaign>('POST', '/api/telephony/campaigns', {
      name: 'Dialer e2e',
      audience: { kind: 'list', id: list.id },
      trunkId: trunk.id,
      callerId: '+14155550100',
      sellerName: 'Northwind Demand',
      sellerPhone: '+14155550199',
      script: '<p>Hello {{ contact.first_name }}, this is Dora from Northwind.</p>',
      form: [
        { id: 'budget', label: 'Budget this year', type: 'number', required: true, min: 0 },
        { id: 'timeline', label: 'Buying timeline', type: 'choice', required: true, options: ['This quarter', 'Next quarter', 'Later'] },
      ],
    });
    await admin.request('PUT', `/api/telephony/campaigns/${campaign.id}/agents`, { userIds: [agent.id] });
    await admin.request('POST', `/api/telephony/campaigns/${campaign.id}/activate`);
    await admin.request('PATCH', `/api/telephony/dialer/queues/${campaign.id}`, { mode: 'progressive', amd: true, ringSeconds: 15, maxAttempts: 1 });
    await admin.request('POST', `/api/telephony/dialer/queues/${campaign.id}/fill`);

    // The machine answers first and is let go; then the person answers.
    await standin('POST', '/__standin/outcomes', { number: MACHINE_PHONE, outcome: 'machine', ringMs: 300 });
    await standin('POST', '/__standin/outcomes', { number: HUMAN_PHONE, outcome: 'human', ringMs: 300 });
    await standin('POST', '/__standin/delays', { amdMs: 300, mediaMs: 200 });

    browser = await openBrowser({ colorScheme: 'light' });
    browser.page.setDefaultTimeout(WAIT_MS);
    await signIn(browser.page, AGENT);
  });
  afterAll(async () => {
    await admin?.request('POST', `/api/telephony/dialer/queues/${campaign?.id}/pause`).catch(() => undefined);
    await browser?.close();
  });

  it('puts the person through to the console, never the machine, and files the call with its disposition', async () => {
    const { page } = browser;
    await openApp(page, '/telephony/console');
    const callState = page.getByRole('status', { name: 'Call state' });
    await eventually(() => callState.getAttribute('data-state')).toBe('ready');
    await page.getByRole('radiogroup', { name: 'Agent status' }).getByRole('radio', { name: 'Available' }).click();
    await admin.request('POST', `/api/telephony/dialer/queues/${campaign.id}/start`);

    // The person's call reaches the console and is answered there at once.
    await page.getByTestId('call-contact-name').filter({ hasText: 'Hana Human' }).waitFor();
    await eventually(() => callState.getAttribute('data-state')).toBe('active');
    await page.getByTestId('api-call-state').filter({ hasText: 'Connected' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'telephony-console-live-call');

    const form = page.getByRole('form', { name: 'Wrap-up' });
    await form.getByLabel(/Budget this year/).fill('25000');
    await form.getByRole('region', { name: 'Qualification form' }).getByText('This quarter').click();
    await form.getByRole('group', { name: 'Disposition' }).getByRole('button', { name: 'Interested', exact: true }).click();
    await form.getByRole('button', { name: /Save wrap-up|Hang up and save/ }).click();
    await eventually(() => page.getByTestId('agent-status').textContent()).toMatch(/Available/);

    // What the stand-in saw: the machine's call was never bridged to an agent; the person's was.
    const { data: calls } = await standin<{ data: StandinCall[] }>('GET', '/__standin/calls');
    const machineCalls = calls.filter((c) => c.to === MACHINE_PHONE);
    const humanCall = calls.find((c) => c.to === HUMAN_PHONE)!;
    const agentLegs = calls.filter((c) => c.sipUsername !== null && calls.some((d) => d.callControlId === c.bridgedWith && [MACHINE_PHONE, HUMAN_PHONE].includes(d.to)));
    expect(machineCalls.length).toBeGreaterThan(0);
    for (const m of machineCalls) expect({ events: m.events.includes('call.bridged'), bridgedWith: m.bridgedWith }).toEqual({ events: false, bridgedWith: null });
    expect(humanCall.events).toContain('call.bridged');
    // One agent leg, and it is the person's.
    expect(agentLegs.map((leg) => leg.bridgedWith)).toEqual([humanCall.callControlId]);

    // The contact's timeline: the call with its disposition and recording.
    await eventually(async () => {
      const timeline = await admin.request<TimelineResponse>('GET', `/api/contacts/${human.id}/timeline`);
      const call = timeline.items.find((i) => i.kind === 'call');
      const detail = (call?.detail ?? {}) as { disposition?: unknown; recordingUrl?: unknown };
      return { disposition: JSON.stringify(detail.disposition ?? null), recorded: typeof detail.recordingUrl === 'string' };
    }).toMatchObject({ disposition: expect.stringContaining('Interested'), recorded: true });

    await openApp(page, `/contacts/${human.id}`);
    await page.locator('#contact-activity').getByText(/Interested/).first().waitFor();
    await page.locator('#contact-activity').scrollIntoViewIfNeeded();
    // The recording plays from its signed link (the page's policy lets audio come from the store).
    await page.locator('#contact-activity').getByRole('button', { name: 'Play the recording' }).first().click();
    const audio = page.locator('#contact-activity audio[aria-label="Call recording"]');
    await eventually(() => audio.evaluate((el) => (el as unknown as { readyState: number }).readyState)).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'telephony-contact-timeline-call');
  });
});

// SES feedback through the local stack's injection route (events of the real EventBridge shape):
// hard bounces (Permanent, or Transient with 5.4.4) and complaints suppress, other transient
// bounces are counted soft, deliveries are kept, a redelivered event changes nothing, an unknown
// message is logged and ignored; the route is a 404 when injection is off.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FeedbackInjectionResponse } from '@shared/contracts/email';
import { createHttpHandler } from '../../../http/create-http-handler';
import { invoke } from '../../../../test/support/invoke';
import { sampleSesEvent } from '../content';
import { handleFeedbackEvent } from './feedback';
import { FEEDBACK_INJECTION_PATH, feedbackRoutes } from './feedback-routes';
import { createEmailTestContext, footprint, insertCampaign, insertRecipients, type EmailTestContext, type SentCampaign } from './test-fixtures';

let t: EmailTestContext;
let campaign: SentCampaign;

beforeAll(async () => {
  t = await createEmailTestContext();
  campaign = await insertCampaign(t.deps.db, { name: 'Webinar invite', variants: { A: [] } });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

async function oneRecipient(email: string) {
  const messageId = `0100018c-${email.replace(/\W/g, '')}-000000`;
  const [r] = await insertRecipients(t.deps.db, campaign.campaignId, [{ email, variantId: campaign.variantIds.A!, messageId }]);
  return { ...r!, messageId };
}

const inject = (body: unknown, as: 'admin' | 'campaign_manager' = 'admin') =>
  t.send<FeedbackInjectionResponse>({ method: 'POST', path: FEEDBACK_INJECTION_PATH, body, as });

describe('bounces', () => {
  it('suppresses the address on a permanent bounce and marks the recipient hard-bounced, with a touch', async () => {
    const r = await oneRecipient('gone@acme.example');
    const res = await inject(sampleSesEvent('bounce', { messageId: r.messageId, email: r.email, bounceType: 'Permanent' }));
    expect(res.status, res.text).toBe(200);
    expect(res.json.results).toMatchObject([{ outcome: 'recorded' }]);
    const after = await footprint(t.deps.db, r);
    expect(after.recipient.bounce).toBe('hard');
    expect(after.suppressions).toMatchObject([{ reason: 'bounce', source: `email-campaign:${campaign.campaignId}` }]);
    expect(after.events).toMatchObject([{ kind: 'bounce', detail: { hard: true } }]);
    expect(after.touches).toMatchObject([{ kind: 'bounced', summary: expect.stringContaining('Hard bounce') }]);
  });

  it('takes a transient bounce with 5.4.4 for hard and suppresses', async () => {
    const r = await oneRecipient('noroute@acme.example');
    await inject(sampleSesEvent('bounce', { messageId: r.messageId, email: r.email, bounceType: 'Transient', bounceSubType: 'General', status: '5.4.4', diagnosticCode: 'smtp; 550 5.4.4 no route to host' }));
    const after = await footprint(t.deps.db, r);
    expect(after.recipient.bounce).toBe('hard');
    expect(after.suppressions).toMatchObject([{ reason: 'bounce' }]);
  });

  it('counts any other transient bounce as soft without suppressing, and never softens a hard bounce', async () => {
    const r = await oneRecipient('fullbox@acme.example');
    await inject([
      sampleSesEvent('bounce', { messageId: r.messageId, email: r.email, bounceType: 'Transient' }),
      sampleSesEvent('bounce', { messageId: r.messageId, email: r.email, bounceType: 'Transient' }),
    ]);
    const after = await footprint(t.deps.db, r);
    expect(after.recipient.bounce).toBe('soft');
    expect(after.suppressions).toEqual([]);
    expect(after.events.filter((e) => e.kind === 'bounce')).toHaveLength(2);

    await inject(sampleSesEvent('bounce', { messageId: r.messageId, email: r.email, bounceType: 'Permanent' }));
    await inject(sampleSesEvent('bounce', { messageId: r.messageId, email: r.email, bounceType: 'Transient' }));
    expect((await footprint(t.deps.db, r)).recipient.bounce).toBe('hard');
  });
});

describe('complaints and deliveries', () => {
  it('suppresses a complaint’s address and opts the contact out of email', async () => {
    const r = await oneRecipient('angry@acme.example');
    await inject(sampleSesEvent('complaint', { messageId: r.messageId, email: r.email }));
    const after = await footprint(t.deps.db, r);
    expect(after.recipient.complained_at).not.toBeNull();
    expect(after.suppressions).toMatchObject([{ reason: 'complaint' }]);
    expect(after.consent).toMatchObject([{ status: 'opted_out', source: 'email-complaint' }]);
    expect(after.touches).toMatchObject([{ kind: 'complained' }]);
  });

  it('keeps the first delivery time and records a delivered touch', async () => {
    const r = await oneRecipient('inbox@acme.example');
    const at = new Date('2026-12-01T10:00:00Z');
    await inject(sampleSesEvent('delivery', { messageId: r.messageId, email: r.email, at }));
    const after = await footprint(t.deps.db, r);
    expect(new Date(after.recipient.delivered_at as string).toISOString()).toBe(at.toISOString());
    expect(after.suppressions).toEqual([]);
    expect(after.touches).toMatchObject([{ kind: 'delivered' }]);
  });
});

describe('delivery guarantees', () => {
  it('records the same event delivered twice once', async () => {
    const r = await oneRecipient('twice@acme.example');
    const event = sampleSesEvent('complaint', { messageId: r.messageId, email: r.email });
    expect((await inject(event)).json.results).toMatchObject([{ eventId: event.id, outcome: 'recorded' }]);
    const once = await footprint(t.deps.db, r);
    expect((await inject(event)).json.results).toMatchObject([{ eventId: event.id, outcome: 'duplicate' }]);
    expect(await handleFeedbackEvent(t.deps, event)).toEqual({ eventId: event.id, outcome: 'duplicate' });
    expect(await footprint(t.deps.db, r)).toEqual(once);
    expect(once.events).toHaveLength(1);
    expect(once.consent).toHaveLength(1);
  });

  it('ignores an event about a message no campaign sent, logging it without the address', async () => {
    const info = vi.spyOn(t.deps.logger, 'info');
    const event = sampleSesEvent('bounce', { messageId: 'not-ours-123', email: 'stranger@else.example' });
    expect(await handleFeedbackEvent(t.deps, event)).toEqual({ eventId: event.id, outcome: 'unknown_message' });
    expect((await inject(event)).json.results).toMatchObject([{ outcome: 'unknown_message' }]);
    expect(info).toHaveBeenCalledWith('email feedback for an unknown message', expect.objectContaining({ messageId: 'not-ours-123', kind: 'bounce' }));
    expect(JSON.stringify(info.mock.calls)).not.toContain('stranger@else.example');
    info.mockRestore();
  });

  it('drops what is not SES feedback in the Lambda, and refuses it at the injection route naming the field', async () => {
    expect(await handleFeedbackEvent(t.deps, { id: 'evt-1', source: 'aws.s3', 'detail-type': 'Object Created', detail: {} })).toEqual({ eventId: 'evt-1', outcome: 'ignored' });
    const res = await inject({ id: 'evt-2', source: 'aws.ses', 'detail-type': 'Email Bounced', time: new Date().toISOString(), detail: {} });
    expect(res.status).toBe(400);
    expect(res.text).toContain('body.detail');
  });
});

describe('the injection route', () => {
  it('is for admins only', async () => {
    const r = await oneRecipient('adminonly@acme.example');
    expect((await inject(sampleSesEvent('delivery', { messageId: r.messageId, email: r.email }), 'campaign_manager')).status).toBe(403);
  });

  it('answers 404, whatever the body, when EMAIL_FEEDBACK_INJECTION is off', async () => {
    const r = await oneRecipient('off@acme.example');
    const deps = { ...t.deps, config: { ...t.deps.config, EMAIL_FEEDBACK_INJECTION: false } };
    const handler = createHttpHandler({ name: 'email', routes: feedbackRoutes }, { deps: async () => deps });
    for (const body of [sampleSesEvent('bounce', { messageId: r.messageId, email: r.email }), 'not json']) {
      const res = await invoke(handler, { method: 'POST', path: FEEDBACK_INJECTION_PATH, token: t.tokens.admin, body });
      expect(res.status).toBe(404);
    }
    expect((await footprint(t.deps.db, r)).events).toEqual([]);
  });
});

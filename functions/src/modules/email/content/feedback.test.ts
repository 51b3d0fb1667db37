// SES events from EventBridge become FeedbackEvents; the hard-bounce rule is listmonk's; anything
// that is not an SES event is refused with the fields that are wrong.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/app-error';
import { parseSesEvent, sampleSesEvent, type FeedbackKind } from './feedback';

const AT = new Date('2026-03-02T10:15:30.000Z');
const base = { messageId: '010001900000abcd-0000-0000-0000-000000000000-000000', email: 'Dana@Globex.example', at: AT, eventId: 'c2c4f3c1-4b8e-4b7a-9d61-0a7a0e4f1d11' };

describe('parseSesEvent', () => {
  it('reads a permanent bounce as hard, with the diagnostic, the time and the event id', () => {
    const event = parseSesEvent(sampleSesEvent('bounce', { ...base, tags: { campaign_id: ['c-1'] } }));
    expect(event).toEqual({
      kind: 'bounce',
      messageId: base.messageId,
      recipients: ['dana@globex.example'],
      hard: true,
      reason: 'Permanent/General: smtp; 550 5.1.1 user unknown',
      at: AT,
      eventId: base.eventId,
      tags: expect.objectContaining({ campaign_id: ['c-1'], 'ses:configuration-set': ['pivotal-campaigns'] }),
    });
  });

  it('reads a transient bounce as soft, unless its status or diagnostic is 5.4.4', () => {
    expect(parseSesEvent(sampleSesEvent('bounce', { ...base, bounceType: 'Transient' })).hard).toBe(false);
    expect(parseSesEvent(sampleSesEvent('bounce', { ...base, bounceType: 'Transient', status: '5.4.4' })).hard).toBe(true);
    expect(parseSesEvent(sampleSesEvent('bounce', { ...base, bounceType: 'Transient', status: '4.0.0', diagnosticCode: 'smtp; 554 5.4.4 no route to host' })).hard).toBe(true);
    expect(parseSesEvent(sampleSesEvent('bounce', { ...base, bounceType: 'Transient', status: '5.4.40', diagnosticCode: 'smtp; 554 5.4.41' })).hard).toBe(false);
    expect(parseSesEvent(sampleSesEvent('bounce', { ...base, bounceType: 'Undetermined', status: '5.4.4' })).hard).toBe(false);
  });

  it.each<[FeedbackKind, string]>([
    ['complaint', 'abuse'],
    ['delivery', '250 2.6.0 Message received'],
    ['reject', 'Bad content'],
    ['delay', 'TransientCommunicationFailure: smtp; 421 4.4.1 Unable to connect'],
    ['send', 'sent'],
    ['open', 'opened'],
    ['click', 'https://pivotal.example/'],
  ])('reads a %s event', (kind, reason) => {
    const event = parseSesEvent(sampleSesEvent(kind, base));
    expect(event).toMatchObject({ kind, reason, hard: false, recipients: ['dana@globex.example'], messageId: base.messageId, eventId: base.eventId });
  });

  it('reads an event of the documented shape', () => {
    const documented = {
      version: '0',
      id: '1d2c3b4a-0000-4000-8000-000000000001',
      'detail-type': 'Email Complaint Received',
      source: 'aws.ses',
      account: '123456789012',
      time: '2026-03-02T10:20:00Z',
      region: 'us-east-1',
      resources: ['arn:aws:ses:us-east-1:123456789012:configuration-set/my-set'],
      detail: {
        eventType: 'Complaint',
        complaint: {
          feedbackId: '0100015e-example',
          complaintSubType: null,
          complainedRecipients: [{ emailAddress: 'recipient@example.com' }],
          timestamp: '2026-03-02T10:19:58.000Z',
          userAgent: 'Mozilla/5.0',
          complaintFeedbackType: 'abuse',
          arrivalDate: '2026-03-02T10:19:50.000Z',
        },
        mail: {
          timestamp: '2026-03-02T10:10:00.000Z',
          source: 'sender@example.com',
          messageId: '0100015e-msg',
          destination: ['recipient@example.com'],
          headersTruncated: false,
          tags: { 'ses:configuration-set': ['my-set'] },
          extra: 'ignored',
        },
      },
    };
    expect(parseSesEvent(documented)).toMatchObject({ kind: 'complaint', recipients: ['recipient@example.com'], at: new Date('2026-03-02T10:19:58.000Z') });
  });

  it('refuses what is not an SES event, naming the fields', () => {
    const bounce = sampleSesEvent('bounce', base);
    const cases: unknown[] = [
      null,
      'Email Bounced',
      { ...bounce, source: 'aws.s3' },
      { ...bounce, 'detail-type': 'Email Subscribed' },
      { ...bounce, detail: { ...bounce.detail, eventType: 'Delivery' } },
      { ...bounce, detail: { ...bounce.detail, bounce: undefined } },
      { ...bounce, detail: { ...bounce.detail, mail: { ...bounce.detail.mail, messageId: '' } } },
      { ...bounce, detail: { ...bounce.detail, bounce: { ...bounce.detail.bounce!, bounceType: 'Soft' } } },
    ];
    for (const input of cases) {
      expect(() => parseSesEvent(input)).toThrow(AppError);
      expect(() => parseSesEvent(input)).toThrow(/^Not an SES event: /);
    }
    try {
      parseSesEvent({ ...bounce, detail: { ...bounce.detail, bounce: undefined } });
    } catch (error) {
      expect((error as AppError).errors).toEqual([{ field: 'detail.bounce', message: 'is required for Bounce' }]);
    }
  });
});

describe('sampleSesEvent', () => {
  it('builds the EventBridge envelope around the SES record', () => {
    const event = sampleSesEvent('bounce', base);
    expect(event).toMatchObject({
      version: '0',
      id: base.eventId,
      'detail-type': 'Email Bounced',
      source: 'aws.ses',
      time: AT.toISOString(),
      detail: {
        eventType: 'Bounce',
        mail: { messageId: base.messageId, destination: [base.email] },
        bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: base.email, status: '5.1.1' }] },
      },
    });
  });

  it('gives each event its own id unless told one', () => {
    const { eventId: _eventId, ...withoutId } = base;
    expect(sampleSesEvent('send', withoutId).id).not.toBe(sampleSesEvent('send', withoutId).id);
  });
});

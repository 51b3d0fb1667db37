// SES events of the real EventBridge shape (source `aws.ses`, detail-type "Email Bounced", …,
// detail with `eventType`, `mail` and the event's own object), built from a message the SES
// stand-in saw. The SES emulator emits none; the local stack and tests inject them through the
// stand-in, and the stand-in can emit what SES would for each message (its mailbox simulator too).
import { randomUUID } from 'node:crypto';

export type SesEventType = 'Send' | 'Delivery' | 'Bounce' | 'Complaint' | 'Reject' | 'DeliveryDelay';

export const SES_DETAIL_TYPES: Record<SesEventType, string> = {
  Send: 'Email Sent',
  Delivery: 'Email Delivered',
  Bounce: 'Email Bounced',
  Complaint: 'Email Complaint Received',
  Reject: 'Email Rejected',
  DeliveryDelay: 'Email Delivery Delayed',
};

/** What the stand-in keeps of a message SES accepted. */
export interface SentMail {
  messageId: string;
  at: Date;
  /** The From address as sent (`"Name" <address>`). */
  source: string;
  destination: string[];
  subject: string;
  headers: { name: string; value: string }[];
  tags: Record<string, string>;
  configurationSet?: string;
}

/** An event to inject (`POST /local/events` on the stand-in). */
export interface SesEventRequest {
  type: SesEventType;
  messageId: string;
  /** Defaults to the message's first recipient. */
  recipient?: string;
  /** Bounce: Permanent (the default), Transient or Undetermined, and its subtype (General, NoEmail, Suppressed, OnAccountSuppressionList, MailboxFull, …). */
  bounceType?: 'Permanent' | 'Transient' | 'Undetermined';
  bounceSubType?: string;
  /** Bounce and DeliveryDelay: the enhanced status code (5.1.1, 5.4.4, 4.4.1, …). */
  status?: string;
  diagnosticCode?: string;
  /** Complaint: abuse (the default), fraud, not-spam, … */
  complaintFeedbackType?: string;
  /** Reject: why (SES says "Bad content"). */
  reason?: string;
}

export interface SesEventBridgeEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: 'aws.ses';
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: { eventType: SesEventType; mail: Record<string, unknown> } & Record<string, unknown>;
}

export interface SesEventContext {
  region: string;
  accountId: string;
  now: Date;
}

const REPORTING_MTA = 'a8-70.smtp-out.amazonses.com';

const addressOf = (source: string) => /<([^>]+)>\s*$/.exec(source)?.[1] ?? source;

/** The `mail` object SES puts in every event: the message's headers, common headers and tags (each tag's value an array). */
function mailObject(mail: SentMail, context: SesEventContext): Record<string, unknown> {
  const from = addressOf(mail.source);
  const fromDomain = from.slice(from.lastIndexOf('@') + 1);
  const headers = [
    { name: 'From', value: mail.source },
    { name: 'To', value: mail.destination.join(', ') },
    { name: 'Subject', value: mail.subject },
    ...mail.headers,
  ];
  const tags: Record<string, string[]> = {
    'ses:operation': ['SendEmail'],
    'ses:source-ip': ['127.0.0.1'],
    'ses:from-domain': [fromDomain],
    'ses:caller-identity': ['local'],
    ...(mail.configurationSet ? { 'ses:configuration-set': [mail.configurationSet] } : {}),
    ...Object.fromEntries(Object.entries(mail.tags).map(([name, value]) => [name, [value]])),
  };
  return {
    timestamp: mail.at.toISOString(),
    source: mail.source,
    sourceArn: `arn:aws:ses:${context.region}:${context.accountId}:identity/${fromDomain}`,
    sendingAccountId: context.accountId,
    messageId: mail.messageId,
    destination: mail.destination,
    headersTruncated: false,
    headers,
    commonHeaders: { from: [mail.source], to: mail.destination, messageId: mail.messageId, subject: mail.subject },
    tags,
  };
}

/** The event type's own object (`bounce`, `complaint`, `delivery`, …) under its key. */
function eventBody(request: SesEventRequest, recipient: string, now: Date): Record<string, unknown> {
  const timestamp = now.toISOString();
  switch (request.type) {
    case 'Send':
      return { send: {} };
    case 'Delivery':
      return {
        delivery: { timestamp, processingTimeMillis: 420, recipients: [recipient], smtpResponse: '250 2.6.0 Message received', reportingMTA: REPORTING_MTA },
      };
    case 'Bounce': {
      const bounceType = request.bounceType ?? 'Permanent';
      const status = request.status ?? (bounceType === 'Permanent' ? '5.1.1' : '4.4.7');
      return {
        bounce: {
          feedbackId: randomUUID(),
          bounceType,
          bounceSubType: request.bounceSubType ?? 'General',
          bouncedRecipients: [
            { emailAddress: recipient, action: 'failed', status, diagnosticCode: request.diagnosticCode ?? `smtp; ${status.startsWith('5') ? 550 : 450} ${status} recipient refused` },
          ],
          timestamp,
          reportingMTA: `dns; ${REPORTING_MTA}`,
        },
      };
    }
    case 'Complaint':
      return {
        complaint: {
          feedbackId: randomUUID(),
          complaintSubType: null,
          complainedRecipients: [{ emailAddress: recipient }],
          timestamp,
          userAgent: 'local-feedback-loop',
          complaintFeedbackType: request.complaintFeedbackType ?? 'abuse',
          arrivalDate: timestamp,
        },
      };
    case 'Reject':
      return { reject: { reason: request.reason ?? 'Bad content' } };
    case 'DeliveryDelay': {
      const status = request.status ?? '4.4.1';
      return {
        deliveryDelay: {
          timestamp,
          delayType: 'TransientCommunicationFailure',
          expirationTime: new Date(now.getTime() + 24 * 3600 * 1000).toISOString(),
          delayedRecipients: [{ emailAddress: recipient, status, diagnosticCode: request.diagnosticCode ?? `smtp; 421 ${status} connection timed out` }],
          reportingMTA: REPORTING_MTA,
        },
      };
    }
  }
}

export function buildSesEvent(request: SesEventRequest, mail: SentMail, context: SesEventContext): SesEventBridgeEvent {
  const recipient = request.recipient ?? mail.destination[0] ?? '';
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': SES_DETAIL_TYPES[request.type],
    source: 'aws.ses',
    account: context.accountId,
    time: context.now.toISOString(),
    region: context.region,
    resources: mail.configurationSet ? [`arn:aws:ses:${context.region}:${context.accountId}:configuration-set/${mail.configurationSet}`] : [],
    detail: { eventType: request.type, mail: mailObject(mail, context), ...eventBody(request, recipient, context.now) },
  };
}

/**
 * The events SES would publish for an accepted message: Send, then Delivery; for SES's mailbox
 * simulator addresses what they simulate (bounce@ a permanent bounce, complaint@ a delivery and a
 * complaint, suppressionlist@ a bounce for the suppression list).
 */
export function eventsSesWouldSend(mail: SentMail): Omit<SesEventRequest, 'messageId'>[] {
  return mail.destination.flatMap((recipient): Omit<SesEventRequest, 'messageId'>[] => {
    const simulated = /^([a-z]+)(?:\+[^@]*)?@simulator\.amazonses\.com$/i.exec(recipient)?.[1]?.toLowerCase();
    const send = { type: 'Send' as const, recipient };
    if (simulated === 'bounce') return [send, { type: 'Bounce', recipient }];
    if (simulated === 'suppressionlist') return [send, { type: 'Bounce', recipient, bounceSubType: 'OnAccountSuppressionList', status: '5.1.1' }];
    if (simulated === 'complaint') return [send, { type: 'Delivery', recipient }, { type: 'Complaint', recipient }];
    return [send, { type: 'Delivery', recipient }];
  });
}

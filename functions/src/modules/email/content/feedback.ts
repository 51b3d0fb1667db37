// SES feedback as EventBridge delivers it (`source: aws.ses`, detail-type `Email Bounced`, …, the
// detail being SES's event publishing record), read into one normalized FeedbackEvent; and
// events of that same shape for the local stack and tests, whose SES emulator publishes none.
//
// Hard bounces follow listmonk's rule: Permanent is hard; Transient is hard when the recipient's
// status or diagnostic code is 5.4.4 (no route to the domain: it will never deliver); any other
// Transient, and Undetermined, is soft. A complaint always suppresses, whatever `hard` says.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../core/app-error';

const DETAIL_TYPES = {
  'Email Bounced': { eventType: 'Bounce', kind: 'bounce' },
  'Email Complaint Received': { eventType: 'Complaint', kind: 'complaint' },
  'Email Delivered': { eventType: 'Delivery', kind: 'delivery' },
  'Email Rejected': { eventType: 'Reject', kind: 'reject' },
  'Email Delivery Delayed': { eventType: 'DeliveryDelay', kind: 'delay' },
  'Email Sent': { eventType: 'Send', kind: 'send' },
  'Email Opened': { eventType: 'Open', kind: 'open' },
  'Email Clicked': { eventType: 'Click', kind: 'click' },
} as const;

export type SesDetailType = keyof typeof DETAIL_TYPES;
export type FeedbackKind = (typeof DETAIL_TYPES)[SesDetailType]['kind'];
const DETAIL_TYPE_NAMES = Object.keys(DETAIL_TYPES) as [SesDetailType, ...SesDetailType[]];

const time = z.iso.datetime({ offset: true });
const address = z.string().trim().min(3).max(320);

const mailSchema = z.object({
  timestamp: time,
  messageId: z.string().min(1),
  destination: z.array(address).min(1),
  source: z.string().optional(),
  sourceArn: z.string().optional(),
  sendingAccountId: z.string().optional(),
  headersTruncated: z.boolean().optional(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  commonHeaders: z.record(z.string(), z.unknown()).optional(),
  tags: z.record(z.string(), z.array(z.string())).optional(),
});

const recipientWithStatus = z.object({
  emailAddress: address,
  action: z.string().optional(),
  status: z.string().optional(),
  diagnosticCode: z.string().optional(),
});

const bounceSchema = z.object({
  bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']),
  bounceSubType: z.string(),
  bouncedRecipients: z.array(recipientWithStatus).min(1),
  timestamp: time,
  feedbackId: z.string(),
  reportingMTA: z.string().optional(),
});
export type SesBounceType = z.infer<typeof bounceSchema>['bounceType'];

const complaintSchema = z.object({
  complainedRecipients: z.array(z.object({ emailAddress: address })).min(1),
  timestamp: time,
  feedbackId: z.string(),
  complaintSubType: z.string().nullable().optional(),
  complaintFeedbackType: z.string().optional(),
  userAgent: z.string().optional(),
  arrivalDate: time.optional(),
});

const deliverySchema = z.object({
  timestamp: time,
  processingTimeMillis: z.number().optional(),
  recipients: z.array(address).min(1),
  smtpResponse: z.string().optional(),
  reportingMTA: z.string().optional(),
  remoteMtaIp: z.string().optional(),
});

const delaySchema = z.object({
  timestamp: time,
  delayType: z.string(),
  expirationTime: time.optional(),
  delayedRecipients: z.array(recipientWithStatus).min(1),
  reportingMTA: z.string().optional(),
});

const openSchema = z.object({ timestamp: time, ipAddress: z.string().optional(), userAgent: z.string().optional() });
const clickSchema = openSchema.extend({ link: z.string(), linkTags: z.record(z.string(), z.array(z.string())).optional() });

const detailSchema = z.object({
  eventType: z.string(),
  mail: mailSchema,
  bounce: bounceSchema.optional(),
  complaint: complaintSchema.optional(),
  delivery: deliverySchema.optional(),
  send: z.object({}).optional(),
  reject: z.object({ reason: z.string() }).optional(),
  deliveryDelay: delaySchema.optional(),
  open: openSchema.optional(),
  click: clickSchema.optional(),
});
type SesDetail = z.infer<typeof detailSchema>;

/** An SES event as EventBridge delivers it. */
export const sesEventSchema = z
  .object({
    version: z.string().optional(),
    id: z.string().min(1),
    'detail-type': z.enum(DETAIL_TYPE_NAMES),
    source: z.literal('aws.ses'),
    account: z.string().optional(),
    time: time,
    region: z.string().optional(),
    resources: z.array(z.string()).optional(),
    detail: detailSchema,
  })
  .superRefine((event, ctx) => {
    const { eventType } = DETAIL_TYPES[event['detail-type']];
    if (event.detail.eventType !== eventType) {
      ctx.addIssue({ code: 'custom', path: ['detail', 'eventType'], message: `must be ${eventType} for "${event['detail-type']}"` });
    }
    const record = recordKey(eventType);
    if (event.detail[record] === undefined) ctx.addIssue({ code: 'custom', path: ['detail', record], message: `is required for ${eventType}` });
  });
export type SesEvent = z.infer<typeof sesEventSchema>;

type RecordKey = Exclude<keyof SesDetail, 'eventType' | 'mail'>;
/** Where each event type keeps its record: `Bounce` → `bounce`, `DeliveryDelay` → `deliveryDelay`. */
const recordKey = (eventType: string) => (eventType.charAt(0).toLowerCase() + eventType.slice(1)) as RecordKey;

export interface FeedbackEvent {
  kind: FeedbackKind;
  messageId: string;
  /** The addresses the event is about (lower-cased). */
  recipients: string[];
  /** A hard bounce (listmonk's rule); false for every other kind. */
  hard: boolean;
  /** SES's words: bounce type and diagnostic, complaint type, SMTP response, reject reason, … */
  reason: string;
  at: Date;
  /** EventBridge's event id: the same event redelivered has the same id. */
  eventId: string;
  /** The message's tags (the campaign and recipient ids the sender set, and SES's own). */
  tags: Record<string, string[]>;
}

const HARD_TRANSIENT_STATUS = /(?<![\d.])5\.4\.4(?!\d)/;

type Bounce = z.infer<typeof bounceSchema>;
function isHardBounce(bounce: Bounce): boolean {
  if (bounce.bounceType === 'Permanent') return true;
  if (bounce.bounceType !== 'Transient') return false;
  return bounce.bouncedRecipients.some((r) => HARD_TRANSIENT_STATUS.test(r.status ?? '') || HARD_TRANSIENT_STATUS.test(r.diagnosticCode ?? ''));
}

const diagnosticOf = (r: z.infer<typeof recipientWithStatus>) => r.diagnosticCode ?? r.status;
const joined = (parts: Array<string | null | undefined>) => parts.filter(Boolean).join(': ');

interface KindFacts {
  recipients: string[];
  hard: boolean;
  reason: string;
  at: string;
}

function factsOf(kind: FeedbackKind, detail: SesDetail, envelopeTime: string): KindFacts {
  const sentTo = detail.mail.destination;
  switch (kind) {
    case 'bounce': {
      const b = detail.bounce!;
      const recipients = b.bouncedRecipients.map((r) => r.emailAddress);
      return { recipients, hard: isHardBounce(b), reason: joined([`${b.bounceType}/${b.bounceSubType}`, b.bouncedRecipients.map(diagnosticOf).find(Boolean)]), at: b.timestamp };
    }
    case 'complaint': {
      const c = detail.complaint!;
      return { recipients: c.complainedRecipients.map((r) => r.emailAddress), hard: false, reason: c.complaintFeedbackType ?? c.complaintSubType ?? 'complaint', at: c.timestamp };
    }
    case 'delivery': {
      const d = detail.delivery!;
      return { recipients: d.recipients, hard: false, reason: d.smtpResponse ?? 'delivered', at: d.timestamp };
    }
    case 'delay': {
      const d = detail.deliveryDelay!;
      return { recipients: d.delayedRecipients.map((r) => r.emailAddress), hard: false, reason: joined([d.delayType, d.delayedRecipients.map(diagnosticOf).find(Boolean)]), at: d.timestamp };
    }
    case 'reject':
      return { recipients: sentTo, hard: false, reason: detail.reject!.reason, at: envelopeTime };
    case 'send':
      return { recipients: sentTo, hard: false, reason: 'sent', at: detail.mail.timestamp };
    case 'open':
      return { recipients: sentTo, hard: false, reason: 'opened', at: detail.open!.timestamp };
    case 'click':
      return { recipients: sentTo, hard: false, reason: detail.click!.link, at: detail.click!.timestamp };
  }
}

/** An SES event from EventBridge, normalized; an AppError ('invalid', naming the fields) for anything else. */
export function parseSesEvent(input: unknown): FeedbackEvent {
  const parsed = sesEventSchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(event)', message: i.message }));
    throw new AppError('invalid', { detail: `Not an SES event: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors });
  }
  const event = parsed.data;
  const kind = DETAIL_TYPES[event['detail-type']].kind;
  const facts = factsOf(kind, event.detail, event.time);
  return {
    kind,
    messageId: event.detail.mail.messageId,
    recipients: facts.recipients.map((r) => r.trim().toLowerCase()),
    hard: facts.hard,
    reason: facts.reason,
    at: new Date(facts.at),
    eventId: event.id,
    tags: event.detail.mail.tags ?? {},
  };
}

// ── events of the real shape, for the local stack and tests ───────────────────────────────────

export interface SampleSesEventOptions {
  messageId: string;
  email: string;
  /** EventBridge's id; a new uuid when omitted. */
  eventId?: string;
  /** When the event happened; now when omitted. */
  at?: Date;
  /** Extra message tags (the sender's campaign and recipient ids). */
  tags?: Record<string, string[]>;
  bounceType?: SesBounceType;
  bounceSubType?: string;
  /** The bounced or delayed recipient's enhanced status code. */
  status?: string;
  diagnosticCode?: string;
  complaintFeedbackType?: string;
  rejectReason?: string;
  delayType?: string;
  link?: string;
  userAgent?: string;
  ip?: string;
}

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const CONFIGURATION_SET = 'pivotal-campaigns';
const SENDER = 'Pivotal Demo <news@pivotal.example>';

const KIND_DETAIL_TYPES = Object.fromEntries(Object.entries(DETAIL_TYPES).map(([type, { kind }]) => [kind, type])) as Record<FeedbackKind, SesDetailType>;

function sampleMail(o: SampleSesEventOptions, sentAt: Date) {
  return {
    timestamp: sentAt.toISOString(),
    source: SENDER,
    sourceArn: `arn:aws:ses:${REGION}:${ACCOUNT}:identity/pivotal.example`,
    sendingAccountId: ACCOUNT,
    messageId: o.messageId,
    destination: [o.email],
    headersTruncated: false,
    headers: [
      { name: 'From', value: SENDER },
      { name: 'To', value: o.email },
      { name: 'Subject', value: 'Campaign message' },
      { name: 'MIME-Version', value: '1.0' },
    ],
    commonHeaders: { from: [SENDER], to: [o.email], messageId: o.messageId, subject: 'Campaign message' },
    tags: {
      'ses:configuration-set': [CONFIGURATION_SET],
      'ses:source-ip': ['192.0.2.10'],
      'ses:from-domain': ['pivotal.example'],
      'ses:caller-identity': ['pivotal-sender'],
      ...o.tags,
    },
  };
}

function sampleRecord(kind: FeedbackKind, o: SampleSesEventOptions, at: string, feedbackId: string) {
  switch (kind) {
    case 'bounce': {
      const type = o.bounceType ?? 'Permanent';
      const status = o.status ?? (type === 'Permanent' ? '5.1.1' : '4.2.2');
      const diagnosticCode = o.diagnosticCode ?? (type === 'Permanent' ? 'smtp; 550 5.1.1 user unknown' : 'smtp; 452 4.2.2 mailbox full');
      const bounceSubType = o.bounceSubType ?? (type === 'Permanent' ? 'General' : type === 'Transient' ? 'MailboxFull' : 'Undetermined');
      const bouncedRecipients = [{ emailAddress: o.email, action: 'failed', status, diagnosticCode }];
      return { bounce: { bounceType: type, bounceSubType, bouncedRecipients, timestamp: at, feedbackId, reportingMTA: 'dsn; mta.example.net' } };
    }
    case 'complaint':
      return {
        complaint: {
          complainedRecipients: [{ emailAddress: o.email }],
          timestamp: at,
          feedbackId,
          complaintSubType: null,
          userAgent: 'ExampleCorp Feedback Loop (V0.01)',
          complaintFeedbackType: o.complaintFeedbackType ?? 'abuse',
          arrivalDate: at,
        },
      };
    case 'delivery':
      return { delivery: { timestamp: at, processingTimeMillis: 546, recipients: [o.email], smtpResponse: '250 2.6.0 Message received', reportingMTA: 'a8-70.smtp-out.amazonses.com', remoteMtaIp: '198.51.100.25' } };
    case 'reject':
      return { reject: { reason: o.rejectReason ?? 'Bad content' } };
    case 'delay':
      return {
        deliveryDelay: {
          timestamp: at,
          delayType: o.delayType ?? 'TransientCommunicationFailure',
          expirationTime: new Date(Date.parse(at) + 12 * 3600_000).toISOString(),
          delayedRecipients: [{ emailAddress: o.email, status: o.status ?? '4.4.1', diagnosticCode: o.diagnosticCode ?? 'smtp; 421 4.4.1 Unable to connect' }],
          reportingMTA: 'a8-70.smtp-out.amazonses.com',
        },
      };
    case 'send':
      return { send: {} };
    case 'open':
      return { open: { timestamp: at, userAgent: o.userAgent ?? 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', ipAddress: o.ip ?? '198.51.100.7' } };
    case 'click':
      return { click: { timestamp: at, ipAddress: o.ip ?? '198.51.100.7', userAgent: o.userAgent ?? 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', link: o.link ?? 'https://pivotal.example/', linkTags: {} } };
  }
}

/** An SES event of the shape EventBridge delivers, about one message to one address. */
export function sampleSesEvent(kind: FeedbackKind, options: SampleSesEventOptions): SesEvent {
  const at = options.at ?? new Date();
  const sentAt = new Date(at.getTime() - 60_000);
  const detailType = KIND_DETAIL_TYPES[kind];
  return {
    version: '0',
    id: options.eventId ?? randomUUID(),
    'detail-type': detailType,
    source: 'aws.ses',
    account: ACCOUNT,
    time: at.toISOString(),
    region: REGION,
    resources: [`arn:aws:ses:${REGION}:${ACCOUNT}:configuration-set/${CONFIGURATION_SET}`],
    detail: {
      eventType: DETAIL_TYPES[detailType].eventType,
      mail: sampleMail(options, sentAt),
      ...sampleRecord(kind, options, at.toISOString(), `${options.messageId}-feedback`),
    },
  };
}

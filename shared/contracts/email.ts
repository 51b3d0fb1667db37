// The email API's shapes: deliverability settings (sending and tracking domains, IP pools,
// warm-up plans, sender profiles), saved templates, campaigns with their variants, audience and
// schedule, the pre-flight check, the recipients table and the campaign report. The content a
// template or variant carries (blocks or HTML, subject, preheader) is email-content.ts's.
import { z } from 'zod';
import { saveEmailContentSchema } from './email-content';
import { pageQueryFields, cursorPageSchema } from './paging';

const uuid = z.string().uuid();
const isoInstant = z.string().datetime({ offset: true });
const name = z.string().trim().min(1, 'must not be empty').max(120);

/** A DNS name of at least two labels, lower-cased (no scheme, no path). */
const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, 'must be a domain name such as mail.example.com');

const emailAddress = z.string().trim().toLowerCase().email('must be an email address').max(254);

// ---------------------------------------------------------------- deliverability settings

export const DOMAIN_STATUSES = ['pending', 'verified', 'failed'] as const;
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];

/** A DNS record the customer publishes at their DNS host. */
export const dnsRecordSchema = z.object({
  type: z.enum(['CNAME', 'TXT', 'MX']),
  name: z.string(),
  value: z.string(),
  purpose: z.enum(['dkim', 'spf', 'dmarc', 'mail_from', 'tracking']),
});
export type DnsRecord = z.infer<typeof dnsRecordSchema>;

export const sendingDomainCreateSchema = z.strictObject({ domain: domainName });
export type SendingDomainCreate = z.infer<typeof sendingDomainCreateSchema>;

export const sendingDomainSchema = z.object({
  id: uuid,
  domain: z.string(),
  status: z.enum(DOMAIN_STATUSES),
  dkimVerified: z.boolean(),
  records: z.array(dnsRecordSchema),
  lastCheckedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SendingDomain = z.infer<typeof sendingDomainSchema>;

export const trackingDomainCreateSchema = z.strictObject({ domain: domainName });
export const trackingDomainSchema = z.object({
  id: uuid,
  domain: z.string(),
  status: z.enum(DOMAIN_STATUSES),
  /** The CNAME target the customer points the domain at. */
  cnameTarget: z.string(),
  lastCheckedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TrackingDomain = z.infer<typeof trackingDomainSchema>;

export const ipPoolCreateSchema = z.strictObject({
  name: z.string().trim().regex(/^[a-z0-9-]{3,64}$/, 'must be 3–64 lower-case letters, digits or -'),
  description: z.string().trim().max(300).nullable().optional(),
});
export const ipPoolSchema = z.object({
  id: uuid,
  name: z.string(),
  description: z.string().nullable(),
  /** The SES configuration set that sends through the pool. */
  configurationSet: z.string(),
  createdAt: z.string(),
});
export type IpPool = z.infer<typeof ipPoolSchema>;

export const WARMUP_MAX_DAYS = 90;
export const warmupPlanInputSchema = z.strictObject({
  name,
  /** The most messages the identity may send on day 1, 2, …; after the last day, no cap. */
  dailyCaps: z.array(z.number().int().min(1).max(10_000_000)).min(1).max(WARMUP_MAX_DAYS),
});
export type WarmupPlanInput = z.infer<typeof warmupPlanInputSchema>;
export const warmupPlanSchema = warmupPlanInputSchema.extend({ id: uuid, createdAt: z.string(), updatedAt: z.string() });
export type WarmupPlan = z.infer<typeof warmupPlanSchema>;

export const EMAIL_PROVIDERS = ['ses', 'sendgrid', 'mailgun'] as const;
export type EmailProviderName = (typeof EMAIL_PROVIDERS)[number];
export const EMAIL_PROVIDER_LABELS: Record<EmailProviderName, string> = { ses: 'Amazon SES', sendgrid: 'SendGrid', mailgun: 'Mailgun' };

export const senderProfileInputSchema = z.strictObject({
  name,
  fromName: z.string().trim().min(1, 'must not be empty').max(100),
  /** Must be at a sending domain of the workspace. */
  fromAddress: emailAddress,
  replyTo: emailAddress.nullable().optional(),
  /** The postal address every message's footer shows (CAN-SPAM). */
  postalAddress: z.string().trim().min(1, 'must not be empty').max(300),
  provider: z.enum(EMAIL_PROVIDERS).default('ses'),
  ipPoolId: uuid.nullable().optional(),
  trackingDomainId: uuid.nullable().optional(),
  warmupPlanId: uuid.nullable().optional(),
  /** The first day of the warm-up plan (defaults to the day the plan is attached). */
  warmupStartedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').nullable().optional(),
  /** The most messages a second this identity may send. */
  ratePerSecond: z.number().int().min(1).max(5000).default(14),
});
export type SenderProfileInput = z.infer<typeof senderProfileInputSchema>;
export const senderProfileSchema = senderProfileInputSchema.extend({
  id: uuid,
  sendingDomainId: uuid,
  /** Whether its domain is verified with DKIM (a campaign cannot be scheduled otherwise). */
  domainVerified: z.boolean(),
  replyTo: z.string().nullable(),
  ipPoolId: uuid.nullable(),
  trackingDomainId: uuid.nullable(),
  warmupPlanId: uuid.nullable(),
  warmupStartedOn: z.string().nullable(),
  /** Today's cap from the warm-up plan, null when none applies. */
  dailyCapToday: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SenderProfile = z.infer<typeof senderProfileSchema>;

// ---------------------------------------------------------------- templates

export const templateSummarySchema = z.object({
  id: uuid,
  name: z.string(),
  mode: z.enum(['blocks', 'html']),
  subject: z.string(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

// ---------------------------------------------------------------- template input and detail
// A saved template is a name and content in the shape every editor saves (email-content.ts).

export const templateInputSchema = z.strictObject({ name, content: saveEmailContentSchema });
export type TemplateInput = z.infer<typeof templateInputSchema>;

export const templateSchema = templateSummarySchema.extend({
  preheader: z.string(),
  /** The block document (blocks mode), as email-content.ts defines it. */
  document: z.unknown().nullable(),
  /** The compiled HTML (Liquid intact): blocks compiled through MJML, or the author's sanitized HTML. */
  html: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type Template = z.infer<typeof templateSchema>;

export const templateDuplicateSchema = z.strictObject({ name: name.optional() });

// ---------------------------------------------------------------- campaigns

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  sending: 'Sending',
  paused: 'Paused',
  sent: 'Sent',
  cancelled: 'Cancelled',
};

export const campaignAudienceSchema = z.strictObject({
  kind: z.enum(['segment', 'list', 'domain_set']),
  id: uuid,
});
export type CampaignAudience = z.infer<typeof campaignAudienceSchema>;

export const campaignScheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('now') }),
  z.strictObject({ kind: z.literal('at'), at: isoInstant }),
  /** Each recipient at this local time on this date in their own time zone (unknown zones: `fallbackZone`). */
  z.strictObject({
    kind: z.literal('local'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    time: z.string().regex(/^\d{2}:\d{2}$/, 'must be a time HH:MM'),
    fallbackZone: z.string().trim().min(1).max(64),
  }),
]);
export type CampaignSchedule = z.infer<typeof campaignScheduleSchema>;

export const AB_METRICS = ['unique_open_rate', 'unique_click_rate'] as const;
export const abTestSchema = z.strictObject({
  /** Percent of the audience that receives the variants; the winner goes to the rest. */
  testShare: z.number().int().min(2).max(100),
  metric: z.enum(AB_METRICS),
  /** Hours after the test sends end before the winner is picked. */
  windowHours: z.number().int().min(1).max(168),
  /** Pick by hand instead of after the window. */
  manual: z.boolean().default(false),
});
export type AbTest = z.infer<typeof abTestSchema>;

export const campaignCreateSchema = z.strictObject({
  name,
  audience: campaignAudienceSchema.nullable().optional(),
  senderProfileId: uuid.nullable().optional(),
  /** Start from a saved template's content. */
  templateId: uuid.nullable().optional(),
});
export type CampaignCreate = z.infer<typeof campaignCreateSchema>;

export const campaignUpdateSchema = z.strictObject({
  name: name.optional(),
  audience: campaignAudienceSchema.nullable().optional(),
  senderProfileId: uuid.nullable().optional(),
  abTest: abTestSchema.nullable().optional(),
  /** Optimistic concurrency: the version the edit was made on (409 when it moved on). */
  version: z.number().int().min(1),
});
export type CampaignUpdate = z.infer<typeof campaignUpdateSchema>;

export const VARIANT_KEYS = ['A', 'B', 'C', 'D', 'E'] as const;
export type VariantKey = (typeof VARIANT_KEYS)[number];

export const variantSchema = z.object({
  id: uuid,
  key: z.enum(VARIANT_KEYS),
  subject: z.string(),
  preheader: z.string(),
  mode: z.enum(['blocks', 'html']),
  /** The block document (blocks mode) as email-content.ts defines it. */
  document: z.unknown().nullable(),
  /** The author's HTML (html mode) or the compiled HTML (blocks mode). */
  html: z.string(),
  text: z.string(),
  updatedAt: z.string(),
});
export type Variant = z.infer<typeof variantSchema>;

export const campaignCountsSchema = z.object({
  audience: z.number().int(),
  admitted: z.number().int(),
  excluded: z.number().int(),
  queued: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  uncertain: z.number().int(),
  delivered: z.number().int(),
  bounced: z.number().int(),
  opened: z.number().int(),
  clicked: z.number().int(),
  unsubscribed: z.number().int(),
  complained: z.number().int(),
});
export type CampaignCounts = z.infer<typeof campaignCountsSchema>;

export const campaignSchema = z.object({
  id: uuid,
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  audience: campaignAudienceSchema.nullable(),
  audienceName: z.string().nullable(),
  senderProfileId: uuid.nullable(),
  schedule: campaignScheduleSchema.nullable(),
  abTest: abTestSchema.nullable(),
  winnerVariantId: uuid.nullable(),
  variants: z.array(variantSchema),
  /** Why sending stopped (a paused campaign's circuit breaker, a blocked account). */
  pausedReason: z.string().nullable(),
  /** A follow-up's origin: resend to failed or to non-openers of that campaign. */
  parentCampaignId: uuid.nullable(),
  followUp: z.enum(['failed', 'non_openers']).nullable(),
  gateProofId: uuid.nullable(),
  counts: campaignCountsSchema,
  scheduledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignSummarySchema = campaignSchema.pick({
  id: true,
  name: true,
  status: true,
  audienceName: true,
  scheduledAt: true,
  startedAt: true,
  finishedAt: true,
  counts: true,
  createdAt: true,
  updatedAt: true,
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const campaignListQuerySchema = z.strictObject({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  q: z.string().trim().max(120).optional(),
  ...pageQueryFields({ cursorMax: 200, limitMax: 100, limitDefault: 50 }),
});
export type CampaignListQuery = z.infer<typeof campaignListQuerySchema>;
export const campaignPageSchema = cursorPageSchema(campaignSummarySchema);

/** Schedule (after a pre-flight that has no red item) or send now. */
export const campaignScheduleRequestSchema = z.strictObject({ schedule: campaignScheduleSchema, version: z.number().int().min(1) });
export type CampaignScheduleRequest = z.infer<typeof campaignScheduleRequestSchema>;

export const testSendRequestSchema = z.strictObject({
  /** Addresses to send the test to (not suppressed-checked: they are the team's). */
  to: z.array(emailAddress).min(1).max(10),
  variantId: uuid.optional(),
  /** Personalize as this contact (otherwise the sample values). */
  contactId: uuid.nullable().optional(),
});
export type TestSendRequest = z.infer<typeof testSendRequestSchema>;

export const previewRequestSchema = z.strictObject({ variantId: uuid.optional(), contactId: uuid.nullable().optional() });
export type PreviewRequest = z.infer<typeof previewRequestSchema>;
export const previewSchema = z.object({ subject: z.string(), preheader: z.string(), html: z.string(), text: z.string() });
export type Preview = z.infer<typeof previewSchema>;

export const followUpRequestSchema = z.strictObject({ kind: z.enum(['failed', 'non_openers']), name: name.optional() });

export const pickWinnerRequestSchema = z.strictObject({ variantId: uuid });

// ---------------------------------------------------------------- recipients and report

export const RECIPIENT_STATUSES = ['queued', 'sending', 'sent', 'failed', 'uncertain', 'excluded', 'held'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export const recipientSchema = z.object({
  id: z.string(),
  contactId: uuid,
  email: z.string(),
  contactName: z.string().nullable(),
  variantKey: z.enum(VARIANT_KEYS).nullable(),
  status: z.enum(RECIPIENT_STATUSES),
  /** Why it failed or was left out. */
  reason: z.string().nullable(),
  messageId: z.string().nullable(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  clickedAt: z.string().nullable(),
  bounce: z.enum(['hard', 'soft']).nullable(),
  unsubscribedAt: z.string().nullable(),
  complainedAt: z.string().nullable(),
});
export type Recipient = z.infer<typeof recipientSchema>;

export const recipientListQuerySchema = z.strictObject({
  status: z.enum(RECIPIENT_STATUSES).optional(),
  event: z.enum(['opened', 'clicked', 'bounced', 'unsubscribed', 'complained', 'not_opened']).optional(),
  q: z.string().trim().max(254).optional(),
  ...pageQueryFields({ cursorMax: 200, limitMax: 200, limitDefault: 50 }),
});
export type RecipientListQuery = z.infer<typeof recipientListQuerySchema>;
export const recipientPageSchema = cursorPageSchema(recipientSchema);

export const reportSeriesPointSchema = z.object({
  /** The start of the hour. */
  at: z.string(),
  sent: z.number().int(),
  delivered: z.number().int(),
  opened: z.number().int(),
  clicked: z.number().int(),
  bounced: z.number().int(),
  unsubscribed: z.number().int(),
});

export const campaignReportSchema = z.object({
  campaignId: uuid,
  totals: campaignCountsSchema.extend({
    hardBounced: z.number().int(),
    softBounced: z.number().int(),
    uniqueOpens: z.number().int(),
    /** Opens by Apple's privacy proxy and scanners, reported apart and not in `uniqueOpens`. */
    machineOpens: z.number().int(),
    uniqueClicks: z.number().int(),
    machineClicks: z.number().int(),
  }),
  variants: z.array(
    z.object({ variantId: uuid, key: z.enum(VARIANT_KEYS), sent: z.number().int(), uniqueOpens: z.number().int(), uniqueClicks: z.number().int(), winner: z.boolean() }),
  ),
  series: z.array(reportSeriesPointSchema),
  links: z.array(z.object({ index: z.number().int(), url: z.string(), clicks: z.number().int(), uniqueClicks: z.number().int() })),
  domains: z.array(
    z.object({ domain: z.string(), sent: z.number().int(), delivered: z.number().int(), bounced: z.number().int(), opened: z.number().int(), clicked: z.number().int() }),
  ),
  /** Who the gate left out at snapshot and after, by reason. */
  exclusions: z.record(z.string(), z.number().int()),
});
export type CampaignReport = z.infer<typeof campaignReportSchema>;

// ---------------------------------------------------------------- unsubscribe preference page

export const preferenceChoiceSchema = z.strictObject({
  choice: z.enum(['unsubscribe_all', 'pause_90_days', 'stay']),
});
export type PreferenceChoice = z.infer<typeof preferenceChoiceSchema>;

// ---------------------------------------------------------------- SES feedback injection (local stack)

/**
 * What became of one SES feedback event: recorded, seen before (same EventBridge id), about a
 * message no campaign sent, or not feedback we keep (sends, SES's own opens and clicks).
 */
export const FEEDBACK_OUTCOMES = ['recorded', 'duplicate', 'unknown_message', 'ignored'] as const;
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];

/** The most events one injection request carries. */
export const FEEDBACK_INJECTION_MAX_EVENTS = 100;

/** `POST /api/email/feedback/events` answers each event's outcome, in the order sent. */
export const feedbackInjectionResponseSchema = z.object({
  results: z.array(z.object({ eventId: z.string().nullable(), outcome: z.enum(FEEDBACK_OUTCOMES) })),
});
export type FeedbackInjectionResponse = z.infer<typeof feedbackInjectionResponseSchema>;

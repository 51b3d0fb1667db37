// The telephony API's shapes: SIP trunks (Settings → Telephony), call campaigns with their
// script, qualification form, dispositions and agents, the dialer's queues and settings, the
// agent console (presence, the call in progress, wrap-up), and the reports.
//
// Routes (all under /api/telephony):
//   trunks                      GET, POST; trunks/:trunkId PATCH, DELETE          telephony.configure
//   campaigns                   GET, POST; campaigns/:id GET, PATCH, DELETE         calls.manage (GET: calls.make)
//   campaigns/:id/dispositions  PUT (the whole list)                                calls.manage
//   campaigns/:id/agents        PUT {userIds}                                       calls.manage
//   campaigns/:id/activate|pause POST                                               calls.manage
//   campaigns/:id/report, campaigns/:id/compliance  GET                             calls.manage
//   campaigns/:id/content-links GET ?contactId (the script's content links as that contact's tracking URLs)   calls.make
//   merge-fields                GET ?campaignId (contact and account fields, and that campaign's content links)   calls.manage
//   dialer/queues               GET (live counts); dialer/queues/:id PATCH settings; :id/fill, :id/start, :id/pause POST   calls.manage
//   reports/agents              GET ?from&to                                        calls.manage
//   console                     GET (presence, assignments, current call, callbacks due)   calls.make
//   presence                    PUT {status}                                        calls.make
//   webrtc/token                POST (a 24 h login token for the agent's own credential)   calls.make
//   calls                       POST (manual/preview dial); calls/:id GET; calls/:id/wrap-up POST; calls/:id/hangup POST   calls.make
//   calls/:id/recording         GET (an agent's own call; managers and lead QA any)   calls.listen
//   contacts/:contactId/calls   GET (previous calls)                                calls.make
//   webhooks/telnyx             POST, public, Ed25519-verified
import { z } from 'zod';
import { policyRulesSchema } from './activity';

const uuid = z.string().uuid();
const isoInstant = z.string().datetime({ offset: true });
const name = z.string().trim().min(1, 'must not be empty').max(120);
const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time such as 08:00');
/** E.164: + and 8–15 digits. */
export const e164 = z.string().trim().regex(/^\+[1-9][0-9]{7,14}$/, 'must be a phone number in international form, such as +14155550100');

// ---------------------------------------------------------------- trunks

// The fields without their defaults: a patch must not reset what it does not mention.
const trunkFields = {
  name,
  sipHost: z.string().trim().min(3).max(253).regex(/^[a-z0-9.-]+$/i, 'must be a host name such as sip.telnyx.com'),
  sipUsername: z.string().trim().min(1).max(128),
  /** Write-only: never read back. */
  sipPassword: z.string().min(8, 'must be at least 8 characters').max(256),
  connectionId: z.string().trim().min(1).max(64),
  callerIds: z.array(e164).max(50),
  isDefault: z.boolean(),
  active: z.boolean(),
};

export const trunkInputSchema = z.strictObject({
  ...trunkFields,
  callerIds: trunkFields.callerIds.default([]),
  isDefault: trunkFields.isDefault.default(false),
  active: trunkFields.active.default(true),
});
export type TrunkInput = z.infer<typeof trunkInputSchema>;

/** Patch: the password only when it changes. */
export const trunkUpdateSchema = z.strictObject(trunkFields).partial();
export type TrunkUpdate = z.infer<typeof trunkUpdateSchema>;

export const trunkSchema = z.object({
  id: uuid,
  name: z.string(),
  sipHost: z.string(),
  sipUsername: z.string(),
  /** The password's last two characters, e.g. "••••••3x". */
  secretHint: z.string(),
  connectionId: z.string(),
  callerIds: z.array(z.string()),
  isDefault: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Trunk = z.infer<typeof trunkSchema>;

/** What a campaign manager chooses a trunk and caller id from (GET /telephony/trunk-options): no credentials. */
export type TrunkOption = Pick<Trunk, 'id' | 'name' | 'isDefault' | 'active' | 'callerIds'>;

// ---------------------------------------------------------------- campaigns

export const CALL_CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'completed'] as const;
export type CallCampaignStatus = (typeof CALL_CAMPAIGN_STATUSES)[number];

export const DISPOSITION_CLASSES = ['positive', 'negative', 'neutral', 'callback', 'do_not_call', 'wrong_number'] as const;
export type DispositionClass = (typeof DISPOSITION_CLASSES)[number];
export const DISPOSITION_CLASS_LABELS: Record<DispositionClass, string> = {
  positive: 'Positive',
  negative: 'Negative',
  neutral: 'Neutral',
  callback: 'Call back',
  do_not_call: 'Do not call',
  wrong_number: 'Wrong number',
};

export const FORM_FIELD_TYPES = ['text', 'choice', 'multi', 'number', 'date', 'yes_no'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** One question of a qualification form. */
export const formFieldSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits or _'),
    label: z.string().trim().min(1).max(200),
    type: z.enum(FORM_FIELD_TYPES),
    required: z.boolean().default(false),
    /** choice and multi. */
    options: z.array(z.string().trim().min(1).max(120)).max(50).optional(),
    /** number: bounds; text: length. */
    min: z.number().optional(),
    max: z.number().optional(),
    help: z.string().max(300).optional(),
  })
  .superRefine((f, ctx) => {
    if ((f.type === 'choice' || f.type === 'multi') && !(f.options && f.options.length >= 2))
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'needs at least two options' });
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'must not be below min' });
  });
export type FormField = z.infer<typeof formFieldSchema>;

export const qualificationFormSchema = z
  .array(formFieldSchema)
  .max(60)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'is used by another field' });
      seen.add(f.id);
    });
  });

/** The answers an agent gives: field id → value. */
export const formAnswersSchema = z.record(z.string(), z.union([z.string().max(5000), z.number(), z.boolean(), z.array(z.string().max(120)).max(50), z.null()]));
export type FormAnswers = z.infer<typeof formAnswersSchema>;

export const dispositionInputSchema = z.strictObject({
  id: uuid.optional(),
  code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits or _'),
  label: z.string().trim().min(1).max(80),
  outcomeClass: z.enum(DISPOSITION_CLASSES),
  shortcut: z.string().regex(/^[1-9a-z]$/, 'must be one key: 1–9 or a–z').nullable().optional(),
  retryAfterMinutes: z.number().int().min(1).max(525_600).nullable().optional(),
});
export type DispositionInput = z.infer<typeof dispositionInputSchema>;

export const dispositionSchema = z.object({
  id: uuid,
  code: z.string(),
  label: z.string(),
  outcomeClass: z.enum(DISPOSITION_CLASSES),
  shortcut: z.string().nullable(),
  position: z.number(),
  retryAfterMinutes: z.number().nullable(),
});
export type Disposition = z.infer<typeof dispositionSchema>;

export const callAudienceSchema = z.strictObject({ kind: z.enum(['segment', 'list', 'domain_set']), id: uuid });
export type CallAudience = z.infer<typeof callAudienceSchema>;

export const callingWindowSchema = z.strictObject({ start: hhmm, end: hhmm });

// The fields without their defaults: a patch must not reset what it does not mention.
const callCampaignFields = {
  name,
  audience: callAudienceSchema.nullable().optional(),
  trunkId: uuid.nullable().optional(),
  callerId: e164.nullable().optional(),
  sellerName: z.string().trim().min(1, 'is needed for the safe-harbour message').max(120),
  sellerPhone: e164,
  script: z.string().max(100_000),
  form: qualificationFormSchema,
  rules: policyRulesSchema.nullable().optional(),
  callingWindow: callingWindowSchema.nullable().optional(),
  record: z.boolean(),
  consentAnnouncement: z.string().trim().max(500).nullable().optional(),
  recordingRetentionDays: z.number().int().min(1).max(3650),
};

export const callCampaignInputSchema = z.strictObject({
  ...callCampaignFields,
  script: callCampaignFields.script.default(''),
  form: callCampaignFields.form.default([]),
  record: callCampaignFields.record.default(true),
  recordingRetentionDays: callCampaignFields.recordingRetentionDays.default(365),
});
export type CallCampaignInput = z.infer<typeof callCampaignInputSchema>;
export const callCampaignUpdateSchema = z.strictObject(callCampaignFields).partial();
export type CallCampaignUpdate = z.infer<typeof callCampaignUpdateSchema>;

export const callCampaignSchema = z.object({
  id: uuid,
  name: z.string(),
  status: z.enum(CALL_CAMPAIGN_STATUSES),
  audience: callAudienceSchema.nullable(),
  trunkId: z.string().nullable(),
  callerId: z.string().nullable(),
  sellerName: z.string(),
  sellerPhone: z.string(),
  script: z.string(),
  form: z.array(formFieldSchema),
  rules: z.unknown().nullable(),
  callingWindow: callingWindowSchema.nullable(),
  record: z.boolean(),
  consentAnnouncement: z.string().nullable(),
  recordingRetentionDays: z.number(),
  dispositions: z.array(dispositionSchema),
  agentIds: z.array(uuid),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CallCampaign = z.infer<typeof callCampaignSchema>;

export const callCampaignSummarySchema = callCampaignSchema.pick({ id: true, name: true, status: true, createdAt: true, updatedAt: true }).extend({
  agents: z.number(),
  queued: z.number(),
  calls: z.number(),
});
export type CallCampaignSummary = z.infer<typeof callCampaignSummarySchema>;

/** A campaign's script merge fields: with a campaign, its content links come after the contact and account fields. */
export const scriptMergeFieldsQuerySchema = z.strictObject({ campaignId: uuid.optional() });

/** Whose tracking URLs the console's script shows. */
export const scriptContentLinksQuerySchema = z.strictObject({ contactId: uuid });

/** An asset linked to a call campaign, as `{{ content.<key> }}` in its script, with one contact's tracking URL of it. */
export const scriptContentLinkSchema = z.object({
  key: z.string(),
  assetId: uuid,
  title: z.string(),
  /** The contact's own link (a click on it is theirs, in this campaign); null when none could be made. */
  url: z.string().nullable(),
});
export type ScriptContentLink = z.infer<typeof scriptContentLinkSchema>;
export const scriptContentLinksSchema = z.object({ items: z.array(scriptContentLinkSchema) });
export type ScriptContentLinks = z.infer<typeof scriptContentLinksSchema>;

export const dispositionsPutSchema = z.strictObject({ dispositions: z.array(dispositionInputSchema).min(1).max(40) });
export const agentsPutSchema = z.strictObject({ userIds: z.array(uuid).max(500) });

// ---------------------------------------------------------------- the dialer

export const DIALER_MODES = ['preview', 'progressive', 'power'] as const;
export type DialerMode = (typeof DIALER_MODES)[number];
export const PRIORITY_MODES = ['fifo', 'newest', 'priority'] as const;
export const PACING_STRATEGIES = ['fixed', 'adaptive'] as const;

/** What the dialer does after an outcome without a disposition: retry after N minutes. */
export const retryRulesSchema = z.strictObject({
  noAnswerMinutes: z.number().int().min(5).max(10_080).default(240),
  busyMinutes: z.number().int().min(1).max(10_080).default(30),
  machineMinutes: z.number().int().min(5).max(10_080).default(1440),
  failedMinutes: z.number().int().min(5).max(10_080).default(60),
});

export const dialerSettingsSchema = z.strictObject({
  mode: z.enum(DIALER_MODES).default('progressive'),
  maxConcurrentCalls: z.number().int().min(1).max(500).default(20),
  /** Lines per available agent; power mode only (progressive is 1). */
  dialRatio: z.number().min(1).max(5).default(1),
  amd: z.boolean().default(true),
  dncCheck: z.literal(true).default(true),
  priority: z.enum(PRIORITY_MODES).default('priority'),
  pacing: z.enum(PACING_STRATEGIES).default('adaptive'),
  targetOccupancy: z.number().min(0.5).max(1).default(0.85),
  maxAttempts: z.number().int().min(1).max(20).default(3),
  /** Ring at least this long before no-answer (15 s is the legal floor). */
  ringSeconds: z.number().int().min(15).max(60).default(20),
  retry: retryRulesSchema.default({ noAnswerMinutes: 240, busyMinutes: 30, machineMinutes: 1440, failedMinutes: 60 }),
});
export type DialerSettings = z.infer<typeof dialerSettingsSchema>;
export const dialerSettingsUpdateSchema = dialerSettingsSchema.partial().strict();

/** Abandonment: the ratio is lowered at this rate and the campaign paused at the next. */
export const ABANDON_LOWER_AT = 0.02;
export const ABANDON_PAUSE_AT = 0.028;
export const ABANDON_LIMIT = 0.03;
/** A person who answers must be bridged to an agent within this many ms, else the call is abandoned. */
export const CONNECT_DEADLINE_MS = 2000;

export const AGENT_STATUSES = ['offline', 'available', 'busy', 'after_call_work', 'break'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];
export const AGENT_STATUS_LABELS: Record<AgentStatus, string> = {
  offline: 'Offline',
  available: 'Available',
  busy: 'On a call',
  after_call_work: 'After-call work',
  break: 'Break',
};

export const dialerQueueSchema = z.object({
  campaignId: uuid,
  campaignName: z.string(),
  status: z.enum(['active', 'paused']),
  pausedReason: z.string().nullable(),
  settings: dialerSettingsSchema,
  currentRatio: z.number(),
  counts: z.object({ queued: z.number(), dialing: z.number(), done: z.number(), exhausted: z.number() }),
  /** Calls in progress: ringing, connected to an agent. */
  live: z.object({ dialing: z.number(), connected: z.number() }),
  abandonment: z.object({ answered: z.number(), abandoned: z.number(), rate: z.number() }),
  agents: z.record(z.enum(AGENT_STATUSES), z.number()),
  filledAt: z.string().nullable(),
  lastTickAt: z.string().nullable(),
});
export type DialerQueue = z.infer<typeof dialerQueueSchema>;

// ---------------------------------------------------------------- the console

export const presenceRequestSchema = z.strictObject({ status: z.enum(AGENT_STATUSES) });

export const agentPresenceSchema = z.object({
  userId: uuid,
  status: z.enum(AGENT_STATUSES),
  /** When the status began (time in status). */
  since: z.string(),
  campaignId: z.string().nullable(),
  callId: z.string().nullable(),
});
export type AgentPresence = z.infer<typeof agentPresenceSchema>;

export const CALL_STATES = ['initiated', 'ringing', 'answered', 'bridged', 'ended'] as const;
export type CallState = (typeof CALL_STATES)[number];

export const callSchema = z.object({
  id: uuid,
  campaignId: z.string().nullable(),
  contactId: z.string().nullable(),
  accountId: z.string().nullable(),
  agentId: z.string().nullable(),
  origin: z.enum(['dialer', 'manual', 'inbound']),
  toNumber: z.string(),
  fromNumber: z.string(),
  state: z.enum(CALL_STATES),
  amdResult: z.string().nullable(),
  startedAt: z.string(),
  answeredAt: z.string().nullable(),
  bridgedAt: z.string().nullable(),
  /** When the campaign's consent announcement began to play to both parties; null when none played. */
  consentAnnouncedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  hangupCause: z.string().nullable(),
  abandoned: z.boolean(),
  dispositionId: z.string().nullable(),
  dispositionLabel: z.string().nullable(),
  notes: z.string().nullable(),
  answers: formAnswersSchema.nullable(),
  hasRecording: z.boolean(),
});
export type Call = z.infer<typeof callSchema>;

export const consoleStateSchema = z.object({
  presence: agentPresenceSchema,
  campaigns: z.array(z.object({ id: uuid, name: z.string(), status: z.enum(CALL_CAMPAIGN_STATUSES) })),
  /** The call reserved for or bridged to the agent, or waiting for its wrap-up. */
  call: callSchema.nullable(),
  callbacksDue: z.array(
    z.object({
      taskId: uuid,
      contactId: z.string().nullable(),
      title: z.string(),
      dueAt: z.string(),
      // Addition for the console: the campaign the callback was promised on, so "Dial" places
      // it on that campaign (absent: the agent's current or first active campaign).
      campaignId: z.string().nullable().optional(),
    }),
  ),
});
export type ConsoleState = z.infer<typeof consoleStateSchema>;

export const webrtcTokenSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  callerId: z.string().nullable(),
  /** Where the browser SDK connects (the local stand-in's WebSocket); null: Telnyx's own. */
  host: z.string().nullable(),
});
export type WebrtcToken = z.infer<typeof webrtcTokenSchema>;

export const manualDialSchema = z.strictObject({ campaignId: uuid, contactId: uuid, phone: e164.optional() });

export const wrapUpSchema = z.strictObject({
  dispositionId: uuid,
  notes: z.string().max(20_000).nullable().optional(),
  answers: formAnswersSchema.default({}),
  /** Callback dispositions: when, in the contact's local time, ISO with offset. */
  callbackAt: isoInstant.nullable().optional(),
});
export type WrapUp = z.infer<typeof wrapUpSchema>;

/** A contact's previous calls, newest first. */
export const contactCallsSchema = z.object({ items: z.array(callSchema) });
export type ContactCalls = z.infer<typeof contactCallsSchema>;

export const recordingUrlSchema = z.object({ url: z.string(), expiresAt: z.string() });

// ---------------------------------------------------------------- reports

export const reportRangeSchema = z.strictObject({ from: isoInstant.optional(), to: isoInstant.optional() });

export const agentReportRowSchema = z.object({
  agentId: uuid,
  agentName: z.string(),
  calls: z.number(),
  talkSeconds: z.number(),
  afterCallSeconds: z.number(),
  positives: z.number(),
  conversion: z.number(),
  dispositions: z.record(z.string(), z.number()),
});
export type AgentReportRow = z.infer<typeof agentReportRowSchema>;

export const campaignReportSchema = z.object({
  campaignId: uuid,
  attempts: z.number(),
  connects: z.number(),
  positives: z.number(),
  abandoned: z.number(),
  answered: z.number(),
  abandonmentRate: z.number(),
  byDay: z.array(z.object({ day: z.string(), attempts: z.number(), connects: z.number(), positives: z.number(), abandoned: z.number() })),
  dispositions: z.array(z.object({ label: z.string(), outcomeClass: z.enum(DISPOSITION_CLASSES), count: z.number() })),
});
export type CampaignReport = z.infer<typeof campaignReportSchema>;

export const abandonedCallSchema = z.object({
  callId: uuid,
  contactId: z.string().nullable(),
  toNumber: z.string(),
  startedAt: z.string(),
  answeredAt: z.string(),
  /** When the safe-harbour message began, from the webhook's own timestamp. */
  messageAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export const complianceReportSchema = z.object({
  campaignId: uuid,
  windowDays: z.literal(30),
  answered: z.number(),
  abandoned: z.number(),
  rate: z.number(),
  limit: z.number(),
  calls: z.array(abandonedCallSchema),
});
export type ComplianceReport = z.infer<typeof complianceReportSchema>;

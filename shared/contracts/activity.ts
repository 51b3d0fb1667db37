// The activity API's shapes: touches (every contact attempt and its outcome), the record
// timeline, notes and tasks, and the contact policy (frequency limits, quiet periods and
// per-account caps) with its preview of who is reachable now.
import { z } from 'zod';
import { filterSchema } from './filters';

export const TOUCH_CHANNELS = ['email', 'call', 'other'] as const;
export type TouchChannel = (typeof TOUCH_CHANNELS)[number];

export const TOUCH_KINDS = [
  'sent',
  'delivered',
  'opened',
  'clicked',
  'bounced',
  'unsubscribed',
  'complained',
  'attempted',
  'connected',
  'disposition',
  'note',
  'task',
] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

/** The kinds that are an attempt to reach the person: what frequency limits count. */
export const ATTEMPT_KINDS = ['sent', 'attempted'] as const satisfies readonly TouchKind[];

export const OUTCOME_CLASSES = ['positive', 'negative', 'neutral'] as const;
export type OutcomeClass = (typeof OUTCOME_CLASSES)[number];

export const TOUCH_KIND_LABELS: Record<TouchKind, string> = {
  sent: 'Sent',
  delivered: 'Delivered',
  opened: 'Opened',
  clicked: 'Clicked',
  bounced: 'Bounced',
  unsubscribed: 'Unsubscribed',
  complained: 'Complaint',
  attempted: 'Call attempt',
  connected: 'Connected',
  disposition: 'Disposition',
  note: 'Note',
  task: 'Task',
};

const uuid = z.string().uuid();
const isoInstant = z.string().datetime({ offset: true });

/** A touch as a module records it (recordTouches); the source event id makes it idempotent. */
export const touchInputSchema = z.strictObject({
  sourceEventId: z.string().trim().min(1).max(200),
  channel: z.enum(TOUCH_CHANNELS),
  kind: z.enum(TOUCH_KINDS),
  contactId: uuid,
  campaignId: uuid.nullable().optional(),
  orderId: uuid.nullable().optional(),
  outcome: z.enum(OUTCOME_CLASSES).nullable().optional(),
  /** A disposition or result code, e.g. `not_interested` (quiet periods match on it). */
  disposition: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,60}$/, 'must be lower-case letters, digits and _')
    .nullable()
    .optional(),
  occurredAt: isoInstant,
  summary: z.string().trim().max(500).nullable().optional(),
});
export type TouchInput = z.infer<typeof touchInputSchema>;

/** What a person logs by hand: a meeting, a LinkedIn message, a call made outside the dialer. */
export const logTouchRequestSchema = z.strictObject({
  channel: z.enum(TOUCH_CHANNELS),
  kind: z.enum(['sent', 'attempted', 'connected', 'disposition']),
  outcome: z.enum(OUTCOME_CLASSES).nullable().optional(),
  disposition: touchInputSchema.shape.disposition,
  occurredAt: isoInstant.optional(),
  summary: z.string().trim().max(500).nullable().optional(),
});
export type LogTouchRequest = z.infer<typeof logTouchRequestSchema>;

// ---------------------------------------------------------------- timeline

export const TIMELINE_KINDS = ['touch', 'note', 'task', 'field_change', 'consent', 'import', 'list', 'email', 'call', 'lead'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  touch: 'Touches',
  note: 'Notes',
  task: 'Tasks',
  field_change: 'Field changes',
  consent: 'Consent',
  import: 'Imports',
  list: 'Lists',
  email: 'Emails',
  call: 'Calls',
  lead: 'Leads',
};

export const timelineItemSchema = z.object({
  /** Unique within the feed: `<kind>:<id>`. */
  id: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  at: z.string(),
  channel: z.enum(TOUCH_CHANNELS).nullable(),
  title: z.string(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** The contact it concerns (set on an account's feed, which rolls up its contacts). */
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

const csvOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .max(200)
    .transform((s, ctx) => {
      const parts = s.split(',').map((p) => p.trim()).filter(Boolean);
      for (const p of parts) {
        if (!(values as readonly string[]).includes(p)) {
          ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of ${values.join(', ')}` });
          return z.NEVER;
        }
      }
      return parts as T[];
    });

export const TIMELINE_PAGE_MAX = 100;
export const timelineQuerySchema = z.strictObject({
  kinds: csvOf(TIMELINE_KINDS).optional(),
  channels: csvOf(TOUCH_CHANNELS).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(TIMELINE_PAGE_MAX).default(30),
});
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

export const timelineResponseSchema = z.object({ items: z.array(timelineItemSchema), nextCursor: z.string().nullable() });
export type TimelineResponse = z.infer<typeof timelineResponseSchema>;

// ---------------------------------------------------------------- notes

export const NOTE_MAX_CHARS = 20_000;
export const noteRequestSchema = z.strictObject({
  /** Rich text (HTML); sanitized on the server. Mentions are `<span data-mention="userId">`. */
  body: z.string().trim().min(1, 'must not be empty').max(NOTE_MAX_CHARS),
});
export type NoteRequest = z.infer<typeof noteRequestSchema>;

export const noteSchema = z.object({
  id: uuid,
  contactId: uuid.nullable(),
  accountId: uuid.nullable(),
  body: z.string(),
  mentions: z.array(uuid),
  authorId: uuid.nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Note = z.infer<typeof noteSchema>;

// ---------------------------------------------------------------- tasks

export const TASK_TYPES = ['call_back', 'email', 'other'] as const;
export type TaskType = (typeof TASK_TYPES)[number];
export const TASK_TYPE_LABELS: Record<TaskType, string> = { call_back: 'Call back', email: 'Email', other: 'Other' };

export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'is not a known time zone');

export const taskCreateSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(200),
  type: z.enum(TASK_TYPES),
  /** The local date and time the task is due, in `dueTimeZone`. */
  dueLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local date and time YYYY-MM-DDTHH:MM'),
  /** The assignee's zone the due time is written in. */
  dueTimeZone: timeZoneSchema,
  assigneeId: uuid,
  contactId: uuid.nullable().optional(),
  accountId: uuid.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type TaskCreate = z.infer<typeof taskCreateSchema>;

export const taskUpdateSchema = z.strictObject({
  title: taskCreateSchema.shape.title.optional(),
  dueLocal: taskCreateSchema.shape.dueLocal.optional(),
  dueTimeZone: timeZoneSchema.optional(),
  assigneeId: uuid.optional(),
  note: taskCreateSchema.shape.note,
  status: z.enum(TASK_STATUSES).optional(),
});
export type TaskUpdate = z.infer<typeof taskUpdateSchema>;

export const taskSchema = z.object({
  id: uuid,
  title: z.string(),
  type: z.enum(TASK_TYPES),
  status: z.enum(TASK_STATUSES),
  dueAt: z.string(),
  dueTimeZone: z.string(),
  assigneeId: uuid,
  assigneeName: z.string().nullable(),
  contactId: uuid.nullable(),
  contactName: z.string().nullable(),
  accountId: uuid.nullable(),
  accountName: z.string().nullable(),
  note: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

export const TASK_BUCKETS = ['overdue', 'today', 'upcoming', 'done'] as const;
export type TaskBucket = (typeof TASK_BUCKETS)[number];
export const myTasksQuerySchema = z.strictObject({
  bucket: z.enum(TASK_BUCKETS).default('today'),
  /** The zone "today" is in (the browser's). */
  timeZone: timeZoneSchema.default('UTC'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const myTasksResponseSchema = z.object({
  items: z.array(taskSchema),
  counts: z.object({ overdue: z.number().int(), today: z.number().int(), upcoming: z.number().int() }),
});
export type MyTasksResponse = z.infer<typeof myTasksResponseSchema>;

// ---------------------------------------------------------------- contact policy

/** The channel a policy rule speaks of; `any` counts or blocks every channel. */
export const POLICY_CHANNELS = ['email', 'call', 'any'] as const;
export type PolicyChannel = (typeof POLICY_CHANNELS)[number];

/** A rolling window, in hours (24 = a day, 168 = a week). At most a year. */
const windowHours = z.number().int().min(1).max(24 * 366);

export const frequencyLimitSchema = z.strictObject({
  channel: z.enum(POLICY_CHANNELS),
  /** At most this many attempts (emails sent, calls attempted)… */
  max: z.number().int().min(0).max(1000),
  /** …in any window this long ending now. */
  windowHours,
});
export type FrequencyLimit = z.infer<typeof frequencyLimitSchema>;

export const quietPeriodSchema = z
  .strictObject({
    /** Blocked channel. */
    channel: z.enum(POLICY_CHANNELS),
    /** After a touch with this outcome class… */
    outcome: z.enum(OUTCOME_CLASSES).nullable().default(null),
    /** …or with this disposition code (either set; both set means both must match). */
    disposition: touchInputSchema.shape.disposition.unwrap().unwrap().nullable().default(null),
    hours: windowHours,
  })
  .refine((q) => q.outcome !== null || q.disposition !== null, { message: 'needs an outcome or a disposition', path: ['outcome'] });
export type QuietPeriod = z.infer<typeof quietPeriodSchema>;

export const ACCOUNT_CAP_MODES = ['queue', 'connected', 'positive'] as const;
export type AccountCapMode = (typeof ACCOUNT_CAP_MODES)[number];
export const ACCOUNT_CAP_MODE_LABELS: Record<AccountCapMode, string> = {
  queue: 'Contacts queued or in flight at once',
  connected: 'Connected calls',
  positive: 'Positive outcomes',
};

export const accountCapSchema = z.strictObject({
  mode: z.enum(ACCOUNT_CAP_MODES),
  max: z.number().int().min(0).max(100_000),
  /** connected / positive: the rolling window; queue: ignored (it is "at once"). */
  windowHours,
});
export type AccountCap = z.infer<typeof accountCapSchema>;

export const POLICY_RULES_MAX = 20;
export const policyRulesSchema = z.strictObject({
  limits: z.array(frequencyLimitSchema).max(POLICY_RULES_MAX),
  quietPeriods: z.array(quietPeriodSchema).max(POLICY_RULES_MAX),
  accountCaps: z.array(accountCapSchema).max(POLICY_RULES_MAX),
});
export type PolicyRules = z.infer<typeof policyRulesSchema>;

export const EMPTY_POLICY: PolicyRules = { limits: [], quietPeriods: [], accountCaps: [] };

export const policyUpdateSchema = z.strictObject({
  rules: policyRulesSchema,
  /** Why it changed (kept with the version). */
  note: z.string().trim().max(500).nullable().optional(),
  /** The version the editor started from: a newer one wins (409). */
  basedOn: z.number().int().min(0),
});
export type PolicyUpdate = z.infer<typeof policyUpdateSchema>;

export const policyVersionSchema = z.object({
  version: z.number().int(),
  rules: policyRulesSchema,
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type PolicyVersion = z.infer<typeof policyVersionSchema>;

export const policyHistoryResponseSchema = z.object({ items: z.array(policyVersionSchema) });

/** Why the contact policy leaves a contact out (after the compliance guard's reasons). */
export const POLICY_EXCLUSION_REASONS = ['contact_frequency', 'quiet_period', 'account_cap'] as const;
export type PolicyExclusionReason = (typeof POLICY_EXCLUSION_REASONS)[number];

export const POLICY_EXCLUSION_LABELS: Record<PolicyExclusionReason, string> = {
  contact_frequency: 'Over a frequency limit',
  quiet_period: 'In a quiet period',
  account_cap: 'Account at its cap',
};

/** Who a gate or a preview looks at. */
export const audienceSelectionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('segment'), segmentId: uuid }),
  z.strictObject({ kind: z.literal('list'), listId: uuid }),
  z.strictObject({ kind: z.literal('filter'), filter: filterSchema }),
  z.strictObject({ kind: z.literal('ids'), ids: z.array(uuid).min(1).max(10_000) }),
]);
export type AudienceSelection = z.infer<typeof audienceSelectionSchema>;

export const GATE_CHANNELS = ['email', 'phone'] as const;
export type GateChannel = (typeof GATE_CHANNELS)[number];

export const policyPreviewRequestSchema = z.strictObject({
  selection: audienceSelectionSchema,
  channels: z.array(z.enum(GATE_CHANNELS)).min(1).max(2).default(['email', 'phone']),
  /** Default now. */
  at: isoInstant.optional(),
});
export type PolicyPreviewRequest = z.infer<typeof policyPreviewRequestSchema>;

export const gateCountsSchema = z.object({
  audience: z.number().int(),
  admitted: z.number().int(),
  /** Each left-out contact once, under its first reason (compliance reasons first). */
  excluded: z.record(z.string(), z.number().int()),
});
export type GateCounts = z.infer<typeof gateCountsSchema>;

export const policyPreviewResponseSchema = z.object({
  policyVersion: z.number().int(),
  at: z.string(),
  channels: z.object({ email: gateCountsSchema.optional(), phone: gateCountsSchema.optional() }),
});
export type PolicyPreviewResponse = z.infer<typeof policyPreviewResponseSchema>;

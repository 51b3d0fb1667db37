// The lead QA API's shapes: leads and their states (who may move a lead where), the pipeline's
// results (the transcript by speaker, the factor scores with their evidence, the account's check
// against the campaign's criteria), corrections, checklists, reason codes and campaign settings.
// Delivery to clients: ./lead-delivery.ts; reports: ./lead-reports.ts.
//
// Routes (all under /api/leads; a lead at the root, `/api/leads/:id`):
//   (root)                  GET (the queue: filters, cursor), POST (by hand)             leads.review
//   import                  POST {campaignId, campaignKind, csv}                         leads.review
//   bulk-approve            POST {ids} (rule-perfect leads only)                         leads.review
//   clients                 GET (client organisations by name)                           leads.review
//   reason-codes            GET; PUT {codes} (the catalogue)                             leads.review; leads.configure
//   campaigns/:campaignId/settings  GET; PUT (client, checklist, criteria)               leads.review; leads.configure
//   :id                     GET (with transcript, scores, account check, history); PATCH {fields?, answers?, notes?}   leads.review
//   :id/checklist           PUT {itemId: boolean}                                        leads.review
//   :id/transition          POST {to, reasonCode?, note?}                                per LEAD_TRANSITIONS
//   :id/rescore             POST (runs the pipeline again)                               leads.review
//   :id/recording           GET (a short-lived link to the call's recording)             leads.review
//   reports                 GET (./lead-reports.ts)                                      leads.review
//   webhooks/assemblyai     POST, public, checked by its secret header
//   delivery: ./lead-delivery.ts
import { z } from 'zod';
import type { Capability } from '../access';

const uuid = z.string().uuid();

// ---------------------------------------------------------------- states

export const LEAD_STATES = ['new', 'under_review', 'approved', 'rejected', 'published', 'returned', 'replaced'] as const;
export type LeadState = (typeof LEAD_STATES)[number];

export const LEAD_STATE_LABELS: Record<LeadState, string> = {
  new: 'New',
  under_review: 'Under review',
  approved: 'Approved',
  rejected: 'Rejected',
  published: 'Published',
  returned: 'Returned',
  replaced: 'Replaced',
};

/**
 * Every move a lead may make, and who may make it: a capability for people, `system` for the
 * pipeline (new → under review when it queues the lead) and delivery (approved → published when
 * the client has received it). Anything else answers 409.
 */
export const LEAD_TRANSITIONS: readonly { from: LeadState; to: LeadState; by: Capability | 'system'; reason: 'required' | 'optional' }[] = [
  { from: 'new', to: 'under_review', by: 'system', reason: 'optional' },
  { from: 'under_review', to: 'approved', by: 'leads.review', reason: 'optional' },
  { from: 'under_review', to: 'rejected', by: 'leads.review', reason: 'required' },
  // Second thoughts before the client has it.
  { from: 'approved', to: 'under_review', by: 'leads.review', reason: 'optional' },
  { from: 'rejected', to: 'under_review', by: 'leads.review', reason: 'optional' },
  { from: 'approved', to: 'published', by: 'system', reason: 'optional' },
  // The client returns a lead within its return window (the portal), or staff record it for them.
  { from: 'published', to: 'returned', by: 'leads.review', reason: 'required' },
  { from: 'published', to: 'returned', by: 'portal.client', reason: 'required' },
  // The replacement loop: a returned lead is back in QA until a later lead of its order replaces it.
  { from: 'returned', to: 'replaced', by: 'leads.review', reason: 'optional' },
  { from: 'returned', to: 'replaced', by: 'system', reason: 'optional' },
];

/** The states a person may move a lead to from `from` (holding any of `capabilities`). */
export function nextStates(from: LeadState, capabilities: readonly (Capability | 'system')[]): LeadState[] {
  return LEAD_TRANSITIONS.filter((t) => t.from === from && capabilities.includes(t.by)).map((t) => t.to);
}

export const LEAD_SOURCES = ['call', 'import', 'manual'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const PIPELINE_STATUSES = ['pending', 'transcribing', 'scoring', 'verifying', 'queued', 'needs_review'] as const;
export type PipelineStatus = (typeof PIPELINE_STATUSES)[number];

// ---------------------------------------------------------------- the pipeline's results

/** One utterance of the transcript: who spoke (the agent's channel or the prospect's), when (ms), what. */
export const utteranceSchema = z.object({
  speaker: z.enum(['agent', 'prospect']),
  startMs: z.number().int(),
  endMs: z.number().int(),
  text: z.string(),
});
export type Utterance = z.infer<typeof utteranceSchema>;

/** The eight factors of a lead's score. */
export const LEAD_FACTORS = [
  'content_interest',
  'permission_to_contact',
  'email_confirmation',
  'compliance_consent',
  'qualification_answers',
  'data_accuracy',
  'email_deliverability',
  'phone_validity',
] as const;
export type LeadFactor = (typeof LEAD_FACTORS)[number];

export const LEAD_FACTOR_LABELS: Record<LeadFactor, string> = {
  content_interest: 'Content interest',
  permission_to_contact: 'Permission to contact',
  email_confirmation: 'Email confirmation',
  compliance_consent: 'Compliance consent',
  qualification_answers: 'Qualification answers',
  data_accuracy: 'Data accuracy',
  email_deliverability: 'Email deliverability',
  phone_validity: 'Phone validity',
};

/**
 * What supports a verdict: words quoted from the transcript with their start and end times (ms)
 * and speaker, or the field of our data that decided it. Nullable rather than optional: the AI
 * scorer's strict structured output refuses optional keys.
 */
export const evidenceSchema = z.object({
  kind: z.enum(['quote', 'field']),
  text: z.string(),
  speaker: z.enum(['agent', 'prospect']).nullable(),
  startMs: z.number().int().nullable(),
  endMs: z.number().int().nullable(),
  field: z.string().nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const factorScoreSchema = z.object({
  factor: z.enum(LEAD_FACTORS),
  /** 0–100. */
  score: z.number().int(),
  verdict: z.enum(['pass', 'fail', 'unclear']),
  reason: z.string(),
  evidence: z.array(evidenceSchema),
});
export type FactorScore = z.infer<typeof factorScoreSchema>;

/**
 * A scorer's answer: one zod type for the rule scorer and the AI scorer (the AI is asked for
 * exactly this with strict structured output). `scorer` says which one made it.
 */
export const leadScoreSchema = z.object({
  scorer: z.enum(['rules', 'ai']),
  factors: z.array(factorScoreSchema),
  /** 0–100. */
  overall: z.number().int(),
  suggestedVerdict: z.enum(['approve', 'reject', 'review']),
  summary: z.string(),
});
export type LeadScore = z.infer<typeof leadScoreSchema>;

/** The account criteria a campaign (later an order) sets. Empty lists accept anything. */
export const accountCriteriaSchema = z.strictObject({
  industries: z.array(z.string().trim().min(1).max(120)).max(200).default([]),
  /** Employee-count bands of the template ('1-10', '11-50', …) or ranges {min, max}. */
  employeeMin: z.number().int().min(0).nullable().default(null),
  employeeMax: z.number().int().min(0).nullable().default(null),
  revenueMin: z.number().min(0).nullable().default(null),
  revenueMax: z.number().min(0).nullable().default(null),
  /** ISO 3166-1 alpha-2 codes. */
  countries: z.array(z.string().trim().length(2)).max(250).default([]),
  technologies: z.array(z.string().trim().min(1).max(120)).max(200).default([]),
});
export type AccountCriteria = z.infer<typeof accountCriteriaSchema>;

/** One criterion checked against the account: the value we hold, whether it matches, and its source. */
export const criterionCheckSchema = z.object({
  criterion: z.enum(['industry', 'employees', 'revenue', 'country', 'technologies']),
  expected: z.string(),
  actual: z.string().nullable(),
  verdict: z.enum(['match', 'mismatch', 'unknown']),
  /** 'data': our account record; 'ai': an enrichment finding (marked as such on screen). */
  source: z.enum(['data', 'ai']),
});
export const accountCheckSchema = z.object({
  matched: z.boolean(),
  checks: z.array(criterionCheckSchema),
  enriched: z.boolean(),
});
export type AccountCheck = z.infer<typeof accountCheckSchema>;

// ---------------------------------------------------------------- settings and catalogue

export const checklistItemSchema = z.strictObject({
  id: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, 'must be 1–40 lower-case letters, digits, - or _'),
  label: z.string().trim().min(1, 'must not be empty').max(200),
  required: z.boolean().default(true),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const leadCampaignSettingsSchema = z.strictObject({
  campaignKind: z.enum(['call', 'email']),
  clientOrgId: uuid.nullable(),
  checklist: z.array(checklistItemSchema).max(50),
  criteria: accountCriteriaSchema,
  autoDeliver: z.boolean().default(false),
});
export type LeadCampaignSettings = z.infer<typeof leadCampaignSettingsSchema>;

export const reasonCodeSchema = z.strictObject({
  code: z.string().trim().regex(/^[a-z0-9_]{2,40}$/, 'must be 2–40 lower-case letters, digits or _'),
  label: z.string().trim().min(1).max(120),
  kind: z.enum(['reject', 'return']),
  active: z.boolean().default(true),
});
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

/** The whole catalogue, as read and as saved (a code left out is deleted, or deactivated when in use). */
export const reasonCodeCatalogueSchema = z.strictObject({ codes: z.array(reasonCodeSchema).max(200) });
export type ReasonCodeCatalogue = z.infer<typeof reasonCodeCatalogueSchema>;

// ---------------------------------------------------------------- leads

/** The lead's own copy of the person's details: what the client receives. */
export const leadFieldsSchema = z.strictObject({
  firstName: z.string().trim().max(100).nullable().optional(),
  lastName: z.string().trim().max(100).nullable().optional(),
  email: z.string().trim().max(254).nullable().optional(),
  phone: z.string().trim().max(32).nullable().optional(),
  title: z.string().trim().max(200).nullable().optional(),
  company: z.string().trim().max(200).nullable().optional(),
  domain: z.string().trim().max(253).nullable().optional(),
  country: z.string().trim().max(2).nullable().optional(),
});
export type LeadFields = z.infer<typeof leadFieldsSchema>;

export interface LeadSummary {
  id: string;
  state: LeadState;
  source: LeadSource;
  contactId: string | null;
  accountId: string | null;
  campaignId: string | null;
  campaignKind: 'call' | 'email' | null;
  campaignName: string | null;
  clientOrgId: string | null;
  clientName: string | null;
  fields: LeadFields;
  agentId: string | null;
  agentName: string | null;
  pipelineStatus: PipelineStatus;
  pipelineReason: string | null;
  suggestedVerdict: 'approve' | 'reject' | 'review' | null;
  score: number | null;
  scorer: 'rules' | 'ai' | null;
  /**
   * The pipeline queued it, every factor of its newest score passed and its account matched the
   * criteria: bulk approve takes only these (ticking the required checklist items as it approves).
   */
  rulePerfect: boolean;
  createdAt: string;
  queuedAt: string | null;
  reviewedAt: string | null;
  /** Time in QA so far (or until the verdict), in seconds. */
  ageSeconds: number;
  /** Past the QA SLA (24 h from queueing) without a verdict. */
  overdue: boolean;
}

export interface LeadTransitionView {
  fromState: LeadState | null;
  toState: LeadState;
  actorId: string | null;
  actorName: string | null;
  reasonCode: string | null;
  note: string | null;
  at: string;
}

export interface LeadCorrectionView {
  field: string;
  before: unknown;
  after: unknown;
  actorName: string | null;
  at: string;
}

export interface StageRunView {
  stage: 'transcribe' | 'score' | 'verify' | 'enrich' | 'queue';
  attempt: number;
  outcome: 'running' | 'ok' | 'skipped' | 'failed';
  error: string | null;
  startedAt: string;
  endedAt: string | null;
  vendor: string | null;
  model: string | null;
  audioSeconds: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costMicros: number | null;
}

export interface LeadDetail extends LeadSummary {
  answers: Record<string, unknown>;
  notes: string | null;
  callId: string | null;
  hasRecording: boolean;
  recordingSeconds: number | null;
  transcript: { vendor: string; utterances: Utterance[]; audioSeconds: number | null } | null;
  /** The newest score (the rule scorer's or the AI's). */
  scoring: LeadScore | null;
  accountCheck: AccountCheck | null;
  checklistItems: ChecklistItem[];
  checklist: Record<string, { checked: boolean; by: string | null; at: string }>;
  reasonCode: string | null;
  reasonNote: string | null;
  history: LeadTransitionView[];
  corrections: LeadCorrectionView[];
  stages: StageRunView[];
  /** The states the viewer may move this lead to. */
  nextStates: LeadState[];
  /** Its deliveries to the client (./lead-delivery.ts), newest first. */
  deliveries: { id: string; configName: string; kind: string; status: string; attempts: number; deliveredAt: string | null; lastError: string | null }[];
}

/** A page of the queue. */
export interface LeadListPage {
  items: LeadSummary[];
  nextCursor: string | null;
}

export const leadListQuerySchema = z.strictObject({
  state: z.enum(LEAD_STATES).optional(),
  pipelineStatus: z.enum(PIPELINE_STATUSES).optional(),
  campaignId: uuid.optional(),
  clientOrgId: uuid.optional(),
  agentId: uuid.optional(),
  suggestedVerdict: z.enum(['approve', 'reject', 'review']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['queued_at', '-queued_at', 'score', '-score', 'created_at', '-created_at']).default('queued_at'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;

export const createLeadSchema = z.strictObject({
  contactId: uuid,
  campaignId: uuid,
  campaignKind: z.enum(['call', 'email']),
  answers: z.record(z.string(), z.unknown()).default({}),
  notes: z.string().trim().max(5000).nullable().default(null),
});
export type CreateLead = z.infer<typeof createLeadSchema>;

export const importLeadsSchema = z.strictObject({
  campaignId: uuid,
  campaignKind: z.enum(['call', 'email']),
  /** A lead CSV: an Email column (matched to contacts) and answer columns; at most 5 MB. */
  csv: z.string().min(1, 'must not be empty').max(5_000_000, 'must be at most 5 MB'),
});

/** An import's outcome: the leads made, and each row left out with why (rows numbered as in a spreadsheet, the header being row 1). */
export interface LeadImportResult {
  created: number;
  leadIds: string[];
  skipped: { row: number; reason: string }[];
}

/** A short-lived link to a lead's call recording. */
export interface LeadRecordingLink {
  url: string;
  expiresAt: string;
}

export const updateLeadSchema = z.strictObject({
  fields: leadFieldsSchema.optional(),
  answers: z.record(z.string(), z.unknown()).optional(),
  notes: z.string().trim().max(5000).nullable().optional(),
});
export type UpdateLead = z.infer<typeof updateLeadSchema>;

export const checklistUpdateSchema = z.record(z.string().regex(/^[a-z0-9_-]{1,40}$/), z.boolean());

export const transitionSchema = z.strictObject({
  to: z.enum(LEAD_STATES),
  reasonCode: z.string().trim().max(40).nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type TransitionRequest = z.infer<typeof transitionSchema>;

export const bulkApproveSchema = z.strictObject({ ids: z.array(uuid).min(1).max(500) });
export interface BulkApproveResult {
  approved: string[];
  /** Leads left alone, each with why (not rule-perfect, not under review, gone). */
  skipped: { id: string; reason: string }[];
}

/** A client organisation as the lead screens name it (`GET /api/leads/clients`). */
export interface LeadClient {
  id: string;
  name: string;
}

export const QA_SLA_SECONDS = 24 * 60 * 60;

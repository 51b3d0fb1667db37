// The Resources Centre link: its settings (endpoint, secret rotation with an overlap), pushes of
// assets, the log of every exchange, reference people (speakers, organizers, sponsors) received
// from it and the conflicts a person resolves.
//
// Routes (staff, under /api/content unless written otherwise):
//   resources-centre/settings                      GET (never the secret), PUT {endpointUrl, enabled} (the first save answers the first secret, once)   content.configure
//   resources-centre/secret/rotate                 POST {overlapHours} → the NEW secret, answered once                                                content.configure
//   resources-centre/status                        GET {configured, enabled, reason}: whether pushes can go out                                      content.read
//   resources-centre/log                           GET ?direction&limit (newest first)                                                                content.configure
//   resources-centre/pull                          POST (pull reference data now)                                                                     content.configure
//   resources-centre/people                        GET ?kind&q                                                                                        content.configure
//   resources-centre/people/:personId              PATCH {name?, data?} (an edit here: incoming changes to it become conflicts)                        content.configure
//   resources-centre/conflicts                     GET ?state (open by default)                                                                       content.configure
//   resources-centre/conflicts/:conflictId/resolve POST {resolution: keep_ours | take_theirs}                                                         content.configure
//   assets/:assetId/push                           POST → 202 the push (its first attempt made; retries by the schedule)                              content.create
//   assets/:assetId/pushes                         GET (newest first)                                                                                 content.read
//   /api/content/resources-centre/inbound          POST, public: signed by the Resources Centre (reference data, view events)
//
// The wire (both ways): `X-Pivotal-Timestamp: <unix seconds>`, `X-Pivotal-Signature: v1=<hex
// HMAC-SHA256(secret, "<timestamp>.<raw body>")>` keyed with the secret's text (UTF-8).
//   Push:    POST {endpoint}/assets, JSON ResourcesCentrePushPayload, `Idempotency-Key: <the push's key>`
//            (the same on every retry); a 2xx answers {id, url}. 408, 429, 5xx, timeouts and network
//            errors are retried with exponential backoff; any other answer is final.
//   Pull:    GET {endpoint}/reference?cursor=<cursor> signed over "<timestamp>." (empty body); answers
//            ResourcesCentreReferencePage.
//   Inbound: POST /api/content/resources-centre/inbound with ResourcesCentreInbound, signed as above
//            plus `X-Pivotal-Nonce` (never seen before); accepted within ±300 s of our clock, with
//            the current secret or, until the overlap ends, the previous one. Refusals answer 401 (400 when a header is missing).
import { z } from 'zod';

const uuid = z.string().uuid();

export const RC_TIMESTAMP_HEADER = 'x-pivotal-timestamp';
export const RC_SIGNATURE_HEADER = 'x-pivotal-signature';
export const RC_NONCE_HEADER = 'x-pivotal-nonce';
export const RC_IDEMPOTENCY_HEADER = 'idempotency-key';
/** How far a signed request's timestamp may be from our clock. */
export const RC_TIMESTAMP_TOLERANCE_SECONDS = 300;
export const RC_INBOUND_PATH = '/api/content/resources-centre/inbound';

// ---------------------------------------------------------------- settings

export interface ResourcesCentreSettings {
  /** False until the link is first saved. */
  configured: boolean;
  endpointUrl: string | null;
  enabled: boolean;
  rotatedAt: string | null;
  /** Whether the previous secret is still accepted on inbound requests, and until when. */
  previousSecretAccepted: boolean;
  previousSecretExpiresAt: string | null;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastPullError: string | null;
  lastInboundAt: string | null;
  /** Where the Resources Centre sends reference data and view events. */
  inboundUrl: string;
  updatedAt: string | null;
}

/** The settings with a secret made now: answered once (the first save, a rotation). */
export interface ResourcesCentreSettingsWithSecret extends ResourcesCentreSettings {
  secret: string | null;
}

export const resourcesCentreSettingsSchema = z.strictObject({
  endpointUrl: z.string().trim().url('must be a URL such as https://resources.example.com/api').max(2000),
  enabled: z.boolean().default(true),
});
export type ResourcesCentreSettingsInput = z.input<typeof resourcesCentreSettingsSchema>;

export const MAX_OVERLAP_HOURS = 24 * 14;
export const rotateSecretSchema = z.strictObject({
  /** How long the previous secret is still accepted on inbound requests (0: not at all). */
  overlapHours: z.number().int().min(0).max(MAX_OVERLAP_HOURS).default(24),
});

export interface ResourcesCentreStatus {
  configured: boolean;
  enabled: boolean;
  /** Why pushes cannot go out now, in a sentence (null when they can). */
  reason: string | null;
}

// ---------------------------------------------------------------- pushes and the log

export const PUSH_STATES = ['pending', 'delivered', 'failed'] as const;
export type PushState = (typeof PUSH_STATES)[number];

export interface ResourcesCentrePush {
  id: string;
  assetId: string;
  versionId: string;
  versionNumber: number | null;
  idempotencyKey: string;
  state: PushState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  remoteId: string | null;
  remoteUrl: string | null;
  deliveredAt: string | null;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}

export const LOG_DIRECTIONS = ['push', 'pull', 'inbound'] as const;
export type LogDirection = (typeof LOG_DIRECTIONS)[number];
export const LOG_OUTCOMES = ['delivered', 'accepted', 'refused', 'failed'] as const;
export type LogOutcome = (typeof LOG_OUTCOMES)[number];

export interface ResourcesCentreLogEntry {
  id: number;
  direction: LogDirection;
  outcome: LogOutcome;
  pushId: string | null;
  httpStatus: number | null;
  detail: string | null;
  durationMs: number | null;
  at: string;
}

export const logQuerySchema = z.strictObject({
  direction: z.enum(LOG_DIRECTIONS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** What a push sends: the asset's current version and where its tracking links come from. */
export interface ResourcesCentrePushPayload {
  event: 'asset.published';
  pushId: string;
  asset: {
    id: string;
    type: string;
    title: string;
    description: string;
    tags: string[];
    version: number;
    /** Text assets: the body (and subject); a video link: its URL. */
    subject: string | null;
    body: string | null;
    url: string | null;
    /** File assets: a short-lived download URL, its name, type and size. */
    file: { downloadUrl: string; fileName: string | null; contentType: string | null; sizeBytes: number | null; expiresAt: string } | null;
  };
  tracking: {
    /** Personalized links to this asset are made under this base (a contact's code is added). */
    baseUrl: string;
    channel: 'resources_centre';
    utm: { utm_source: string; utm_medium: string; utm_campaign: string };
  };
  sentAt: string;
}

/** The Resources Centre's answer to a push. */
export const pushAnswerSchema = z.object({ id: z.string().min(1).max(200), url: z.string().url().max(2000) });

// ---------------------------------------------------------------- reference data

export const REFERENCE_KINDS = ['speaker', 'organizer', 'sponsor'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];
export const REFERENCE_KIND_LABELS: Record<ReferenceKind, string> = { speaker: 'Speaker', organizer: 'Organizer', sponsor: 'Sponsor' };

/** The fields a reference person carries besides the name (strings or null). */
const referenceData = z.record(z.string().min(1).max(60), z.string().max(4000).nullable()).refine((d) => Object.keys(d).length <= 40, 'has too many fields');

/** One record as the Resources Centre sends it. */
export const referenceRecordSchema = z.object({
  kind: z.enum(REFERENCE_KINDS),
  id: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(300),
  data: referenceData.default({}),
  updatedAt: z.string().datetime({ offset: true }),
});
export type ReferenceRecord = z.infer<typeof referenceRecordSchema>;

/** A page read of an asset the Resources Centre reports. */
export const viewEventSchema = z
  .object({
    eventId: z.string().trim().min(1).max(200).optional(),
    assetRemoteId: z.string().trim().min(1).max(200).optional(),
    assetId: uuid.optional(),
    email: z.string().trim().max(320).optional(),
    trackingCode: z.string().trim().max(100).optional(),
    at: z.string().datetime({ offset: true }),
  })
  .refine((v) => v.assetRemoteId || v.assetId, { message: 'names no asset (assetRemoteId or assetId)' });
export type ViewEvent = z.infer<typeof viewEventSchema>;

export const resourcesCentreInboundSchema = z.object({
  references: z.array(referenceRecordSchema).max(1000).default([]),
  views: z.array(viewEventSchema).max(1000).default([]),
});
export type ResourcesCentreInbound = z.input<typeof resourcesCentreInboundSchema>;

/** One page of the scheduled pull. */
export const referencePageSchema = resourcesCentreInboundSchema.extend({ nextCursor: z.string().max(500).nullable().default(null) });
export type ResourcesCentreReferencePage = z.input<typeof referencePageSchema>;

export interface InboundResult {
  references: { created: number; updated: number; conflicts: number; unchanged: number };
  views: { recorded: number; unknownAsset: number };
}

export interface ReferencePerson {
  id: string;
  kind: ReferenceKind;
  externalId: string;
  name: string;
  data: Record<string, string | null>;
  remoteUpdatedAt: string | null;
  editedAt: string | null;
  editedBy: { id: string; name: string } | null;
  openConflicts: number;
  updatedAt: string;
}

export const peopleQuerySchema = z.strictObject({
  kind: z.enum(REFERENCE_KINDS).optional(),
  q: z.string().trim().max(200).optional(),
});
export const personParams = z.strictObject({ personId: uuid });
export const updatePersonSchema = z
  .strictObject({ name: z.string().trim().min(1, 'must not be empty').max(300).optional(), data: referenceData.optional() })
  .refine((v) => v.name !== undefined || v.data !== undefined, 'changes nothing: send name or data');

export const CONFLICT_RESOLUTIONS = ['keep_ours', 'take_theirs'] as const;
export type ConflictResolution = (typeof CONFLICT_RESOLUTIONS)[number];

export interface ReferenceConflict {
  id: string;
  person: ReferencePerson;
  /** The incoming record's name and data. */
  incoming: { name: string; data: Record<string, string | null> };
  incomingUpdatedAt: string | null;
  /** The fields that differ (`name` or a data field). */
  fields: string[];
  state: 'open' | 'resolved';
  resolution: ConflictResolution | null;
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
  createdAt: string;
}

export const conflictsQuerySchema = z.strictObject({ state: z.enum(['open', 'resolved']).default('open') });
export const conflictParams = z.strictObject({ conflictId: uuid });
export const resolveConflictSchema = z.strictObject({ resolution: z.enum(CONFLICT_RESOLUTIONS) });

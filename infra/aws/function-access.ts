// What each Lambda may reach beyond Postgres, keyed by its entry file. Every server function
// connects to the database; everything else is granted only to the functions whose code makes
// the calls, scoped to the key prefixes, workflows and pools they use. A function missing here
// gets the database alone, so new code fails closed (AccessDenied) until its access is declared.
// A key ending in `*.ts` covers a family of entries (a workflow's tasks); an exact key wins over a
// pattern, and a longer pattern over a shorter one.

export interface FunctionAccess {
  /** Object keys (S3 key patterns such as `imports/*`) the function reads, writes and deletes. */
  objects?: { read?: readonly string[]; write?: readonly string[]; delete?: readonly string[] };
  /** Items of the DynamoDB table and its index. */
  table?: 'read' | 'read-write';
  /** ses:SendEmail through the stack's configuration set (or a pool's). */
  sendEmail?: boolean;
  /** SES domain identities: read their verification state, or also manage them (Settings → Email: identities, pools' configuration sets, dedicated IP pools). */
  sendingIdentities?: 'read' | 'manage';
  /** Start (and stop, and describe) executions of the stack's workflows, found by name. */
  workflows?: { start: boolean; stop?: boolean; describe?: boolean };
  /** Create, look up, disable, enable and sign out users of both user pools. */
  manageUsers?: boolean;
  /** The read-only calls of the health check: DescribeTable, HeadBucket, SES GetAccount, ListStateMachines. */
  healthProbe?: boolean;
  /** The Telnyx keys' secret (its ARN in TELNYX_SECRET_ARN, read at cold start). */
  telnyx?: boolean;
  /** SIP trunk passwords: one Secrets Manager secret per trunk under TELEPHONY_SECRET_PREFIX/trunks/ (create, put, read, delete). */
  trunkSecrets?: boolean;
  /** The lead pipeline's vendor keys' secret (its ARN in LEADS_AI_SECRET_ARN, read at cold start) and its model settings. */
  leadsAi?: boolean;
  /**
   * Delivery configurations' signing secrets, one Secrets Manager secret per configuration under
   * DELIVERY_SECRET_PREFIX: 'manage' creates, puts, reads and deletes them; 'read' reads them.
   */
  deliverySecrets?: 'manage' | 'read';
  /** Objects of the content bucket (its name in CONTENT_BUCKET_NAME) under key patterns such as `assets/*`. */
  contentObjects?: { read?: readonly string[]; write?: readonly string[]; delete?: readonly string[] };
  /**
   * The content module's sealed secrets (social tokens, the Resources Centre's signing secrets), one
   * Secrets Manager secret each under CONTENT_SECRET_PREFIX: 'manage' creates, puts, reads and
   * deletes them; 'read' reads them.
   */
  contentSecrets?: 'manage' | 'read';
  /**
   * Scheduled social posts: create, update, get and delete schedules of the content schedule group
   * (CONTENT_SCHEDULE_GROUP) and pass its role (CONTENT_SCHEDULE_ROLE_ARN) to Scheduler, targeting
   * the publish function (CONTENT_SCHEDULE_TARGET_ARN).
   */
  contentSchedules?: boolean;
}

export type FunctionAccessTable = Readonly<Record<string, FunctionAccess>>;

const IMPORT_OBJECTS = 'imports/*';
const RECORDING_OBJECTS = 'recordings/*';
const EXPORT_OBJECTS = 'exports/*';
const DELIVERY_OBJECTS = 'lead-deliveries/*';
// The content bucket's keys (infra/aws/constructs/content-assets.ts): asset files and their previews.
const CONTENT_OBJECTS = ['assets/*', 'previews/*'] as const;

/** The product's functions, by entry (functions/src/handlers/*.ts). */
export const functionAccess: FunctionAccessTable = {
  // GET /api/health: one read-only round trip to each store and service.
  'functions/src/handlers/platform.ts': { healthProbe: true },
  // Users are created in, and disabled or re-enabled in, the staff or the portal pool.
  'functions/src/handlers/identity.ts': { manageUsers: true },
  // A bulk export of accounts or contacts starts the export workflow.
  'functions/src/handlers/accounts.ts': { workflows: { start: true } },
  // Suppression files are uploaded with a presigned PUT and read back to be applied.
  'functions/src/handlers/compliance.ts': { objects: { read: ['suppressions/uploads/*'], write: ['suppressions/uploads/*'] } },
  // Presigned multipart uploads and sample reads of imported files, download links to error files
  // and exports; starts the import and export workflows and stops a cancelled import.
  'functions/src/handlers/imports.ts': {
    objects: { read: [IMPORT_OBJECTS, EXPORT_OBJECTS], write: [IMPORT_OBJECTS] },
    workflows: { start: true, stop: true },
  },
  // The drop folder: moves a dropped file to imports/processing/ and starts its import.
  'functions/src/handlers/imports-drop.ts': {
    objects: { read: [IMPORT_OBJECTS], write: [IMPORT_OBJECTS], delete: [IMPORT_OBJECTS] },
    workflows: { start: true },
  },
  // The import workflow's tasks read the file, write error files and results, and move the file.
  'functions/src/handlers/imports-analyse.ts': { objects: { read: [IMPORT_OBJECTS] } },
  'functions/src/handlers/imports-chunk.ts': { objects: { read: [IMPORT_OBJECTS], write: [IMPORT_OBJECTS] } },
  'functions/src/handlers/imports-finalise.ts': { objects: { read: [IMPORT_OBJECTS], write: [IMPORT_OBJECTS], delete: [IMPORT_OBJECTS] } },
  'functions/src/handlers/imports-fail.ts': { objects: { read: [IMPORT_OBJECTS], write: [IMPORT_OBJECTS], delete: [IMPORT_OBJECTS] } },
  // The export workflow's task streams the CSV into exports/.
  'functions/src/handlers/imports-export.ts': { objects: { write: [EXPORT_OBJECTS] } },
  // The sending workflow's batches send through SES and pace themselves with the rate gate's counters.
  'functions/src/handlers/email-batch.ts': { sendEmail: true, table: 'read-write' },
  // Its other steps work in Postgres alone: the snapshot through the contact gate and the batch
  // plan (Prepare), the campaign's end or next round (Finalise), the pause on an error (Fail).
  'functions/src/handlers/email-prepare.ts': {},
  'functions/src/handlers/email-finalise.ts': {},
  'functions/src/handlers/email-fail.ts': {},
  // The job sweeper checks whether an active job's execution still runs and starts a new one if
  // not; a job it gives up on fails like MarkFailed does, moving a drop-folder file to failed/.
  // The email sweep starts due campaigns, restarts lost sending executions and releases A/B remainders.
  // The lead pipeline sweep restarts a stalled lead only when its run's executions no longer run.
  // The email domains' refresh job also reads SES identities' verification state. The recordings'
  // retention job deletes recordings past their campaign's retention.
  'functions/src/handlers/jobs.ts': {
    objects: { read: [IMPORT_OBJECTS], write: [IMPORT_OBJECTS], delete: [IMPORT_OBJECTS, RECORDING_OBJECTS] },
    workflows: { start: true, describe: true },
    sendingIdentities: 'read',
    // Content: the upload sweep deletes the files of expired uploads; the Resources Centre's retries
    // and scheduled pull read files and sign with its secrets; the social safety net publishes due
    // posts with the accounts' tokens.
    contentObjects: { read: CONTENT_OBJECTS, write: CONTENT_OBJECTS, delete: CONTENT_OBJECTS },
    contentSecrets: 'read',
  },
  // The email API: Settings → Email creates SES identities, pools and their configuration sets; a
  // test send goes through SES and the rate gate's counters; scheduling starts the sending workflow
  // and pausing or cancelling stops it.
  // Telephony: Call Control and agents' WebRTC tokens through Telnyx; agent presence and webhook
  // event ids in the table; call recordings copied from Telnyx into recordings/ and played back
  // through signed URLs; SIP trunk passwords sealed in Secrets Manager.
  // A positive disposition makes a lead and starts its QA pipeline.
  'functions/src/handlers/telephony.ts': {
    telnyx: true,
    trunkSecrets: true,
    table: 'read-write',
    objects: { read: [RECORDING_OBJECTS], write: [RECORDING_OBJECTS] },
    workflows: { start: true },
  },
  // The dialer workflow's tick reserves agents (presence in the table) and dials through Telnyx.
  'functions/src/handlers/dialer-tick.ts': { telnyx: true, table: 'read-write' },
  // Lead QA: a new, imported or rescored lead starts the pipeline and an approved one its delivery;
  // the recording plays through a signed URL; the transcription webhook is checked with the
  // vendor secret's webhook secret; delivery configurations' signing secrets are kept per
  // configuration; CSV deliveries are downloaded through signed URLs.
  'functions/src/handlers/leads.ts': {
    leadsAi: true,
    deliverySecrets: 'manage',
    // A configuration's CSV file is written from its delivered leads, then linked.
    objects: { read: [RECORDING_OBJECTS, DELIVERY_OBJECTS], write: [DELIVERY_OBJECTS] },
    workflows: { start: true },
  },
  // The lead pipeline's tasks (intake, transcription, scoring, verification, queueing): the vendors
  // read the recording through a signed URL; intake starts scoring at once when there is nothing
  // to transcribe.
  'functions/src/handlers/lead-*.ts': { leadsAi: true, objects: { read: [RECORDING_OBJECTS] }, workflows: { start: true } },
  // The delivery workflow's tasks sign with the configuration's secret and write CSV deliveries.
  'functions/src/handlers/lead-delivery-*.ts': { deliverySecrets: 'read', objects: { write: [DELIVERY_OBJECTS] } },
  // The client portal: an approved lead of an order that is delivered by webhook or CSV (a return
  // that reopens a unit publishes a waiting one) starts the lead delivery workflow; client admins
  // invite users (created in the portal pool) and deactivate or reactivate them.
  'functions/src/handlers/portal.ts': { workflows: { start: true }, manageUsers: true },
  'functions/src/handlers/email.ts': {
    sendingIdentities: 'manage',
    sendEmail: true,
    table: 'read-write',
    workflows: { start: true, stop: true },
  },
  // Content: presigned uploads and downloads of asset files, previews written at upload, an
  // unfinished or refused upload deleted; social tokens and the Resources Centre's secrets kept
  // under its prefix; a scheduled post's one-off schedule; AI drafting with the OpenAI key of the
  // vendors' secret.
  'functions/src/handlers/content.ts': {
    contentObjects: { read: CONTENT_OBJECTS, write: CONTENT_OBJECTS, delete: CONTENT_OBJECTS },
    contentSecrets: 'manage',
    contentSchedules: true,
    leadsAi: true,
  },
  // A scheduled social post's schedule fires this: it reads the account's token and the post's
  // image and calls the platform's API (the internet, through the NAT gateway).
  'functions/src/handlers/content-publish.ts': { contentObjects: { read: CONTENT_OBJECTS }, contentSecrets: 'read' },
};

const patternOf = (key: string) => new RegExp(`^${key.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);

/** The access of an entry: its own key, else the longest pattern matching it, else none. */
export function accessFor(table: FunctionAccessTable, entry: string): FunctionAccess {
  const own = table[entry];
  if (own) return own;
  const pattern = Object.keys(table)
    .filter((key) => key.includes('*') && patternOf(key).test(entry))
    .sort((a, b) => b.length - a.length)[0];
  return pattern ? table[pattern]! : {};
}

/** Whether a key of the table names `entry`, exactly or as a pattern. */
export function accessKeyMatches(key: string, entry: string): boolean {
  return key.includes('*') ? patternOf(key).test(entry) : key === entry;
}

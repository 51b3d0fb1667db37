// The one place that reads the environment. Both hosts (AWS and the local stack) differ only
// in the values parsed here; domain code receives a typed Config and never reads process.env.
import { z } from 'zod';

const optionalUrl = z
  .string()
  .trim()
  .min(1)
  .url({ message: 'must be a URL such as http://127.0.0.1:4566' })
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const databaseUrl = z
  .string()
  .trim()
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: 'must look like postgres://user:password@host:5432/database' },
  )
  .optional();

export const configSchema = z.object({
  APP_VERSION: z.string().default('0.1.0'),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),

  // Relational data: exactly one of these is used (DATABASE_URL, then the RDS Proxy, then PGlite).
  DATABASE_URL: databaseUrl,
  DB_PROXY_ENDPOINT: z.string().trim().min(1).optional(),
  DB_PORT: z.coerce.number().int().positive().default(5432),
  DB_NAME: z.string().trim().min(1).default('pivotal'),
  DB_USER: z.string().trim().min(1).default('pivotal_app'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(5),
  PGLITE_DIR: z.string().trim().min(1).optional(),

  AWS_REGION: z.string().trim().min(1).default('us-east-1'),
  DYNAMODB_ENDPOINT: optionalUrl,
  S3_ENDPOINT: optionalUrl,
  SES_ENDPOINT: optionalUrl,
  SFN_ENDPOINT: optionalUrl,
  COGNITO_ENDPOINT: optionalUrl,

  TABLE_NAME: z.string().trim().min(3).default('pivotal-main'),
  BUCKET_NAME: z.string().trim().min(3).default('pivotal-data'),
  SES_FROM_ADDRESS: z.string().trim().email().default('no-reply@pivotal.local'),
  SES_CONFIGURATION_SET: z.string().trim().min(1).optional(),
  // Where SES publishes the events of the configuration sets the email API creates for IP pools
  // (the account's default EventBridge bus; unset locally, where the SES stand-in has none).
  EMAIL_EVENT_BUS_ARN: z.string().trim().regex(/^arn:aws[a-z-]*:events:[a-z0-9-]+:\d{12}:event-bus\/[A-Za-z0-9._-]+$/, 'must be an event bus ARN').optional(),
  // The host name customers point their tracking domains at (a CNAME to where /t/ is served).
  EMAIL_TRACKING_CNAME_TARGET: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, 'must be a host name such as d111111abcdef8.cloudfront.net')
    .optional(),

  // Email delivery: the other providers a sender profile may choose (their HTTP APIs; the base
  // URLs point at local fakes in tests), the default sending rate per identity and how long a
  // provider call may take before its outcome is treated as uncertain.
  SENDGRID_BASE_URL: z.string().trim().url({ message: 'must be a URL such as https://api.sendgrid.com' }).default('https://api.sendgrid.com'),
  SENDGRID_API_KEY: z.string().trim().min(1).optional(),
  MAILGUN_BASE_URL: z.string().trim().url({ message: 'must be a URL such as https://api.mailgun.net' }).default('https://api.mailgun.net'),
  MAILGUN_API_KEY: z.string().trim().min(1).optional(),
  EMAIL_SEND_RATE_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(14),
  EMAIL_SEND_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),

  // Identity: 'local' = the local issuer (keys under DATA_DIR); 'cognito' = the user pools.
  AUTH_MODE: z.enum(['local', 'cognito']).default('local'),
  AUTH_ISSUER: z.string().trim().min(1).default('http://localhost:3000'),
  AUTH_AUDIENCE: z.string().trim().min(1).default('pivotal-crm'),
  AUTH_KEYS_DIR: z.string().trim().min(1).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).default(60 * 60 * 24 * 14),
  COGNITO_STAFF_POOL_ID: z.string().trim().min(1).optional(),
  COGNITO_STAFF_CLIENT_ID: z.string().trim().min(1).optional(),
  COGNITO_PORTAL_POOL_ID: z.string().trim().min(1).optional(),
  COGNITO_PORTAL_CLIENT_ID: z.string().trim().min(1).optional(),
  SECURE_COOKIES: booleanFlag,
  // bcrypt work factor for local passwords: 12 in every real deployment; tests lower it for speed.
  PASSWORD_HASH_COST: z.coerce.number().int().min(4).max(15).default(12),
  // Sign-in attempts allowed per source IP per minute (on top of the per-account lockout).
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  // Per-user limits a minute on search (command palette, suppression checks), exports (and error
  // files) and imports (uploads): past them, 429 with Retry-After.
  RATE_LIMIT_SEARCH_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_EXPORT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_IMPORT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  // Records a user may read a minute through list and search pages (each page counts its rows):
  // sized so paging through lists by hand never meets it, while a scripted bulk read does.
  RATE_LIMIT_ROWS_PER_MINUTE: z.coerce.number().int().min(1).default(10_000),
  /** How long the contact gate's proofs (who was admitted or left out, and why) are kept. */
  GATE_PROOF_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(1095),

  // Email campaigns. TRACKING_SECRET signs open, click and unsubscribe links (at least 32
  // characters; required on Lambda, the local stack keeps one under DATA_DIR, tests make one up);
  // PUBLIC_BASE_URL is where those links point. Sending goes in batches of EMAIL_BATCH_SIZE, up to
  // EMAIL_BATCH_CONCURRENCY at a time; a batch whose failed share of at least
  // EMAIL_FAILURE_MIN_ATTEMPTS sends passes EMAIL_FAILURE_PAUSE_RATE pauses its campaign.
  TRACKING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PUBLIC_BASE_URL: z.string().trim().url({ message: 'must be a URL such as https://crm.example.com' }).default('http://localhost:3000'),
  /** Where mail clients load `asset:<key>` images from (a CDN in front of the asset store); PUBLIC_BASE_URL/email-assets when unset. */
  EMAIL_ASSET_BASE_URL: z.string().trim().url({ message: 'must be a URL such as https://assets.example.com' }).optional(),
  EMAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  EMAIL_BATCH_CONCURRENCY: z.coerce.number().int().min(1).max(40).default(4),
  EMAIL_FAILURE_PAUSE_RATE: z.coerce.number().min(0.01).max(1).default(0.2),
  EMAIL_FAILURE_MIN_ATTEMPTS: z.coerce.number().int().min(1).default(20),
  /** Set by the Lambda runtime: read only to insist on settings a deployment must not leave to defaults. */
  AWS_LAMBDA_FUNCTION_NAME: z.string().optional(),
  // Lets admins inject SES feedback events of the real shape (POST /api/email/feedback/events): the
  // local stack turns it on, its SES emulator emitting none; on AWS it stays off.
  EMAIL_FEEDBACK_INJECTION: booleanFlag,

  // Telephony. The Telnyx API key (Call Control, telephony credentials) and the Ed25519 public key
  // webhooks are verified with (raw 32 bytes, base64). TELNYX_BASE_URL points the SDK at the local
  // stand-in; TELNYX_WEBRTC_HOST points the browser SDK at the stand-in's WebSocket (unset: Telnyx's).
  // Trunk passwords are sealed with TELEPHONY_SECRET_KEY (32 bytes, base64; the local stack keeps
  // one under DATA_DIR) or, on AWS, stored in Secrets Manager under TELEPHONY_SECRET_PREFIX.
  // TELNYX_WEBHOOK_URL is where Telnyx sends call events (PUBLIC_BASE_URL/api/telephony/webhooks/telnyx when unset).
  TELNYX_API_KEY: z.string().trim().min(1).optional(),
  TELNYX_BASE_URL: z.string().trim().url({ message: 'must be a URL such as https://api.telnyx.com/v2' }).optional(),
  TELNYX_PUBLIC_KEY: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be the 32-byte Ed25519 public key in base64')
    .optional(),
  TELNYX_WEBRTC_HOST: z.string().trim().regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL').optional(),
  TELNYX_WEBHOOK_URL: z.string().trim().url().optional(),
  TELEPHONY_SECRET_KEY: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64')
    .optional(),
  TELEPHONY_SECRET_PREFIX: z.string().trim().min(1).optional(),
  /** How often the dialer ticks (the AWS schedule runs a Step Functions loop at this period). */
  DIALER_TICK_SECONDS: z.coerce.number().int().min(1).max(60).default(10),

  // Lead QA's AI vendors. OpenAI scores leads with structured output (OPENAI_MODEL) and, with
  // LEADS_ENRICHMENT on, enriches accounts; AssemblyAI transcribes call recordings and calls the
  // transcription webhook back with ASSEMBLYAI_WEBHOOK_SECRET in its auth header. The base URLs point
  // the SDKs at the local stand-ins. Without a key that vendor's step is skipped: no transcript, the
  // rule scorer. On AWS the keys come from the JSON secret named by LEADS_AI_SECRET_ARN
  // ({"openaiApiKey", "assemblyaiApiKey", "assemblyaiWebhookSecret"}), read at cold start.
  OPENAI_API_KEY: z.string().trim().min(1).optional(),
  OPENAI_BASE_URL: z.string().trim().url({ message: 'must be a URL such as https://api.openai.com/v1' }).optional(),
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4.1-mini'),
  ASSEMBLYAI_API_KEY: z.string().trim().min(1).optional(),
  ASSEMBLYAI_BASE_URL: z.string().trim().url({ message: 'must be a URL such as https://api.assemblyai.com' }).optional(),
  ASSEMBLYAI_WEBHOOK_SECRET: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  LEADS_ENRICHMENT: z
    .enum(['on', 'off', 'true', 'false', '1', '0'])
    .default('off')
    .transform((v) => v === 'on' || v === 'true' || v === '1'),
  LEADS_AI_SECRET_ARN: z.string().trim().min(1).optional(),
  /** Where AssemblyAI calls back (PUBLIC_BASE_URL/api/leads/webhooks/assemblyai when unset). */
  ASSEMBLYAI_WEBHOOK_URL: z.string().trim().url().optional(),
  /** How long a vendor call of the pipeline may take before it counts as failed (and is retried). */
  LEADS_VENDOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(60_000),
  // Lead delivery to clients. Each configuration's signing secret is stored in Secrets Manager
  // under DELIVERY_SECRET_PREFIX/<config id> on AWS, or sealed locally with DELIVERY_SECRET_KEY
  // (TELEPHONY_SECRET_KEY, the local stack's key, when unset). Targets on private, loopback or
  // link-local addresses are refused; DELIVERY_ALLOW_PRIVATE_TARGETS admits loopback (the local
  // stack and tests only, never on AWS). A failed send is retried DELIVERY_MAX_ATTEMPTS times in
  // all, waiting DELIVERY_RETRY_BASE_SECONDS × 2^(attempt − 1) between them.
  DELIVERY_SECRET_PREFIX: z.string().trim().min(1).optional(),
  DELIVERY_SECRET_KEY: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64')
    .optional(),
  DELIVERY_ALLOW_PRIVATE_TARGETS: booleanFlag,
  DELIVERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  DELIVERY_RETRY_BASE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),

  // Content. Asset files live in CONTENT_BUCKET_NAME (uploaded by the browser through presigned
  // PUTs). Social tokens and the Resources Centre's secrets are sealed with CONTENT_SECRET_KEY
  // (32 bytes, base64; TELEPHONY_SECRET_KEY, the local stack's key, when unset) or, on AWS, stored in
  // Secrets Manager under CONTENT_SECRET_PREFIX. A scheduled social post is fired by a one-off
  // EventBridge Scheduler schedule in CONTENT_SCHEDULE_GROUP invoking CONTENT_SCHEDULE_TARGET_ARN
  // as CONTENT_SCHEDULE_ROLE_ARN; without them (the local stack) a timer publishes due posts. The
  // SOCIAL_*_BASE_URL settings point each platform's adapter at a local stand-in.
  CONTENT_BUCKET_NAME: z.string().trim().min(3).default('pivotal-content'),
  CONTENT_SECRET_KEY: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64')
    .optional(),
  CONTENT_SECRET_PREFIX: z.string().trim().min(1).optional(),
  CONTENT_SCHEDULE_GROUP: z.string().trim().min(1).optional(),
  CONTENT_SCHEDULE_TARGET_ARN: z.string().trim().min(1).optional(),
  CONTENT_SCHEDULE_ROLE_ARN: z.string().trim().min(1).optional(),
  SOCIAL_LINKEDIN_BASE_URL: z.string().trim().url({ message: 'must be a URL such as https://api.linkedin.com' }).optional(),
  SOCIAL_X_BASE_URL: z.string().trim().url({ message: 'must be a URL such as https://api.x.com' }).optional(),
  SOCIAL_FACEBOOK_BASE_URL: z.string().trim().url({ message: 'must be a URL such as https://graph.facebook.com' }).optional(),

  ADMIN_USERNAME: z.string().trim().min(1).default('admin'),
  ADMIN_EMAIL: z.string().trim().email().default('admin@crm.local'),
  ADMIN_PASSWORD: z.string().min(1).default('Admin123!'),
  ADMIN_FIRST_NAME: z.string().trim().min(1).default('Admin'),
  ADMIN_LAST_NAME: z.string().trim().min(1).default('User'),

  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024),
});

export type Config = z.infer<typeof configSchema>;

// Settings that only make sense together; checked after the per-variable parse.
function crossCheck(config: Config): { name: string; message: string } | null {
  if (config.AUTH_MODE === 'cognito') {
    for (const name of ['COGNITO_STAFF_POOL_ID', 'COGNITO_STAFF_CLIENT_ID', 'COGNITO_PORTAL_POOL_ID', 'COGNITO_PORTAL_CLIENT_ID'] as const) {
      if (!config[name]) return { name, message: 'is required when AUTH_MODE is cognito' };
    }
  }
  if (config.AWS_LAMBDA_FUNCTION_NAME && !config.TRACKING_SECRET) return { name: 'TRACKING_SECRET', message: 'is required on AWS Lambda' };
  if (config.AWS_LAMBDA_FUNCTION_NAME && config.DELIVERY_ALLOW_PRIVATE_TARGETS) return { name: 'DELIVERY_ALLOW_PRIVATE_TARGETS', message: 'must not be set on AWS Lambda' };
  return null;
}

/** A setting that cannot be used; its message is one sentence naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "not set", as they do in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`${name} ${issue.message.replace(/^Invalid input: /, '')} (got ${JSON.stringify(env[name])}).`);
  }
  const crossIssue = crossCheck(result.data);
  if (crossIssue) throw new ConfigError(`${crossIssue.name} ${crossIssue.message} (got ${JSON.stringify(env[crossIssue.name])}).`);
  return result.data;
}

let cached: Config | undefined;

/** The process's configuration, parsed once from the environment. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** For the local stack, which sets endpoints after starting its emulators, and for tests. */
export function setConfig(config: Config): void {
  cached = config;
}

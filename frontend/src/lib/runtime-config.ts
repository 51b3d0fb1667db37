// The settings the SPA learns at start from `/config.json`, written next to the app at deploy
// (CDK, from the stack's own pools and clients) or served by the local stack from its settings.
// One build runs everywhere: nothing here is baked in at build time. A missing or unreadable file
// means the local issuer, as `npm run dev` without the stack's file would have it.
import { z } from 'zod';

export const runtimeConfigSchema = z.object({
  /** `local`: the API's own issuer and sign-in form; `cognito`: the staff and portal user pools. */
  authMode: z.enum(['local', 'cognito']).default('local'),
  region: z.string().min(1).optional(),
  staffUserPoolId: z.string().min(1).optional(),
  staffClientId: z.string().min(1).optional(),
  portalUserPoolId: z.string().min(1).optional(),
  portalClientId: z.string().min(1).optional(),
  /** Where the API answers (the app's own origin under /api on AWS and locally). */
  apiUrl: z.string().min(1).optional(),
  /** A Cognito emulator's endpoint (cognito-local): only ever set on a laptop. */
  userPoolEndpoint: z.string().url().optional(),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

export type UserPoolKind = 'staff' | 'portal';

export interface UserPoolSettings {
  userPoolId: string;
  userPoolClientId: string;
  userPoolEndpoint?: string;
}

export const LOCAL_RUNTIME_CONFIG: RuntimeConfig = { authMode: 'local' };

/** Reads the file's JSON; a Cognito file without its pools is refused rather than half used. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  const config = runtimeConfigSchema.parse(raw);
  if (config.authMode === 'cognito') {
    for (const key of ['staffUserPoolId', 'staffClientId', 'portalUserPoolId', 'portalClientId'] as const) {
      if (!config[key]) throw new Error(`config.json: ${key} is required when authMode is cognito`);
    }
  }
  return config;
}

/** The pool and app client a kind of user signs in with. */
export function userPoolSettings(config: RuntimeConfig, kind: UserPoolKind): UserPoolSettings {
  const userPoolId = kind === 'staff' ? config.staffUserPoolId : config.portalUserPoolId;
  const userPoolClientId = kind === 'staff' ? config.staffClientId : config.portalClientId;
  if (!userPoolId || !userPoolClientId) throw new Error(`No ${kind} user pool in config.json`);
  return { userPoolId, userPoolClientId, ...(config.userPoolEndpoint ? { userPoolEndpoint: config.userPoolEndpoint } : {}) };
}

/**
 * Cognito's SRP exchange on AWS; the plain password flow only against an emulator on this
 * machine (cognito-local has no SRP), never towards Cognito itself.
 */
export function authFlowFor(config: RuntimeConfig): 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' {
  if (!config.userPoolEndpoint) return 'USER_SRP_AUTH';
  const host = new URL(config.userPoolEndpoint).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' ? 'USER_PASSWORD_AUTH' : 'USER_SRP_AUTH';
}

let loading: Promise<RuntimeConfig> | null = null;

/** The settings, fetched once per page load. */
export function loadRuntimeConfig(): Promise<RuntimeConfig> {
  loading ??= (async () => {
    try {
      const response = await fetch('/config.json', { cache: 'no-store', headers: { accept: 'application/json' } });
      if (!response.ok) return LOCAL_RUNTIME_CONFIG;
      const type = response.headers.get('content-type') ?? '';
      // The dev server answers unknown paths with index.html.
      if (!type.includes('json')) return LOCAL_RUNTIME_CONFIG;
      return parseRuntimeConfig(await response.json());
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('config.json')) throw error;
      return LOCAL_RUNTIME_CONFIG;
    }
  })();
  return loading;
}

// Deploy-time settings, all optional, read from CDK context (`-c name=value` or cdk.json). Nothing
// here is looked up in an account, so the app synthesizes offline.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from 'constructs';

export interface DeploySettings {
  /** A domain to send email from (SES identity created, DNS records to add by hand). */
  emailDomain?: string;
  /**
   * Send Cognito's own mail through SES from emailDomain. Cognito refuses an identity that is not
   * verified yet, so this is for a later deploy, once the DKIM records are published.
   */
  cognitoEmailFromSes: boolean;
  /** Username and email of the first admin, created in the staff pool on the first deploy. */
  adminUsername: string;
  adminEmail: string;
  /** Reported by /api/health. */
  appVersion: string;
  /** The OpenAI model that scores leads (OPENAI_MODEL). */
  openaiModel: string;
  /** The AI account enrichment step of the lead pipeline (LEADS_ENRICHMENT). */
  leadsEnrichment: boolean;
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function contextString(node: Node, name: string): string | undefined {
  const value: unknown = node.tryGetContext(name);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context ${name} must be a string (got ${JSON.stringify(value)}).`);
  return value.trim();
}

/** `-c name=true` arrives as a string, cdk.json may hold a boolean. */
function contextFlag(node: Node, name: string): boolean {
  const value: unknown = node.tryGetContext(name);
  if (value === undefined || value === null || value === '' || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new Error(`Context ${name} must be true or false (got ${JSON.stringify(value)}).`);
}

export function readSettings(node: Node): DeploySettings {
  const emailDomain = contextString(node, 'emailDomain')?.toLowerCase();
  if (emailDomain && !DOMAIN.test(emailDomain)) throw new Error(`Context emailDomain must be a domain such as mail.example.com (got ${JSON.stringify(emailDomain)}).`);
  const adminEmail = contextString(node, 'adminEmail') ?? (emailDomain ? `admin@${emailDomain}` : 'admin@crm.local');
  if (!EMAIL.test(adminEmail)) throw new Error(`Context adminEmail must be an email address (got ${JSON.stringify(adminEmail)}).`);
  const cognitoEmailFromSes = contextFlag(node, 'cognitoEmailFromSes');
  if (cognitoEmailFromSes && !emailDomain) throw new Error('Context cognitoEmailFromSes needs emailDomain.');
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  return {
    ...(emailDomain ? { emailDomain } : {}),
    cognitoEmailFromSes,
    adminUsername: contextString(node, 'adminUsername') ?? 'admin',
    adminEmail: adminEmail.toLowerCase(),
    appVersion: pkg.version,
    openaiModel: contextString(node, 'openaiModel') ?? 'gpt-4.1-mini',
    leadsEnrichment: contextFlag(node, 'leadsEnrichment'),
  };
}

// The AWS side of the deliverability settings, through SES v2: sending domains (identity with
// Easy DKIM, a custom MAIL FROM subdomain, and the DNS records to publish), configuration sets
// that publish events to EventBridge and pick an IP pool, dedicated IP pools, and the tracking
// domain's CNAME check. Every call is idempotent: what already exists is brought to the settings.
import type { promises as dnsPromises } from 'node:dns';
import { domainToASCII } from 'node:url';
import {
  CreateConfigurationSetCommand,
  CreateConfigurationSetEventDestinationCommand,
  CreateDedicatedIpPoolCommand,
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  PutConfigurationSetDeliveryOptionsCommand,
  PutEmailIdentityConfigurationSetAttributesCommand,
  PutEmailIdentityMailFromAttributesCommand,
  UpdateConfigurationSetEventDestinationCommand,
  type DkimStatus,
  type EventDestinationDefinition,
  type EventType,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import { invalid, notFound } from '../../../core/app-error';

export interface DnsRecord {
  type: 'CNAME' | 'TXT' | 'MX';
  name: string;
  value: string;
  purpose: 'dkim' | 'mail-from-mx' | 'spf' | 'dmarc';
}

export interface SendingDomainState {
  domain: string;
  /** SES lets the domain send (its DKIM is verified). */
  verified: boolean;
  dkimStatus: DkimStatus;
  mailFromDomain: string | undefined;
  mailFromStatus: string | undefined;
  /** What the domain's owner publishes in DNS: three DKIM CNAMEs, MAIL FROM MX and SPF, DMARC. */
  records: DnsRecord[];
}

export interface SendingDomainOptions {
  /** The configuration set the domain's messages use by default. */
  configurationSet?: string;
  /** The MAIL FROM subdomain's first label (SPF aligns on it): `mail` gives mail.<domain>. */
  mailFromSubdomain?: string;
}

/** The event types a configuration set publishes to EventBridge (the feedback Lambda reads them). */
export const PUBLISHED_EVENT_TYPES: EventType[] = ['SEND', 'REJECT', 'BOUNCE', 'COMPLAINT', 'DELIVERY', 'DELIVERY_DELAY'];

const DOMAIN_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/;
const LABEL_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The domain lower-cased, without a trailing dot, in ASCII (IDNA); invalid when it is not a domain name. */
function sendingDomainName(input: string, field = 'domain'): string {
  const ascii = domainToASCII(input.trim().replace(/\.$/, '').toLowerCase());
  if (!DOMAIN_PATTERN.test(ascii)) throw invalid(field, 'must be a domain name such as example.com');
  return ascii;
}

const isError = (error: unknown, name: string) => (error as { name?: string } | null)?.name === name;

/** Runs a create call; an AlreadyExistsException answers false (it was there), anything else is thrown. */
async function createUnlessExists(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (isError(error, 'AlreadyExistsException')) return false;
    throw error;
  }
}

async function regionOf(ses: SESv2Client): Promise<string> {
  const region = ses.config.region;
  return typeof region === 'function' ? await region() : region;
}

function recordsFor(domain: string, tokens: string[], mailFromDomain: string | undefined, region: string): DnsRecord[] {
  return [
    ...tokens.map((token): DnsRecord => ({ type: 'CNAME', name: `${token}._domainkey.${domain}`, value: `${token}.dkim.amazonses.com`, purpose: 'dkim' })),
    ...(mailFromDomain
      ? [
          { type: 'MX', name: mailFromDomain, value: `10 feedback-smtp.${region}.amazonses.com`, purpose: 'mail-from-mx' } as const,
          { type: 'TXT', name: mailFromDomain, value: 'v=spf1 include:amazonses.com ~all', purpose: 'spf' } as const,
        ]
      : []),
    { type: 'TXT', name: `_dmarc.${domain}`, value: `v=DMARC1; p=none; rua=mailto:dmarc@${domain}`, purpose: 'dmarc' },
  ];
}

/** The domain's state in SES and the records to publish. A domain SES does not know is not_found. */
export async function refreshSendingDomain(ses: SESv2Client, domain: string): Promise<SendingDomainState> {
  const name = sendingDomainName(domain);
  let identity;
  try {
    identity = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: name }));
  } catch (error) {
    if (isError(error, 'NotFoundException')) throw notFound('sending domain');
    throw error;
  }
  const mailFromDomain = identity.MailFromAttributes?.MailFromDomain || undefined;
  return {
    domain: name,
    verified: identity.VerifiedForSendingStatus === true,
    dkimStatus: identity.DkimAttributes?.Status ?? 'NOT_STARTED',
    mailFromDomain,
    mailFromStatus: identity.MailFromAttributes?.MailFromDomainStatus,
    records: recordsFor(name, identity.DkimAttributes?.Tokens ?? [], mailFromDomain, await regionOf(ses)),
  };
}

/**
 * Creates the domain identity with Easy DKIM (RSA 2048) and a MAIL FROM subdomain, or brings an
 * existing one to these settings, and answers its state with the DNS records to publish.
 */
export async function createSendingDomain(ses: SESv2Client, domain: string, options: SendingDomainOptions = {}): Promise<SendingDomainState> {
  const name = sendingDomainName(domain);
  const label = (options.mailFromSubdomain ?? 'mail').trim().toLowerCase();
  if (!LABEL_PATTERN.test(label)) throw invalid('mailFromSubdomain', 'must be one DNS label such as mail');

  const created = await createUnlessExists(() =>
    ses.send(
      new CreateEmailIdentityCommand({
        EmailIdentity: name,
        DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
        ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}),
      }),
    ),
  );
  if (!created && options.configurationSet) {
    await ses.send(new PutEmailIdentityConfigurationSetAttributesCommand({ EmailIdentity: name, ConfigurationSetName: options.configurationSet }));
  }
  await ses.send(
    new PutEmailIdentityMailFromAttributesCommand({ EmailIdentity: name, MailFromDomain: `${label}.${name}`, BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' }),
  );
  return refreshSendingDomain(ses, name);
}

export interface ConfigurationSetOptions {
  /** The dedicated IP pool the set sends from (the shared pool when absent). */
  poolName?: string;
  /** Where SES publishes the set's events: the account's default event bus ARN. */
  eventBusArn?: string;
  /** The event destination's name within the set. */
  eventDestinationName?: string;
}

/** Creates the configuration set (or keeps it), sets its pool, and creates or updates its EventBridge destination. */
export async function ensureConfigurationSet(ses: SESv2Client, name: string, options: ConfigurationSetOptions = {}): Promise<{ created: boolean }> {
  const created = await createUnlessExists(() => ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: name })));
  if (options.poolName) {
    await ses.send(new PutConfigurationSetDeliveryOptionsCommand({ ConfigurationSetName: name, SendingPoolName: options.poolName }));
  }
  if (options.eventBusArn) {
    const destination: EventDestinationDefinition = {
      Enabled: true,
      MatchingEventTypes: PUBLISHED_EVENT_TYPES,
      EventBridgeDestination: { EventBusArn: options.eventBusArn },
    };
    const EventDestinationName = options.eventDestinationName ?? 'eventbridge';
    const added = await createUnlessExists(() =>
      ses.send(new CreateConfigurationSetEventDestinationCommand({ ConfigurationSetName: name, EventDestinationName, EventDestination: destination })),
    );
    if (!added) {
      await ses.send(new UpdateConfigurationSetEventDestinationCommand({ ConfigurationSetName: name, EventDestinationName, EventDestination: destination }));
    }
  }
  return { created };
}

/** Creates a dedicated IP pool whose IPs SES manages (and warms up), or keeps the existing one. */
export async function ensureDedicatedIpPool(ses: SESv2Client, name: string): Promise<{ created: boolean }> {
  const created = await createUnlessExists(() => ses.send(new CreateDedicatedIpPoolCommand({ PoolName: name, ScalingMode: 'MANAGED' })));
  return { created };
}

export type CnameResolver = Pick<typeof dnsPromises, 'resolveCname'>;

export interface TrackingDomainCheck {
  domain: string;
  verified: boolean;
  /** The CNAME targets found (lower-case, without a trailing dot). */
  found: string[];
  /** Why it is not verified, in a sentence. */
  reason?: string;
}

// Answers that mean "no such record", as opposed to a failed lookup.
const NO_RECORD_CODES = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);
const hostName = (name: string) => name.trim().replace(/\.$/, '').toLowerCase();

/**
 * Does the tracking domain's CNAME point at the expected target? Pass `dns.promises` from
 * node:dns (or `node:dns/promises`) in production, a stand-in in tests.
 */
export async function checkTrackingDomain(resolver: CnameResolver, domain: string, expectedTarget: string): Promise<TrackingDomainCheck> {
  const name = sendingDomainName(domain);
  const expected = hostName(expectedTarget);
  let found: string[];
  try {
    found = (await resolver.resolveCname(name)).map(hostName);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    const reason = NO_RECORD_CODES.has(code) ? `${name} has no CNAME record; publish one pointing to ${expected}.` : `The DNS lookup of ${name} failed (${code}); try again later.`;
    return { domain: name, verified: false, found: [], reason };
  }
  if (found.includes(expected)) return { domain: name, verified: true, found };
  return { domain: name, verified: false, found, reason: `${name} points to ${found.join(', ')}, not ${expected}.` };
}

// Deliverability settings on the SES side, against the local SES stand-in (which speaks the
// identity, configuration set and dedicated IP pool APIs the SES emulator lacks), and the
// tracking domain's CNAME check with a resolver the test supplies (no network).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateConfigurationSetCommand,
  GetConfigurationSetCommand,
  GetConfigurationSetEventDestinationsCommand,
  GetDedicatedIpPoolCommand,
  GetEmailIdentityCommand,
  NotFoundException,
  SESv2Client,
} from '@aws-sdk/client-sesv2';
import { startSesWithStandin, type SesStandin } from '../../../../../infra/local/emulators/ses-standin';
import { AppError } from '../../../core/app-error';
import {
  checkTrackingDomain,
  createSendingDomain,
  ensureConfigurationSet,
  ensureDedicatedIpPool,
  refreshSendingDomain,
  type CnameResolver,
} from './identities';

const EVENT_BUS = 'arn:aws:events:us-east-1:000000000000:event-bus/default';

describe('deliverability settings in SES', () => {
  let standin: SesStandin;
  let ses: SESv2Client;

  beforeAll(async () => {
    standin = await startSesWithStandin({ autoVerify: false });
    ses = new SESv2Client({ region: 'us-east-1', endpoint: standin.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  });
  afterAll(() => standin.stop());

  describe('a sending domain', () => {
    it('is created with Easy DKIM and a MAIL FROM subdomain, and answers the DNS records to publish', async () => {
      const state = await createSendingDomain(ses, 'Acme-Mail.example.');

      expect(state).toMatchObject({ domain: 'acme-mail.example', verified: false, dkimStatus: 'PENDING', mailFromDomain: 'mail.acme-mail.example' });
      const dkim = state.records.filter((r) => r.purpose === 'dkim');
      expect(dkim).toHaveLength(3);
      for (const record of dkim) {
        const token = record.name.split('.')[0]!;
        expect(token).toMatch(/^[a-z0-9]{32}$/);
        expect(record).toEqual({ type: 'CNAME', name: `${token}._domainkey.acme-mail.example`, value: `${token}.dkim.amazonses.com`, purpose: 'dkim' });
      }
      expect(state.records.filter((r) => r.purpose !== 'dkim')).toEqual([
        { type: 'MX', name: 'mail.acme-mail.example', value: '10 feedback-smtp.us-east-1.amazonses.com', purpose: 'mail-from-mx' },
        { type: 'TXT', name: 'mail.acme-mail.example', value: 'v=spf1 include:amazonses.com ~all', purpose: 'spf' },
        { type: 'TXT', name: '_dmarc.acme-mail.example', value: 'v=DMARC1; p=none; rua=mailto:dmarc@acme-mail.example', purpose: 'dmarc' },
      ]);

      const identity = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'acme-mail.example' }));
      expect(identity.DkimAttributes).toMatchObject({ SigningEnabled: true, NextSigningKeyLength: 'RSA_2048_BIT' });
    });

    it('is idempotent: creating it again keeps the same DKIM tokens', async () => {
      const first = await createSendingDomain(ses, 'northwind-news.example');
      const again = await createSendingDomain(ses, 'northwind-news.example', { mailFromSubdomain: 'bounce' });
      expect(again.records.filter((r) => r.purpose === 'dkim')).toEqual(first.records.filter((r) => r.purpose === 'dkim'));
      expect(again.mailFromDomain).toBe('bounce.northwind-news.example');
    });

    it('shows verified once SES has seen the records (the stand-in is told), on refresh', async () => {
      await createSendingDomain(ses, 'contoso-mail.example');
      expect((await refreshSendingDomain(ses, 'contoso-mail.example')).verified).toBe(false);

      const told = await fetch(`${standin.endpoint}/local/verify-identity`, { method: 'POST', body: JSON.stringify({ identity: 'contoso-mail.example' }) });
      expect(told.status).toBe(200);

      expect(await refreshSendingDomain(ses, 'contoso-mail.example')).toMatchObject({ verified: true, dkimStatus: 'SUCCESS', mailFromStatus: 'SUCCESS' });
    });

    it('answers not_found for a domain SES does not know, and invalid for what is not a domain name', async () => {
      await expect(refreshSendingDomain(ses, 'unknown-domain.example')).rejects.toMatchObject({ code: 'not_found' });
      const failure = await createSendingDomain(ses, 'not a domain').catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(AppError);
      expect((failure as AppError).errors).toEqual([{ field: 'domain', message: 'must be a domain name such as example.com' }]);
    });

    it('uses the configuration set given for the domain', async () => {
      await ensureConfigurationSet(ses, 'marketing-default');
      await createSendingDomain(ses, 'fabrikam-mail.example', { configurationSet: 'marketing-default' });
      const identity = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'fabrikam-mail.example' }));
      expect(identity.ConfigurationSetName).toBe('marketing-default');
    });
  });

  describe('IP pools and configuration sets', () => {
    it('creates a managed dedicated IP pool once', async () => {
      expect(await ensureDedicatedIpPool(ses, 'warm-pool')).toEqual({ created: true });
      expect(await ensureDedicatedIpPool(ses, 'warm-pool')).toEqual({ created: false });
      const { DedicatedIpPool } = await ses.send(new GetDedicatedIpPoolCommand({ PoolName: 'warm-pool' }));
      expect(DedicatedIpPool).toEqual({ PoolName: 'warm-pool', ScalingMode: 'MANAGED' });
    });

    it('creates a configuration set sending from the pool, publishing the six event types to EventBridge', async () => {
      await ensureDedicatedIpPool(ses, 'campaign-pool');
      expect(await ensureConfigurationSet(ses, 'campaigns', { poolName: 'campaign-pool', eventBusArn: EVENT_BUS })).toEqual({ created: true });

      const set = await ses.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'campaigns' }));
      expect(set.DeliveryOptions?.SendingPoolName).toBe('campaign-pool');
      const { EventDestinations } = await ses.send(new GetConfigurationSetEventDestinationsCommand({ ConfigurationSetName: 'campaigns' }));
      expect(EventDestinations).toEqual([
        {
          Name: 'eventbridge',
          Enabled: true,
          MatchingEventTypes: ['SEND', 'REJECT', 'BOUNCE', 'COMPLAINT', 'DELIVERY', 'DELIVERY_DELAY'],
          EventBridgeDestination: { EventBusArn: EVENT_BUS },
        },
      ]);
    });

    it('brings an existing configuration set to the settings instead of failing', async () => {
      await ensureConfigurationSet(ses, 'transactional', { eventBusArn: EVENT_BUS });
      await ensureDedicatedIpPool(ses, 'second-pool');
      expect(await ensureConfigurationSet(ses, 'transactional', { poolName: 'second-pool', eventBusArn: EVENT_BUS })).toEqual({ created: false });

      const set = await ses.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'transactional' }));
      expect(set.DeliveryOptions?.SendingPoolName).toBe('second-pool');
      const { EventDestinations } = await ses.send(new GetConfigurationSetEventDestinationsCommand({ ConfigurationSetName: 'transactional' }));
      expect(EventDestinations).toHaveLength(1);
    });

    it('answers SES’s NotFoundException for a pool that does not exist', async () => {
      await expect(ses.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'orphan', DeliveryOptions: { SendingPoolName: 'no-such-pool' } }))).rejects.toBeInstanceOf(
        NotFoundException,
      );
    });
  });
});

describe('the tracking domain check', () => {
  const resolverAnswering = (answers: Record<string, string[] | NodeJS.ErrnoException>): CnameResolver => ({
    resolveCname: async (host: string) => {
      const answer = answers[host];
      if (!answer) throw Object.assign(new Error(`queryCname ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });

  it('is verified when the CNAME points at the expected target (case and trailing dot aside)', async () => {
    const resolver = resolverAnswering({ 'click.acme-mail.example': ['Track.Pivotal-CRM.example.'] });
    expect(await checkTrackingDomain(resolver, 'click.acme-mail.example', 'track.pivotal-crm.example')).toEqual({
      domain: 'click.acme-mail.example',
      verified: true,
      found: ['track.pivotal-crm.example'],
    });
  });

  it('says where the CNAME points instead, or that there is none, or that the lookup failed', async () => {
    const resolver = resolverAnswering({
      'click.northwind.example': ['elsewhere.example'],
      'links.contoso.example': Object.assign(new Error('queryCname ETIMEOUT links.contoso.example'), { code: 'ETIMEOUT' }),
    });
    expect(await checkTrackingDomain(resolver, 'click.northwind.example', 'track.pivotal-crm.example')).toMatchObject({
      verified: false,
      reason: 'click.northwind.example points to elsewhere.example, not track.pivotal-crm.example.',
    });
    expect(await checkTrackingDomain(resolver, 'click.fabrikam.example', 'track.pivotal-crm.example')).toMatchObject({
      verified: false,
      found: [],
      reason: 'click.fabrikam.example has no CNAME record; publish one pointing to track.pivotal-crm.example.',
    });
    expect(await checkTrackingDomain(resolver, 'links.contoso.example', 'track.pivotal-crm.example')).toMatchObject({
      verified: false,
      reason: 'The DNS lookup of links.contoso.example failed (ETIMEOUT); try again later.',
    });
  });
});

// The rules of delivery a client relies on, without a database: which addresses are refused (after
// DNS, IPv4 and IPv6, IPv4 inside IPv6), the signature a client recomputes from its secret, the
// form post's field map, CSV cells that cannot become formulas, the backoff and what each answer means.
import { describe, expect, it } from 'vitest';
import { verifySignature } from '../../../../../infra/local/emulators/fake-client-endpoint';
import { buildPayload, csvText, formBody, signatureHeader, type DeliverableLead } from './payload';
import { backoffSeconds, verdictOf } from './engine';
import { classifyAddress, resolveTarget, TargetRefused } from '../../../adapters/outbound-target';
import { createHmac } from 'node:crypto';

describe('the addresses a delivery may reach', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'refused'],
    ['172.16.0.1', 'refused'],
    ['172.31.255.255', 'refused'],
    ['192.168.1.1', 'refused'],
    ['169.254.169.254', 'refused'],
    ['0.0.0.0', 'refused'],
    ['100.64.0.1', 'refused'],
    ['224.0.0.1', 'refused'],
    ['::', 'refused'],
    ['fc00::1', 'refused'],
    ['fd12:3456::1', 'refused'],
    ['fe80::1', 'refused'],
    ['fe80::1%eth0', 'refused'],
    ['::ffff:10.0.0.1', 'refused'],
    ['::ffff:a9fe:a9fe', 'refused'],
    ['::ffff:192.168.0.1', 'refused'],
    ['not-an-ip', 'refused'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['93.184.216.34', 'public'],
    ['2606:4700::1111', 'public'],
    ['::ffff:8.8.8.8', 'public'],
  ])('%s is %s', (address, verdict) => {
    expect(classifyAddress(address)).toBe(verdict);
  });

  const resolver = (answers: Record<string, string[]>) => async (host: string) => {
    const found = answers[host];
    if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  const dns = resolver({
    'client.example': ['93.184.216.34'],
    'inside.example': ['10.0.0.5'],
    'mixed.example': ['93.184.216.34', '169.254.169.254'],
    'v6inside.example': ['fd00::5'],
    'local.example': ['127.0.0.1'],
  });

  it('refuses a name resolving to a private address, even one among public ones, and keeps the checked address', async () => {
    const ok = await resolveTarget('https://client.example/hook', { allowLoopback: false, resolver: dns });
    expect(ok.address).toBe('93.184.216.34');
    for (const url of ['https://inside.example/', 'https://mixed.example/', 'https://v6inside.example/', 'https://[::ffff:10.0.0.1]/', 'https://169.254.169.254/latest']) {
      await expect(resolveTarget(url, { allowLoopback: false, resolver: dns }), url).rejects.toBeInstanceOf(TargetRefused);
    }
  });

  it('admits loopback only when allowed, http only to loopback, and no other schemes or credentials', async () => {
    await expect(resolveTarget('http://local.example:8080/', { allowLoopback: false, resolver: dns })).rejects.toBeInstanceOf(TargetRefused);
    expect((await resolveTarget('http://local.example:8080/', { allowLoopback: true, resolver: dns })).address).toBe('127.0.0.1');
    expect((await resolveTarget('http://[::1]:8080/', { allowLoopback: true, resolver: dns })).family).toBe(6);
    // Loopback admitted does not admit the private ranges.
    await expect(resolveTarget('https://inside.example/', { allowLoopback: true, resolver: dns })).rejects.toThrow(/private/);
    await expect(resolveTarget('http://client.example/', { allowLoopback: true, resolver: dns })).rejects.toThrow(/https/);
    await expect(resolveTarget('ftp://client.example/', { allowLoopback: true, resolver: dns })).rejects.toBeInstanceOf(TargetRefused);
    await expect(resolveTarget('https://user:pw@client.example/', { allowLoopback: false, resolver: dns })).rejects.toBeInstanceOf(TargetRefused);
    await expect(resolveTarget('https://nowhere.example/', { allowLoopback: false, resolver: dns })).rejects.toThrow(/does not resolve/);
  });
});

const lead: DeliverableLead = {
  id: '01931c5e-7d3a-7b2c-9f00-0000000000a1',
  contactId: null,
  accountId: null,
  source: 'call',
  approvedAt: new Date('2026-12-01T10:00:00Z'),
  fields: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', company: '=HYPERLINK("http://evil")', phone: '+14155550100' },
  answers: { budget: '10-50k', 'team-size': 12, tools: ['crm', 'erp'] },
  campaignId: null,
  campaignKind: 'call',
  campaignName: 'Q4 outreach',
  clientOrgId: '01931c5e-7d3a-7b2c-9f00-0000000000c1',
  clientName: 'Acme',
};

describe('what the client receives', () => {
  it('signs so a client recomputes the signature from its secret, and a wrong secret, body or stale time fails', () => {
    const secret = 'a'.repeat(64);
    const body = JSON.stringify(buildPayload(lead, 'd-1', []));
    const header = signatureHeader(secret, body, 1_765_000_000);
    const expected = createHmac('sha256', secret).update(`1765000000.${body}`).digest('hex');
    expect(header).toBe(`t=1765000000,v1=${expected}`);
    expect(verifySignature(secret, header, body, 1_765_000_100)).toBe(true);
    expect(verifySignature('b'.repeat(64), header, body, 1_765_000_100)).toBe(false);
    expect(verifySignature(secret, header, `${body} `, 1_765_000_100)).toBe(false);
    expect(verifySignature(secret, header, body, 1_765_001_000)).toBe(false);
  });

  it('posts a form of the field map, answers by id, missing values empty', () => {
    const body = formBody(lead, [
      { from: 'firstName', to: 'first_name' },
      { from: 'email', to: 'Email Address' },
      { from: 'answers.budget', to: 'budget' },
      { from: 'answers.tools', to: 'tools' },
      { from: 'answers.team-size', to: 'size' },
      { from: 'title', to: 'job_title' },
      { from: 'campaignName', to: 'utm_campaign' },
    ]);
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({
      first_name: 'Ada',
      'Email Address': 'ada@example.com',
      budget: '10-50k',
      tools: 'crm;erp',
      size: '12',
      job_title: '',
      utm_campaign: 'Q4 outreach',
    });
  });

  it('writes CSV with the field map as columns and formulas neutralized', () => {
    const text = csvText([lead], [
      { from: 'company', to: 'Company' },
      { from: 'phone', to: '+Phone' },
    ]);
    expect(text).toBe(`Company,'+Phone\r\n"'=HYPERLINK(""http://evil"")",'+14155550100\r\n`);
  });

  it('puts the ids, campaign, answers and fields in the webhook body', () => {
    const payload = buildPayload(lead, 'd-1', [{ from: 'email', to: 'mail' }]);
    expect(payload).toMatchObject({
      event: 'lead.delivered',
      deliveryId: 'd-1',
      lead: { id: lead.id, approvedAt: '2026-12-01T10:00:00.000Z', fields: { firstName: 'Ada', email: 'ada@example.com', title: null }, answers: lead.answers },
      campaign: { name: 'Q4 outreach', kind: 'call' },
      client: { name: 'Acme' },
      mapped: { mail: 'ada@example.com' },
    });
  });
});

describe('retries', () => {
  it('backs off exponentially, capped at an hour', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffSeconds(30, n))).toEqual([30, 60, 120, 240, 480]);
    expect(backoffSeconds(30, 20)).toBe(3600);
  });

  it('delivers on 2xx, retries 408, 429, 5xx and no answer, and gives up at once on anything else', () => {
    expect([200, 201, 204].map((s) => verdictOf({ httpStatus: s }))).toEqual(['delivered', 'delivered', 'delivered']);
    expect([408, 429, 500, 502, 503, null].map((s) => verdictOf({ httpStatus: s }))).toEqual(Array(6).fill('retry'));
    expect([301, 400, 401, 403, 404, 410, 422].map((s) => verdictOf({ httpStatus: s }))).toEqual(Array(7).fill('dead'));
  });
});

import { describe, expect, it } from 'vitest';
import type { DnsRecord } from '@shared/contracts/email';
import { zoneFileSnippet, zoneRecordData } from './zone-file';

const DOMAIN = 'mail.acme.example';
const records: DnsRecord[] = [
  { type: 'CNAME', name: `abc123._domainkey.${DOMAIN}`, value: 'abc123.dkim.amazonses.com', purpose: 'dkim' },
  { type: 'MX', name: `mail.${DOMAIN}`, value: '10 feedback-smtp.us-east-1.amazonses.com', purpose: 'mail_from' },
  { type: 'TXT', name: `mail.${DOMAIN}`, value: 'v=spf1 include:amazonses.com ~all', purpose: 'spf' },
  { type: 'TXT', name: `_dmarc.${DOMAIN}`, value: `v=DMARC1; p=none; rua=mailto:dmarc@${DOMAIN}`, purpose: 'dmarc' },
];

describe('the zone-file snippet of a domain’s DNS records', () => {
  it('writes one aligned line per record under a comment naming the domain, names absolute', () => {
    expect(zoneFileSnippet(DOMAIN, records)).toBe(
      [
        '; DNS records for mail.acme.example',
        'abc123._domainkey.mail.acme.example.  3600  IN  CNAME  abc123.dkim.amazonses.com.',
        'mail.mail.acme.example.               3600  IN  MX     10 feedback-smtp.us-east-1.amazonses.com.',
        'mail.mail.acme.example.               3600  IN  TXT    "v=spf1 include:amazonses.com ~all"',
        '_dmarc.mail.acme.example.             3600  IN  TXT    "v=DMARC1; p=none; rua=mailto:dmarc@mail.acme.example"',
        '',
      ].join('\n'),
    );
  });

  it('keeps names and targets that are already absolute as they are', () => {
    expect(zoneFileSnippet('links.acme.example', [{ type: 'CNAME', name: 'links.acme.example.', value: 'track.pivotal.example.' }], 300)).toBe(
      '; DNS records for links.acme.example\nlinks.acme.example.  300  IN  CNAME  track.pivotal.example.\n',
    );
  });

  it('quotes TXT data, escaping quotes and backslashes, and splits it into 255-character strings', () => {
    expect(zoneRecordData({ type: 'TXT', value: 'say "hi" \\ bye' })).toBe('"say \\"hi\\" \\\\ bye"');
    const long = 'k='.padEnd(300, 'x');
    expect(zoneRecordData({ type: 'TXT', value: long })).toBe(`"${long.slice(0, 255)}" "${long.slice(255)}"`);
    expect(zoneRecordData({ type: 'TXT', value: '' })).toBe('""');
  });

  it('writes an MX without a preference as a bare exchange', () => {
    expect(zoneRecordData({ type: 'MX', value: 'inbound.example.com' })).toBe('inbound.example.com.');
  });
});

// Reading what a client uploads: target-account lists (CSV or pasted lines) to registrable
// domains, and suppression lists to normalized emails, domains and E.164 phones, with every line
// that cannot be read reported by its line number and why.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/app-error';
import { parseSuppressions, parseTargets } from './parse-lists';

describe('parseTargets', () => {
  it('takes the domain column of a CSV with a BOM, quoted cells, URLs, www., subdomains and IDNs', () => {
    const csv = [
      '\uFEFFCompany,Website,Owner',
      '"Acme, Inc.",https://www.acme.com/about?x=1,Dana',
      'Globex,eu.shop.globex.co.uk,Lee',
      'München GmbH,münchen.de,Kim',
      '"Initech ""North""",http://INITECH.com:8080/,Sam',
    ].join('\r\n');
    const result = parseTargets({ csv });
    expect(result.domains).toEqual([
      { domain: 'acme.com', label: 'Acme, Inc.' },
      { domain: 'globex.co.uk', label: 'Globex' },
      { domain: 'xn--mnchen-3ya.de', label: 'München GmbH' },
      { domain: 'initech.com', label: 'Initech "North"' },
    ]);
    expect(result.invalid).toEqual([]);
    expect(result.duplicates).toBe(0);
  });

  it('reports junk lines with their line numbers and reasons, counts duplicates after normalising', () => {
    const csv = ['domain', 'acme.com', 'not a domain', '', 'www.acme.com', '10.0.0.1', 'foo.notatld', 'mail.acme.com', 'globex.com'].join('\n');
    const result = parseTargets({ csv });
    expect(result.domains.map((d) => d.domain)).toEqual(['acme.com', 'globex.com']);
    expect(result.duplicates).toBe(2);
    expect(result.invalid).toEqual([
      { line: 3, value: 'not a domain', reason: 'is not a domain or website' },
      { line: 6, value: '10.0.0.1', reason: 'is an IP address, not a company domain' },
      { line: 7, value: 'foo.notatld', reason: 'has no registrable domain (unknown suffix or not a domain)' },
    ]);
  });

  it('reads the first column when no column is named as a domain, with or without a header row', () => {
    expect(parseTargets({ csv: 'acme.com;Acme\nglobex.com;Globex' }).domains.map((d) => d.domain)).toEqual(['acme.com', 'globex.com']);
    expect(parseTargets({ csv: 'Account list\nacme.com\nglobex.com' }).domains.map((d) => d.domain)).toEqual(['acme.com', 'globex.com']);
  });

  it('numbers pasted lines from 1 and skips blank ones', () => {
    const result = parseTargets({ domains: ['acme.com', '  ', 'https://globex.com/x', 'junk', 'ACME.COM'] });
    expect(result.domains.map((d) => d.domain)).toEqual(['acme.com', 'globex.com']);
    expect(result.invalid).toEqual([{ line: 4, value: 'junk', reason: 'is not a domain or website' }]);
    expect(result.duplicates).toBe(1);
  });

  it('refuses more than 50 000 distinct domains, naming the field', () => {
    const csv = Array.from({ length: 50_001 }, (_, i) => `d${i}.com`).join('\n');
    try {
      parseTargets({ csv }, 'body');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).errors).toEqual([{ field: 'body.csv', message: 'holds 50001 domains: at most 50000 per order' }]);
    }
  });

  it('refuses a CSV it cannot read', () => {
    expect(() => parseTargets({ csv: 'domain\n"acme.com' }, 'body')).toThrow(/body\.csv/);
  });
});

describe('parseSuppressions', () => {
  it('reads email, domain and phone columns, normalises each and reports what it cannot read', () => {
    const csv = ['E-mail,Website,Phone', ' Dana@ACME.com ,https://www.globex.com/,(212) 555-0101', 'nope,acme.com,+44 20 7946 0958', ',,12', 'dana@acme.com,,'].join('\n');
    const result = parseSuppressions({ csv });
    expect(result.entries).toEqual([
      { kind: 'email', value: 'dana@acme.com' },
      { kind: 'domain', value: 'globex.com' },
      { kind: 'phone', value: '+12125550101' },
      { kind: 'domain', value: 'acme.com' },
      { kind: 'phone', value: '+442079460958' },
    ]);
    expect(result.invalid).toEqual([
      { line: 3, value: 'nope', reason: 'is not an email address' },
      { line: 4, value: '12', reason: 'is not a phone number (use the international format, +44…)' },
    ]);
    expect(result.duplicates).toBe(1);
  });

  it('needs a column it knows', () => {
    expect(() => parseSuppressions({ csv: 'name\nDana' })).toThrow(AppError);
  });

  it('takes entries as given, numbered from 1', () => {
    const result = parseSuppressions({ entries: [{ kind: 'domain', value: 'sub.acme.co.uk' }, { kind: 'email', value: 'x' }] });
    expect(result.entries).toEqual([{ kind: 'domain', value: 'acme.co.uk' }]);
    expect(result.invalid).toEqual([{ line: 2, value: 'x', reason: 'is not an email address' }]);
  });
});

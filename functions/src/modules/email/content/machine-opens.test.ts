// Opens and clicks by privacy proxies, scanners and bots are told from people's.
import { describe, expect, it } from 'vitest';
import { classifyClick, classifyOpen } from './machine-opens';

const IPHONE_MAIL = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';
const OUTLOOK = 'Mozilla/4.0 (compatible; ms-office; MSOffice 16)';
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const GMAIL_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const later = { ip: '203.0.113.9', secondsSinceSend: 3600 };

describe('classifyOpen', () => {
  it('counts a mail client opening an hour later as human', () => {
    expect(classifyOpen({ userAgent: IPHONE_MAIL, ...later }).verdict).toBe('human');
    expect(classifyOpen({ userAgent: OUTLOOK, ...later }).verdict).toBe('human');
  });

  it("counts Gmail's image proxy as human: it fetches when the person opens", () => {
    expect(classifyOpen({ userAgent: GMAIL_PROXY, ip: '66.249.84.1', secondsSinceSend: 120 })).toEqual({ verdict: 'human', reason: 'Google Image Proxy (fetches on open)' });
  });

  it("marks Apple Mail Privacy Protection's prefetch by its bare user agent or Apple's 17.0.0.0/8", () => {
    expect(classifyOpen({ userAgent: 'Mozilla/5.0', ...later })).toEqual({ verdict: 'machine', reason: 'Apple Mail Privacy Protection (proxy user agent)' });
    expect(classifyOpen({ userAgent: IPHONE_MAIL, ip: '17.58.101.3', secondsSinceSend: 600 }).reason).toBe('Apple Mail Privacy Protection (Apple address)');
    expect(classifyOpen({ userAgent: IPHONE_MAIL, ip: '::ffff:17.58.101.3', secondsSinceSend: 600 }).verdict).toBe('machine');
    expect(classifyOpen({ userAgent: IPHONE_MAIL, ip: '170.58.101.3', secondsSinceSend: 600 }).verdict).toBe('human');
  });

  it.each([
    ['Mozilla/5.0 (compatible; Barracuda Sentinel)', 'Barracuda'],
    ['Mimecast-URL-Protect/1.0', 'Mimecast'],
    ['Proofpoint URL Defense', 'Proofpoint'],
    ['Microsoft Office 365 SafeLinks', 'Microsoft Defender / Safe Links'],
    ['python-requests/2.31.0', 'an HTTP library'],
    ['Mozilla/5.0 (compatible; Googlebot/2.1)', 'a bot'],
  ])('marks the scanner %s', (userAgent, name) => {
    expect(classifyOpen({ userAgent, ...later })).toEqual({ verdict: 'machine', reason: `${name} (user agent)` });
  });

  it('marks an open within 2 s of sending, whatever the user agent, and one without a user agent', () => {
    expect(classifyOpen({ userAgent: CHROME, ip: '203.0.113.9', secondsSinceSend: 1.2 }).verdict).toBe('machine');
    expect(classifyOpen({ userAgent: GMAIL_PROXY, ip: '66.249.84.1', secondsSinceSend: 0 }).verdict).toBe('machine');
    expect(classifyOpen({ userAgent: CHROME, ip: '203.0.113.9', secondsSinceSend: 2 }).verdict).toBe('human');
    expect(classifyOpen({ userAgent: '', ...later })).toEqual({ verdict: 'machine', reason: 'no user agent' });
    expect(classifyOpen({ userAgent: null, ip: null, secondsSinceSend: null }).verdict).toBe('machine');
  });
});

describe('classifyClick', () => {
  it('counts a browser click as human, even from an Apple address', () => {
    expect(classifyClick({ userAgent: CHROME, ...later }).verdict).toBe('human');
    expect(classifyClick({ userAgent: IPHONE_MAIL, ip: '17.1.2.3', secondsSinceSend: 600 }).verdict).toBe('human');
  });

  it('marks a scanner following links, or a click within 2 s of sending', () => {
    expect(classifyClick({ userAgent: 'Mimecast-URL-Protect/1.0', ...later }).verdict).toBe('machine');
    expect(classifyClick({ userAgent: CHROME, ip: '203.0.113.9', secondsSinceSend: 0.4 }).verdict).toBe('machine');
    expect(classifyClick({ userAgent: undefined, ...later }).verdict).toBe('machine');
  });
});

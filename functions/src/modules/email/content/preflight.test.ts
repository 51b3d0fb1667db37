// Pre-flight items: the content checks on compiled content, one path per colour, and the items
// the campaign service adds.
import { describe, expect, it } from 'vitest';
import { newEmailDocument, saveEmailContentSchema, type PreflightItem } from '@shared/contracts/email-content';
import { compileContent } from './compile';
import { audienceItem, contentChecks, domainItem, dryRenderItem, summarisePreflight } from './preflight';

const FOOTER = '<p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>';
const SUBJECT = 'Your spring product update';

function checks(body: string, subject = SUBJECT, preheader = ''): PreflightItem[] {
  const html = `<!doctype html><html><body>${body}</body></html>`;
  return contentChecks({ compiled: { html, text: body.replace(/<[^>]+>/g, ' ').trim() }, subject, preheader });
}
const find = (items: PreflightItem[], id: string) => items.find((i) => i.id === id)!;

describe('contentChecks', () => {
  it('is all green for the default document with a good subject', async () => {
    const compiled = await compileContent(saveEmailContentSchema.parse({ mode: 'blocks', document: newEmailDocument(), subject: SUBJECT, preheader: 'What is new' }), {
      assetUrl: (k) => `https://assets.example/${k}`,
    });
    const items = contentChecks({ compiled, subject: compiled.subject, preheader: compiled.preheader });
    expect(items.map((i) => [i.id, i.status])).toEqual([
      ['unsubscribe', 'green'],
      ['links', 'green'],
      ['images', 'green'],
      ['subject', 'green'],
      ['spam_words', 'green'],
      ['plain_text', 'green'],
    ]);
    expect(summarisePreflight(items)).toBe('green');
  });

  it('is red without an unsubscribe or preferences link', () => {
    const item = find(checks('<p>Hello</p><a href="https://pivotal.example">Site</a>'), 'unsubscribe');
    expect(item.status).toBe('red');
    expect(item.reason).toContain('{{ unsubscribe_url }}');
    expect(find(checks(`<p>Hello</p><a href="{{ preferences_url }}">Preferences</a>`), 'unsubscribe').status).toBe('green');
  });

  it.each([
    {
      what: 'red for http, javascript: and malformed links',
      id: 'links',
      status: 'red',
      body: `<a href="http://pivotal.example/a">a</a><a href="javascript:alert(1)">b</a><a href="https://">c</a><a href="https://localhost/x">d</a><a href="https://ok.example/{{ contact.first_name }}">e</a><a href="mailto:x@y.example">f</a>${FOOTER}`,
      details: ['http://pivotal.example/a — not https', 'javascript:alert(1) — javascript: links are not allowed', 'https:// — not a complete URL', 'https://localhost/x — malformed'],
    },
    {
      what: 'amber for images without alt text or not on https',
      id: 'images',
      status: 'amber',
      body: `<img src="https://a.example/1.png"><img src="https://a.example/2.png" alt=" "><img src="http://a.example/3.png" alt="Three"><img src="https://a.example/4.png" alt="Four">${FOOTER}`,
      details: ['https://a.example/1.png — no alt text', 'https://a.example/2.png — no alt text', 'http://a.example/3.png — not https'],
    },
    {
      what: 'amber for spam triggers, naming each and where it was found',
      id: 'spam_words',
      status: 'amber',
      body: `<p>Act now to claim your cash bonus!!!</p>${FOOTER}`,
      subject: 'WINNER: FREE MONEY INSIDE $$$',
      preheader: 'No obligation, click here',
      details: [
        '"free money" in the subject',
        '"winner" in the subject',
        '"$$$" in the subject',
        '"click here" in the preheader',
        '"no obligation" in the preheader',
        '"act now" in the body',
        '"cash bonus" in the body',
        '"!!!" in the body',
        '"subject in capitals" in the subject',
      ],
    },
  ])('is $what, and lists what it found', ({ id, status, body, subject, preheader, details }) => {
    expect(find(checks(body, subject, preheader), id)).toMatchObject({ status, details });
  });

  it('checks a link written by a merge field as the sample contact would get it', () => {
    expect(find(checks(`<a href="{{ contact.linkedin_url }}">Profile</a>${FOOTER}`), 'links').status).toBe('green');
    expect(find(checks(`<a href="{{ contact.first_name }}">Name</a>${FOOTER}`), 'links').status).toBe('red');
  });

  it('is red for an empty subject, amber for a short or long one, measured as the sample contact gets it', () => {
    expect(find(checks(FOOTER, '  '), 'subject').status).toBe('red');
    expect(find(checks(FOOTER, 'Hi'), 'subject').status).toBe('amber');
    expect(find(checks(FOOTER, 'An update on everything we shipped this spring, and what is next for you'), 'subject').status).toBe('amber');
    expect(find(checks(FOOTER, '{{ contact.first_name }}, news'), 'subject')).toMatchObject({ status: 'green', reason: '10 characters.' });
  });

  it('does not mistake words that merely contain a trigger', () => {
    expect(find(checks(`<p>The winners' circle and the freelance money guide</p>${FOOTER}`), 'spam_words').status).toBe('green');
  });

  it('is red when the plain-text part is empty', () => {
    expect(contentChecks({ compiled: { html: '<html><body></body></html>', text: ' \n ' }, subject: SUBJECT, preheader: '' }).find((i) => i.id === 'plain_text')!.status).toBe('red');
  });
});

describe('summarisePreflight', () => {
  const of = (...statuses: PreflightItem['status'][]) => statuses.map((status, i) => ({ id: `${i}`, label: 'x', status, reason: 'x' }));

  it('is the worst status', () => {
    expect(summarisePreflight([])).toBe('green');
    expect(summarisePreflight(of('green', 'amber', 'green'))).toBe('amber');
    expect(summarisePreflight(of('amber', 'red', 'green'))).toBe('red');
  });
});

describe('items the campaign service adds', () => {
  it('audience: counts exclusions by reason with their labels, red when nobody is admitted', () => {
    const item = audienceItem({ admitted: 1200, excludedByReason: { suppressed_email: 12, contact_frequency: 30, no_email: 0, custom_reason: 1 } });
    expect(item).toEqual({
      id: 'audience',
      label: 'Audience',
      status: 'green',
      reason: '1,200 recipients; 43 left out.',
      details: ['Over a frequency limit: 30', 'Email address suppressed: 12', 'custom_reason: 1'],
    });
    expect(audienceItem({ admitted: 0, excludedByReason: { opted_out: 5 } }).status).toBe('red');
  });

  it('sender domain: red until DKIM is verified', () => {
    expect(domainItem({ domain: 'news.pivotal.example', dkimVerified: false })).toMatchObject({ status: 'red', reason: expect.stringContaining('news.pivotal.example') });
    expect(domainItem({ domain: 'news.pivotal.example', dkimVerified: true }).status).toBe('green');
  });

  it('dry render: red with each failing recipient, listing at most fifty', () => {
    const failures = Array.from({ length: 53 }, (_, i) => ({ contactId: `c${i}`, email: `p${i}@x.example`, reason: 'html: memory alloc limit exceeded' }));
    const item = dryRenderItem({ failures, total: 200 });
    expect(item.status).toBe('red');
    expect(item.reason).toBe('53 of 200 recipients failed to render.');
    expect(item.details![0]).toBe('p0@x.example (c0): html: memory alloc limit exceeded');
    expect(item.details!.at(-1)).toBe('… and 3 more');
    expect(dryRenderItem({ failures: [], total: 200 })).toMatchObject({ status: 'green', reason: 'All 200 recipients render.' });
  });
});

// Saved content compiles once into the HTML and text every send reuses: blocks through MJML,
// author HTML through the sanitizer, and Liquid checked and kept intact on the way.
import { describe, expect, it } from 'vitest';
import { newEmailDocument, saveEmailContentSchema, type SaveEmailContentInput } from '@shared/contracts/email-content';
import { compileContent } from './compile';
import { mergeContext } from './merge-fields';
import { compileMjml } from './mjml-compiler';
import { createPersonalizer } from './personalize';

const assetUrl = (key: string) => `https://assets.pivotal.example/${key}`;
const compile = (input: SaveEmailContentInput) => compileContent(saveEmailContentSchema.parse(input), { assetUrl });

const alex = mergeContext({
  contact: { firstName: 'Alex', lastName: 'Morgan', email: 'alex@northwind.example' },
  account: { name: 'Northwind' },
  campaign: { name: 'Spring update' },
  sender: { fromName: 'Pivotal Demo', postalAddress: '100 Main St, Springfield' },
  links: { unsubscribeUrl: 'https://t.pivotal.example/u/abc', preferencesUrl: 'https://t.pivotal.example/p/abc' },
});

function blocksInput(): SaveEmailContentInput {
  const document = newEmailDocument();
  document.sections[0]!.columns[0]!.blocks.push(
    { id: 'logo', type: 'image', src: 'asset:brand/logo.png', alt: 'Northwind logo', href: 'https://northwind.example' },
    { id: 'rule', type: 'divider', color: '#e5e7eb', thickness: 2 },
    { id: 'gap', type: 'spacer', height: 24 },
  );
  const button = document.sections[0]!.columns[0]!.blocks.find((b) => b.type === 'button')!;
  Object.assign(button, { label: 'See {{ account.name | default: "your" }} report', href: 'https://pivotal.example/report?who={{ contact.email }}' });
  return { mode: 'blocks', document, subject: 'News for {{ contact.first_name | default: "you" }}', preheader: 'What changed at {{ account.name }}' };
}

describe('compiling a block document', () => {
  it('writes the heading, the button link and the footer unsubscribe link into the HTML', async () => {
    const compiled = await compile(blocksInput());
    expect(compiled.issues).toEqual([]);
    expect(compiled.mjml).toContain('<mj-button');
    expect(compiled.html).toContain('Hi {{ contact.first_name');
    expect(compiled.html).toMatch(/<a href="https:\/\/pivotal\.example\/report\?who=\{\{ contact\.email \}\}"/);
    expect(compiled.html).toContain('href="{{ unsubscribe_url }}"');
    expect(compiled.html).toContain('src="https://assets.pivotal.example/brand/logo.png"');
    expect(compiled.html).toContain('What changed at {{ account.name }}');
  });

  it('keeps Liquid through MJML so each recipient gets their own greeting, link and footer', async () => {
    const compiled = await compile(blocksInput());
    const message = createPersonalizer(compiled).render(alex);
    expect(message.subject).toBe('News for Alex');
    for (const part of ['Hi Alex,', 'See Northwind report', 'href="https://pivotal.example/report?who=alex@northwind.example"', 'href="https://t.pivotal.example/u/abc"', '100 Main St, Springfield']) {
      expect(message.html).toContain(part);
    }
  });

  it('writes a plain-text part with links as text [url] and no images', async () => {
    const compiled = await compile(blocksInput());
    const text = createPersonalizer(compiled).render(alex).text;
    expect(text).toContain('Hi Alex,');
    expect(text).toContain('See Northwind report [https://pivotal.example/report?who=alex@northwind.example]');
    expect(text).toContain('Unsubscribe [https://t.pivotal.example/u/abc]');
    expect(text).not.toContain('logo.png');
    expect(text).not.toContain('What changed at');
  });

  it('strips markup a text block may not hold', async () => {
    const input = blocksInput();
    (input.document!.sections[0]!.columns[0]!.blocks[1] as { html: string }).html =
      '<p onclick="steal()">Hello <b>there</b><script>alert(1)</script><img src="https://x.example/a.png"> <a href="javascript:alert(1)">x</a></p>';
    const compiled = await compile(input);
    expect(compiled.html).toContain('<p>Hello <strong>there</strong>');
    expect(compiled.html).not.toMatch(/onclick|<script|alert\(1\)|x\.example\/a\.png|javascript:/);
  });
});

describe('compiling author HTML', () => {
  const html = (body: string): SaveEmailContentInput => ({ mode: 'html', html: body, subject: 'A subject line', preheader: 'Read me first' });

  it('removes scripts, event handlers, javascript: links and unsafe CSS, and keeps email layout', async () => {
    const compiled = await compile(
      html(
        '<html><head><title>Leak</title><style>body{}</style></head><body>' +
          '<table width="600" cellpadding="0" style="width:600px;background-image:url(https://evil.example/x)"><tr><td align="center" style="color:#333333;padding:8px">Cell</td></tr></table>' +
          '<p onclick="steal()" onmouseover="x()">Hi {{ contact.first_name }}</p><script>alert(1)</script><iframe src="https://evil.example"></iframe>' +
          '<form action="https://evil.example"><input name="q"></form>' +
          '<a href="javascript:alert(1)">bad</a> <a href="https://ok.example">good</a> <a href="mailto:hi@ok.example">mail</a> <a href="{{ unsubscribe_url }}">Unsubscribe</a>' +
          '<img src="https://ok.example/i.png" alt="Picture" onerror="x()"></body></html>',
      ),
    );
    expect(compiled.html).not.toMatch(/<script|alert\(1\)|onclick|onmouseover|onerror|<iframe|<form|<input|javascript:|evil\.example|Leak/);
    const kept = [
      '<table width="600" cellpadding="0" style="width:600px">',
      '<td align="center" style="color:#333333;padding:8px">Cell</td>',
      '<a href="https://ok.example">good</a>',
      '<a href="mailto:hi@ok.example">mail</a>',
      '<a href="{{ unsubscribe_url }}">Unsubscribe</a>',
      '<img src="https://ok.example/i.png" alt="Picture" />',
    ];
    for (const part of kept) expect(compiled.html).toContain(part);
    expect(compiled.mjml).toBeNull();
  });

  it('hides the preheader at the top of the body and leaves it out of the plain text', async () => {
    const compiled = await compile(html('<p>Body text</p>'));
    expect(compiled.html).toMatch(/<body>\n<div style="display:none;[^"]*">Read me first<\/div>\n<p>Body text<\/p>/);
    expect(compiled.text).toBe('Body text');
  });

  it('keeps Liquid comparisons as written', async () => {
    const compiled = await compile(html('<p>{% if contact.months_in_role > 12 %}Veteran{% endif %}</p>'));
    expect(compiled.html).toContain('{% if contact.months_in_role > 12 %}Veteran{% endif %}');
    expect(compiled.issues).toEqual([]);
  });
});

describe('save-time Liquid checks', () => {
  const html = (body: string, subject = 'A subject line'): SaveEmailContentInput => ({ mode: 'html', html: body, subject, preheader: '' });

  it('names the field and the unknown merge field of a typo', async () => {
    const compiled = await compile(html('<p>Hello</p>', 'Hi {{ contact.frist_name }}'));
    expect(compiled.issues).toEqual([{ field: 'subject', reason: 'unknown merge field "contact.frist_name"', line: 1 }]);
  });

  it('accepts a default on a field and the size of a value', async () => {
    const compiled = await compile(html('<p>Hi {{ contact.first_name | default: "there" }} ({{ contact.first_name.size }})</p>'));
    expect(compiled.issues).toEqual([]);
  });

  it('reports prototype paths as unknown fields', async () => {
    const compiled = await compile(html('<p>{{ contact.constructor }}{{ contact.__proto__ }}</p>'));
    expect(compiled.issues.map((i) => i.reason)).toEqual(['unknown merge field "contact.constructor"', 'unknown merge field "contact.__proto__"']);
  });

  const lineOf = (source: string, line: number | undefined) => source.split('\n')[(line ?? 0) - 1];

  it.each([
    ['an unknown field in a branch the sample would not render', '<p>Hello</p>\n<p>{% if false %}{{ account.revenu }}{% endif %}</p>', /^unknown merge field "account\.revenu"$/, '{{ account.revenu }}'],
    ['a syntax error', '<p>one</p>\n<p>{% if contact.city %}two</p>', /^Liquid syntax: tag \{% if contact\.city %\} not closed/, '{% if contact.city %}'],
    ['an unescaped output', '<p>{{ contact.job_title | raw }}</p>', /^"\{\{ contact\.job_title \| raw \}\}" writes a value without escaping it: remove "\| raw"$/, '| raw'],
  ])('reports %s once, on the html field, at its line in the compiled HTML', async (_, body, reason, onLine) => {
    const compiled = await compile(html(body));
    expect(compiled.issues).toEqual([{ field: 'html', reason: expect.stringMatching(reason), line: expect.any(Number) }]);
    expect(lineOf(compiled.html, compiled.issues[0]!.line)).toContain(onLine);
  });

  it('never reads a file: include and render find nothing', async () => {
    const compiled = await compile(html('<p>{% include "/etc/hostname" %}</p>'));
    expect(compiled.issues).toEqual([expect.objectContaining({ field: 'html', reason: expect.stringContaining('Failed to lookup') })]);
  });

  it('reports MJML validation problems on the mjml field, and still compiles', async () => {
    const result = await compileMjml('<mjml><mj-body><mj-section><mj-column>\n<mj-bogus />\n<mj-text>{{ contact.first_name }}</mj-text></mj-column></mj-section></mj-body></mjml>');
    expect(result.issues).toEqual([{ field: 'mjml', reason: expect.stringContaining('mj-bogus'), line: 2 }]);
    expect(result.html).toContain('{{ contact.first_name }}');
  });
});

import { describe, expect, it } from 'vitest';
import { renderScript } from './script-merge';

const contact = {
  firstName: 'Alex',
  lastName: 'Morgan',
  jobTitle: 'Head of <b>Marketing</b>',
  account: { id: '0193a1c2-0000-7000-8000-000000000001', name: 'Northwind & Co', domain: 'northwind.example' },
} as const;

describe('a campaign script on the console', () => {
  it('fills contact and account fields from the catalog’s snake_case keys', () => {
    const html = '<p>Hi {{ contact.first_name }}, this is {{ agent.first_name }} calling about {{ account.name }}.</p>';
    expect(renderScript(html, { contact, agentName: 'Sam' })).toBe('<p>Hi Alex, this is Sam calling about Northwind &amp; Co.</p>');
  });

  it('uses the fallback when the contact has no value, and nothing when there is no fallback', () => {
    const html = '<p>Hi {{ contact.first_name | default: "there" }}, {{ contact.city }}!</p>';
    expect(renderScript(html, { contact: { account: null } })).toBe('<p>Hi there, !</p>');
  });

  it('escapes the contact’s data so it cannot add markup', () => {
    expect(renderScript('<p>{{ contact.job_title }}</p>', { contact })).toBe('<p>Head of &lt;b&gt;Marketing&lt;/b&gt;</p>');
  });

  it('reads an escaped quote in a fallback', () => {
    expect(renderScript('{{ contact.nickname | default: "the \\"boss\\"" }}', { contact })).toBe('the &quot;boss&quot;');
  });

  it('leaves the script alone when nobody is on the line except for fallbacks', () => {
    expect(renderScript('<h2>Opening</h2><p>Ask for {{ contact.full_name | default: "the marketing lead" }}.</p>', { contact: null })).toBe(
      '<h2>Opening</h2><p>Ask for the marketing lead.</p>',
    );
  });
});

describe('content links in a script', () => {
  const links = { buyers_guide: 'https://crm.example.com/r/Ab3dE5gH9k.abcdefghijklmnop' };

  it('reads the fallback the API stores single-quoted', () => {
    expect(renderScript("<p>Hi {{ contact.first_name | default: 'there' }}</p>", { contact: { account: null } })).toBe('<p>Hi there</p>');
    expect(renderScript("<p>Hi {{ contact.first_name | default: 'there' }}</p>", { contact })).toBe('<p>Hi Alex</p>');
  });

  it('shows the contact’s tracking URL as text with a slot for its copy button, never as a live link', () => {
    expect(renderScript('<p>Send {{ content.buyers_guide }}.</p>', { contact, contentLinks: links })).toBe(
      '<p>Send <span class="script-link" data-content-link="buyers_guide"><span class="script-link-url">https://crm.example.com/r/Ab3dE5gH9k.abcdefghijklmnop</span><span data-copy-slot="buyers_guide"></span></span>.</p>',
    );
  });

  it('puts the bare URL, escaped, in an attribute and inside a link the author wrote', () => {
    const html = '<p><a href="{{ content.buyers_guide }}">{{ content.buyers_guide }}</a> then {{ content.buyers_guide }}</p>';
    const withQuote = { buyers_guide: 'https://crm.example.com/r/x"y' };
    expect(renderScript(html, { contact, contentLinks: withQuote })).toBe(
      '<p><a data-tracked-link="" href="https://crm.example.com/r/x&quot;y">https://crm.example.com/r/x&quot;y</a> then <span class="script-link" data-content-link="buyers_guide"><span class="script-link-url">https://crm.example.com/r/x&quot;y</span><span data-copy-slot="buyers_guide"></span></span></p>',
    );
  });

  it('says a link is loading, or not available, unless the author gave a fallback', () => {
    expect(renderScript('<p>{{ content.buyers_guide }}</p>', { contact, contentLinks: 'loading' })).toBe('<p><span class="script-link-missing">loading link…</span></p>');
    expect(renderScript('<p>{{ content.buyers_guide }}</p>', { contact, contentLinks: {} })).toBe('<p><span class="script-link-missing">link not available</span></p>');
    expect(renderScript("<p>{{ content.buyers_guide | default: 'our guide' }}</p>", { contact, contentLinks: {} })).toBe('<p>our guide</p>');
    expect(renderScript('<p><a href="{{ content.buyers_guide }}">guide</a></p>', { contact: null })).toBe('<p><a data-tracked-link="" href="">guide</a></p>');
  });

  it('marks only the links the author pointed at a content link, for the console to keep shut', () => {
    const html = '<p><a href="https://acme.example/{{ contact.first_name }}">site</a> <a href="{{ content.buyers_guide }}">guide</a></p>';
    expect(renderScript(html, { contact, contentLinks: links })).toBe(
      `<p><a href="https://acme.example/Alex">site</a> <a data-tracked-link="" href="${links.buyers_guide}">guide</a></p>`,
    );
  });

  it('fills a Liquid output inside an attribute even when its fallback holds a closing bracket', () => {
    expect(renderScript(`<p title="{{ contact.nickname | default: 'a > b' }}">x</p>`, { contact })).toBe('<p title="a &gt; b">x</p>');
  });
});

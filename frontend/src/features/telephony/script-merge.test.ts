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

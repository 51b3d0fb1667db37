// Each recipient's copy: parsed once, rendered per context, values escaped in the HTML only,
// defaults for empty values, nothing reachable beyond the context's own properties.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/app-error';
import { mergeContext, type MergeInput } from './merge-fields';
import { createPersonalizer, renderLinkTarget } from './personalize';

function contextFor(contact: Record<string, unknown> | null, account: Record<string, unknown> | null = null) {
  const input: MergeInput = {
    contact,
    account,
    campaign: { name: 'Spring update' },
    sender: { fromName: 'Pivotal Demo', postalAddress: '100 Main St' },
    links: { unsubscribeUrl: 'https://t.example/u/1', preferencesUrl: 'https://t.example/p/1' },
  };
  return mergeContext(input);
}

describe('createPersonalizer', () => {
  const greeting = createPersonalizer({
    subject: 'Hi {{ contact.first_name | default: "there" }}',
    html: '<p>Hi {{ contact.first_name | default: "there" }}, from {{ account.name | default: "us" }}</p>',
    text: 'Hi {{ contact.first_name | default: "there" }}',
  });

  it('renders "there" when the first name is empty, missing or absent', () => {
    for (const contact of [{ firstName: '' }, { firstName: null }, {}, null]) {
      expect(greeting.render(contextFor(contact))).toEqual({ subject: 'Hi there', html: '<p>Hi there, from us</p>', text: 'Hi there' });
    }
  });

  it('renders the contact and account values when present', () => {
    expect(greeting.render(contextFor({ firstName: 'Dana' }, { name: 'Globex' })).html).toBe('<p>Hi Dana, from Globex</p>');
  });

  it('escapes values in the HTML but not in the subject and plain text', () => {
    const message = greeting.render(contextFor({ firstName: '<b>Tom & "Jerry"</b>' }));
    expect(message.html).toBe('<p>Hi &lt;b&gt;Tom &amp; &#34;Jerry&#34;&lt;/b&gt;, from us</p>');
    expect(message.subject).toBe('Hi <b>Tom & "Jerry"</b>');
    expect(message.text).toBe('Hi <b>Tom & "Jerry"</b>');
  });

  it('keeps the subject on one line whatever a value holds', () => {
    expect(greeting.render(contextFor({ firstName: 'Dana\r\nBcc: x@evil.example' })).subject).toBe('Hi Dana Bcc: x@evil.example');
  });

  it('reaches nothing through prototypes', () => {
    const probe = createPersonalizer({
      subject: '[{{ contact.constructor }}][{{ contact.__proto__ }}][{{ contact.toString }}][{{ constructor.name }}]',
      html: '[{{ contact.hasOwnProperty }}][{{ account["__proto__"] }}]',
      text: '',
    });
    const message = probe.render(contextFor({ firstName: 'Dana' }));
    expect(message.subject).toBe('[][][][]');
    expect(message.html).toBe('[][]');
  });

  it("throws an error naming the part when one recipient's values break the render limits", () => {
    const stars = createPersonalizer({ subject: 'ok', html: '<p>{% for i in (1..contact.months_in_role) %}*{% endfor %}</p>', text: '' });
    expect(stars.render(contextFor({ monthsInRole: 3 })).html).toBe('<p>***</p>');
    let caught: unknown;
    try {
      stars.render(contextFor({ monthsInRole: 500_000_000 }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).errors).toEqual([{ field: 'html', message: expect.stringContaining('memory alloc limit exceeded') }]);
    expect((caught as AppError).message).toMatch(/^html: could not render the template/);
  });

  it('names the part whose template does not parse', () => {
    expect(() => createPersonalizer({ subject: '{{ contact.first_name', html: '', text: '' })).toThrow(/^subject: could not parse the template/);
  });

  it('never reads a file', () => {
    const probe = createPersonalizer({ subject: '', html: '{% render "package.json" %}', text: '' });
    expect(() => probe.render(contextFor(null))).toThrow(/^html: could not render/);
  });
});

describe('renderLinkTarget', () => {
  it('renders a link written with Liquid for one recipient, without HTML escaping', () => {
    const context = contextFor({ email: 'dana+news@globex.example', firstName: 'Dana' });
    expect(renderLinkTarget('https://globex.example/?e={{ contact.email | url_encode }}&n={{ contact.first_name }}', context)).toBe(
      'https://globex.example/?e=dana%2Bnews%40globex.example&n=Dana',
    );
  });
});

// Tracking tokens verify only as signed, and a prepared template gives each recipient their own
// click URLs and open pixel while leaving mail, phone, in-page and unsubscribe links alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPersonalizer } from './personalize';
import { prepareTracking, signTrackingToken, verifyTrackingToken, type TrackingPayload } from './tracking';

const SECRET = 'tracking-secret-for-tests-0123456789';
const CAMPAIGN = '0190f5d2-8c1e-7a4b-9f00-1234567890ab';
const RECIPIENT = '0190f5d2-8c1e-7a4b-9f00-abcdefabcdef';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('tracking tokens', () => {
  const payloads: TrackingPayload[] = [
    { k: 'o', c: CAMPAIGN, r: RECIPIENT },
    { k: 'c', c: CAMPAIGN, r: RECIPIENT, l: 0 },
    { k: 'c', c: CAMPAIGN, r: '184467', l: 65535 },
    { k: 'u', c: CAMPAIGN, r: 'recipient-ü' },
  ];

  it('verify to the payload they were signed with', () => {
    for (const payload of payloads) expect(verifyTrackingToken(SECRET, signTrackingToken(SECRET, payload))).toEqual(payload);
  });

  it('are compact base64url', () => {
    const token = signTrackingToken(SECRET, { k: 'c', c: CAMPAIGN, r: RECIPIENT, l: 3 });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.length).toBeLessThanOrEqual(68);
  });

  it('give the campaign and a uuid recipient back in lower case', () => {
    const token = signTrackingToken(SECRET, { k: 'o', c: CAMPAIGN.toUpperCase(), r: RECIPIENT.toUpperCase() });
    expect(verifyTrackingToken(SECRET, token)).toEqual({ k: 'o', c: CAMPAIGN, r: RECIPIENT });
  });

  it('do not verify under another secret', () => {
    const token = signTrackingToken(SECRET, payloads[1]!);
    expect(verifyTrackingToken(`${SECRET}x`, token)).toBeNull();
    expect(verifyTrackingToken('', token)).toBeNull();
  });

  it('do not verify once any character is changed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...payloads),
        fc.nat(),
        fc.constantFrom(...BASE64URL),
        (payload, at, replacement) => {
          const token = signTrackingToken(SECRET, payload);
          const index = at % token.length;
          fc.pre(token[index] !== replacement);
          const altered = token.slice(0, index) + replacement + token.slice(index + 1);
          expect(verifyTrackingToken(SECRET, altered)).toBeNull();
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('do not verify when every character is changed in turn, cut short or extended', () => {
    const token = signTrackingToken(SECRET, payloads[2]!);
    for (let i = 0; i < token.length; i++) {
      for (const c of BASE64URL) {
        if (c !== token[i]) expect(verifyTrackingToken(SECRET, token.slice(0, i) + c + token.slice(i + 1))).toBeNull();
      }
    }
    expect(verifyTrackingToken(SECRET, token.slice(0, -1))).toBeNull();
    expect(verifyTrackingToken(SECRET, `${token}A`)).toBeNull();
    expect(verifyTrackingToken(SECRET, `${token}=`)).toBeNull();
  });

  it('never throw on anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...BASE64URL), maxLength: 120 })), (junk) => {
        expect(verifyTrackingToken(SECRET, junk)).toBeNull();
      }),
      { numRuns: 2000 },
    );
    expect(verifyTrackingToken(SECRET, undefined as unknown as string)).toBeNull();
  });

  it('refuse to sign what they cannot carry', () => {
    expect(() => signTrackingToken(SECRET, { k: 'o', c: 'not-a-uuid', r: RECIPIENT })).toThrow(/campaign id/);
    expect(() => signTrackingToken(SECRET, { k: 'c', c: CAMPAIGN, r: RECIPIENT, l: 70_000 })).toThrow(/link index/);
    expect(() => signTrackingToken(SECRET, { k: 'c', c: CAMPAIGN, r: '' })).toThrow(/recipient id/);
    expect(() => signTrackingToken('', { k: 'o', c: CAMPAIGN, r: RECIPIENT })).toThrow(/secret/);
  });
});

const TEMPLATE = `<!doctype html><html><body>
<p>Hi {{ contact.first_name }}</p>
<a href="https://pivotal.example/pricing?utm=a&amp;b=1">Pricing</a>
<a class="btn" href='https://pivotal.example/demo?e={{ contact.email }}'>Demo</a>
<a href="mailto:sales@pivotal.example">Mail us</a>
<a href="tel:+15125550100">Call</a>
<a href="#top">Top</a>
<a href="https://pivotal.example/private" data-notrack>Not tracked</a>
<a href="{{ unsubscribe_url }}">Unsubscribe</a>
<a href="{{ preferences_url }}">Preferences</a>
{% if contact.city %}<a href="https://pivotal.example/events/{{ contact.city | downcase }}">Events near you</a>{% endif %}
<a href="https://pivotal.example/pricing?utm=a&amp;b=1">Pricing again</a>
</body></html>`;

function contextFor(firstName: string, email: string, city: string | null) {
  return { contact: { first_name: firstName, email, city }, unsubscribe_url: `https://t.example/u/${firstName}`, preferences_url: `https://t.example/p/${firstName}` };
}

function sendTo(recipient: string, context: Record<string, unknown>) {
  const prepared = prepareTracking(TEMPLATE);
  const message = createPersonalizer({ subject: '', html: prepared.html, text: '' }).render(context);
  const clicks: Array<{ index: number; target: string }> = [];
  const html = prepared.render(message.html, {
    click: (link) => {
      clicks.push(link);
      return `https://t.example/c/${signTrackingToken(SECRET, { k: 'c', c: CAMPAIGN, r: recipient, l: link.index })}`;
    },
    open: `https://t.example/o/${signTrackingToken(SECRET, { k: 'o', c: CAMPAIGN, r: recipient })}.gif`,
  });
  return { prepared, html, clicks };
}

const tokensIn = (html: string, kind: 'c' | 'o') => [...html.matchAll(new RegExp(`https://t\\.example/${kind}/([A-Za-z0-9_-]+)`, 'g'))].map((m) => verifyTrackingToken(SECRET, m[1]!));

describe('prepareTracking', () => {
  it('lists the trackable links in template order, skipping mail, phone, anchors, no-track and the subscription pages', () => {
    expect(prepareTracking(TEMPLATE).links).toEqual([
      { index: 0, url: 'https://pivotal.example/pricing?utm=a&b=1' },
      { index: 1, url: 'https://pivotal.example/demo?e={{ contact.email }}' },
      { index: 2, url: 'https://pivotal.example/events/{{ contact.city | downcase }}' },
      { index: 3, url: 'https://pivotal.example/pricing?utm=a&b=1' },
    ]);
  });

  it("points each tracked link at the recipient's own signed click URL", () => {
    const { html, clicks } = sendTo('r-1', contextFor('Dana', 'dana@globex.example', 'Austin'));
    expect(tokensIn(html, 'c')).toEqual([0, 1, 2, 3].map((l) => ({ k: 'c', c: CAMPAIGN, r: 'r-1', l })));
    expect(clicks).toEqual([
      { index: 0, target: 'https://pivotal.example/pricing?utm=a&b=1' },
      { index: 1, target: 'https://pivotal.example/demo?e=dana@globex.example' },
      { index: 2, target: 'https://pivotal.example/events/austin' },
      { index: 3, target: 'https://pivotal.example/pricing?utm=a&b=1' },
    ]);
    expect(html).toContain(`<a class="btn" href='https://t.example/c/`);
  });

  it('leaves the untracked links exactly as the recipient would have them', () => {
    const { html } = sendTo('r-1', contextFor('Dana', 'dana@globex.example', 'Austin'));
    for (const kept of ['href="mailto:sales@pivotal.example"', 'href="tel:+15125550100"', 'href="#top"', 'href="https://pivotal.example/private" data-notrack', 'href="https://t.example/u/Dana"', 'href="https://t.example/p/Dana"']) {
      expect(html).toContain(kept);
    }
    for (const marker of ['\u0001', '\u0002', '\u0003']) expect(html).not.toContain(marker);
  });

  it('keeps link numbers when a conditional link is left out for a recipient', () => {
    const { html } = sendTo('r-2', contextFor('Lee', 'lee@initech.example', null));
    expect(tokensIn(html, 'c').map((t) => t!.l)).toEqual([0, 1, 3]);
    expect(html).not.toContain('Events near you');
  });

  it('adds one open pixel just before </body>', () => {
    const { html } = sendTo('r-1', contextFor('Dana', 'dana@globex.example', 'Austin'));
    expect(html).toMatch(/<img src="https:\/\/t\.example\/o\/[A-Za-z0-9_-]+\.gif" width="1" height="1" alt="" [^>]*\/><\/body><\/html>$/);
    expect(tokensIn(html, 'o')).toEqual([{ k: 'o', c: CAMPAIGN, r: 'r-1' }]);
  });

  it('leaves a Liquid href alone when it renders to something other than a web link', () => {
    const prepared = prepareTracking('<a href="{{ link }}">x</a>');
    expect(prepared.links).toEqual([{ index: 0, url: '{{ link }}' }]);
    const message = createPersonalizer({ subject: '', html: prepared.html, text: '' }).render({ link: 'mailto:a@b.example' });
    expect(prepared.render(message.html, { click: () => 'https://t.example/c/x', open: 'https://t.example/o/x' })).toBe(
      '<a href="mailto:a@b.example">x</a><img src="https://t.example/o/x" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0;" />',
    );
  });

  it('does not track javascript: or relative links', () => {
    expect(prepareTracking('<a href="javascript:alert(1)">x</a><a href="/relative">y</a>').links).toEqual([]);
  });
});

// The small public pages of tracking links: a text asset's landing page (its current version as
// plain paragraphs: the copy is the author's text, never HTML trusted from the library) and the
// plain "link not found" page. No script; the product's look in light and dark.
import sanitizeHtml from 'sanitize-html';
import { publicPage } from '../../../http/public-page';

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const STYLE = `
:root { color-scheme: light dark; --bg: #f6f7fb; --card: #ffffff; --text: #161a2b; --muted: #5b6275; --accent: #0f9f95; --border: #dde1ec; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1020; --card: #161a2e; --text: #eef0f8; --muted: #a4aac0; --accent: #2cc6b8; --border: #2a3050; } }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: var(--bg); color: var(--text);
  font: 16px/1.6 Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { width: min(42rem, calc(100% - 2rem)); margin: 2rem 0; background: var(--card); border: 1px solid var(--border); border-radius: 12px; padding: 2rem; border-top: 4px solid var(--accent); }
h1 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 1rem; }
p { margin: 0 0 1rem; }
.muted { color: var(--muted); }
`;

const page = (title: string, body: string): string => publicPage({ title, style: STYLE, body });

/** Text of a body that may be HTML (an email template): tags dropped, block ends kept as line breaks. */
function plainText(body: string): string {
  const spaced = body.replace(/<\/(p|div|h[1-6]|li|tr)>|<br\s*\/?>/gi, '$&\n');
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;/g, ' ');
}

/** A text asset's landing page: its title, then its copy as paragraphs. */
export function landingPage(input: { title: string; subject: string | null; body: string | null; html: boolean }): string {
  const text = input.body ? (input.html ? plainText(input.body) : input.body) : '';
  const paragraphs = text
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeText(p).replace(/\n/g, '<br>')}</p>`);
  const heading = input.subject?.trim() || input.title;
  return page(heading, `<h1>${escapeText(heading)}</h1>\n${paragraphs.length ? paragraphs.join('\n') : '<p class="muted">This content is not available yet.</p>'}`);
}

export function unknownLinkPage(): string {
  return page('Link not found', '<h1>This link is not valid</h1>\n<p class="muted">It may have been changed or cut short. Ask the sender for the link again.</p>');
}

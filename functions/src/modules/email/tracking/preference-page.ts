// The preference page behind a message's unsubscribe link: small server-rendered HTML in the
// product's look (royal blue, teal, light and dark), no script, one form that POSTs a choice back
// to the same URL. Showing it changes nothing; only a person's submit does.
import { escapeAttribute, escapeText } from '../content/html-escape';
import { PAUSE_DAYS, type SubscriptionState } from './unsubscribe';
import { publicPage } from '../../../http/public-page';

/** The address with its local part hidden: a forwarded message's reader learns only the domain. */
export function maskAddress(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email.charAt(0)}•••${email.slice(at)}`;
}

const STYLE = `
:root { color-scheme: light dark; --bg: #f6f7fb; --card: #ffffff; --text: #161a2b; --muted: #5b6275; --primary: #2348d8; --primary-text: #ffffff; --accent: #0f9f95; --border: #dde1ec; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1020; --card: #161a2e; --text: #eef0f8; --muted: #a4aac0; --primary: #5b7cff; --primary-text: #0d1020; --accent: #2cc6b8; --border: #2a3050; } }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: var(--bg); color: var(--text);
  font: 16px/1.5 Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { width: min(30rem, calc(100% - 2rem)); background: var(--card); border: 1px solid var(--border); border-radius: 12px; padding: 2rem; border-top: 4px solid var(--accent); }
h1 { font-size: 1.375rem; margin: 0 0 .5rem; }
p { margin: 0 0 1rem; color: var(--muted); }
fieldset { border: 0; margin: 0 0 1.25rem; padding: 0; display: grid; gap: .5rem; }
legend { font-weight: 600; margin-bottom: .5rem; padding: 0; }
label { display: flex; gap: .625rem; align-items: center; padding: .625rem .75rem; border: 1px solid var(--border); border-radius: 8px; cursor: pointer; }
input[type=radio] { accent-color: var(--primary); width: 1.125rem; height: 1.125rem; margin: 0; }
button { font: inherit; font-weight: 600; background: var(--primary); color: var(--primary-text); border: 0; border-radius: 8px; padding: .625rem 1.25rem; cursor: pointer; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.status { color: var(--text); }
`;

const page = (title: string, body: string): string => publicPage({ title, style: STYLE, body });

const longDate = (at: Date) => at.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

function stateSentence(state: SubscriptionState, address: string): string {
  switch (state.kind) {
    case 'unsubscribed':
      return `${address} is unsubscribed: we will not send it marketing email again.`;
    case 'paused':
      return `Email to ${address} is paused until ${longDate(state.until)}.`;
    case 'subscribed':
      return `${address} still receives our email.`;
  }
}

/** The page a GET (or HEAD) of the unsubscribe link shows. */
export function preferencePage(input: { token: string; email: string; campaignName: string; state: SubscriptionState }): string {
  const address = escapeText(maskAddress(input.email));
  if (input.state.kind === 'unsubscribed') {
    return page('Email preferences', `<h1>Email preferences</h1>\n<p class="status">${stateSentence(input.state, `<strong>${address}</strong>`)}</p>`);
  }
  const paused = input.state.kind === 'paused' ? `<p class="status">${stateSentence(input.state, `<strong>${address}</strong>`)}</p>\n` : '';
  return page(
    'Email preferences',
    `<h1>Email preferences</h1>
<p>For <strong>${address}</strong>, who received “${escapeText(input.campaignName)}”.</p>
${paused}<form method="post">
<input type="hidden" name="token" value="${escapeAttribute(input.token)}">
<fieldset>
<legend>What would you like us to do?</legend>
<label><input type="radio" name="choice" value="unsubscribe_all" checked> Unsubscribe from all email</label>
<label><input type="radio" name="choice" value="pause_90_days"> Pause email for ${PAUSE_DAYS} days</label>
</fieldset>
<button type="submit">Save my choice</button>
</form>`,
  );
}

/** The page after a person's choice was saved. */
export function choiceSavedPage(input: { email: string; state: SubscriptionState }): string {
  const address = `<strong>${escapeText(maskAddress(input.email))}</strong>`;
  return page('Email preferences saved', `<h1>Your choice is saved</h1>\n<p class="status" role="status">${stateSentence(input.state, address)}</p>`);
}

/** A link that is not (or no longer) ours. */
export function unknownLinkPage(): string {
  return page('Link not found', `<h1>This link is not valid</h1>\n<p>It may have been changed or cut short. Use the unsubscribe link of the email you received.</p>`);
}

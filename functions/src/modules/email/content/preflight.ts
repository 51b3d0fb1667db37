// Pre-flight: what must hold before a campaign is scheduled, each item green, amber or red with
// its reason. contentChecks looks at the compiled content alone; the campaign service adds the
// audience, sender-domain and dry-render items through the builders below, so every item on the
// screen has one shape and one way of being summarised.
import { EXCLUSION_REASON_LABELS } from '@shared/contracts/compliance';
import { POLICY_EXCLUSION_LABELS } from '@shared/contracts/activity';
import type { PreflightItem, PreflightStatus } from '@shared/contracts/email-content';
import type { CompiledContent } from './compile';
import { anchorHrefs, imageTags } from './html-scan';
import { isSubscriptionPageLink, sampleMergeContext } from './merge-fields';
import { renderLinkTarget } from './personalize';

export interface ContentCheckInput {
  compiled: Pick<CompiledContent, 'html' | 'text'>;
  subject: string;
  preheader: string;
}

const SUBJECT_MIN = 10;
const SUBJECT_MAX = 60;
/** How many offending links, images or recipients an item lists. */
const MAX_DETAILS = 50;

/** Phrases spam filters score; matched as whole words, case aside. */
const SPAM_PHRASES = ['free money', 'act now', '100% free', 'winner', 'cash bonus', 'click here', 'risk-free', 'no obligation'];
const SPAM_MARKS = ['$$$', '!!!'];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SPAM_PATTERNS = SPAM_PHRASES.map((phrase) => ({ phrase, pattern: new RegExp(`(?<![\\w])${escapeRegExp(phrase)}(?![\\w])`, 'i') }));

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

const item = (id: string, label: string, status: PreflightStatus, reason: string, details?: string[]): PreflightItem => ({
  id,
  label,
  status,
  reason,
  ...(details && details.length > 0 ? { details: capped(details) } : {}),
});

function capped(details: string[]): string[] {
  if (details.length <= MAX_DETAILS) return details;
  return [...details.slice(0, MAX_DETAILS), `… and ${count(details.length - MAX_DETAILS)} more`];
}

/** A template value as the sample contact would get it (the raw template when it does not render). */
function sampleRender(template: string, context: Record<string, unknown>): string {
  try {
    return renderLinkTarget(template, context);
  } catch {
    return template;
  }
}

function unsubscribeItem(hrefs: string[]): PreflightItem {
  const label = 'Unsubscribe link and headers';
  if (!hrefs.some(isSubscriptionPageLink)) {
    return item('unsubscribe', label, 'red', 'No unsubscribe or preferences link: add one to the footer with {{ unsubscribe_url }}.');
  }
  return item('unsubscribe', label, 'green', 'The email links to the unsubscribe page; List-Unsubscribe and one-click headers are added to every message.');
}

/** Why a link would not do, or null when it is a well-formed https, mailto: or tel: link. */
function linkProblem(href: string): string | null {
  const trimmed = href.trim();
  if (/^(mailto|tel):/i.test(trimmed) || trimmed.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'not a complete URL';
  }
  if (url.protocol === 'http:') return 'not https';
  if (url.protocol !== 'https:') return `${url.protocol} links are not allowed`;
  if (!url.hostname.includes('.') || /\s/.test(trimmed)) return 'malformed';
  return null;
}

function linksItem(hrefs: string[], context: Record<string, unknown>): PreflightItem {
  const label = 'Links are well-formed https';
  const checked = hrefs.filter((h) => !isSubscriptionPageLink(h));
  const problems = [...new Set(checked)].flatMap((href) => {
    const problem = linkProblem(sampleRender(href, context));
    return problem ? [`${href} — ${problem}`] : [];
  });
  if (problems.length > 0) return item('links', label, 'red', `${plural(problems.length, 'link')} to fix.`, problems);
  return item('links', label, 'green', checked.length === 0 ? 'No links besides the unsubscribe link.' : `${plural(checked.length, 'link')}, all well-formed.`);
}

function imagesItem(html: string): PreflightItem {
  const label = 'Images have alt text';
  const images = imageTags(html);
  const problems = images.flatMap((image) => {
    const found: string[] = [];
    if (!image.alt?.trim()) found.push(`${image.src} — no alt text`);
    if (/^http:/i.test(image.src)) found.push(`${image.src} — not https`);
    return found;
  });
  if (problems.length > 0) return item('images', label, 'amber', `${plural(problems.length, 'image problem')}: screen readers and image-blocking clients show alt text.`, problems);
  return item('images', label, 'green', images.length === 0 ? 'No images.' : `${plural(images.length, 'image')}, all with alt text.`);
}

function subjectItem(subject: string, rendered: string): PreflightItem {
  const label = 'Subject length';
  if (subject.trim() === '') return item('subject', label, 'red', 'The subject is empty.');
  const length = [...rendered].length;
  if (length < SUBJECT_MIN) return item('subject', label, 'amber', `${plural(length, 'character')}: short subjects read as spam; aim for ${SUBJECT_MIN}–${SUBJECT_MAX}.`);
  if (length > SUBJECT_MAX) return item('subject', label, 'amber', `${plural(length, 'character')}: inboxes cut subjects after about ${SUBJECT_MAX}.`);
  return item('subject', label, 'green', `${plural(length, 'character')}.`);
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 5 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function spamItem(subject: string, preheader: string, body: string): PreflightItem {
  const label = 'Spam-trigger words';
  const places = { subject, preheader, body };
  const found = new Map<string, string[]>();
  const note = (word: string, place: string) => found.set(word, [...(found.get(word) ?? []), place]);
  for (const [place, text] of Object.entries(places)) {
    for (const { phrase, pattern } of SPAM_PATTERNS) if (pattern.test(text)) note(phrase, place);
    for (const mark of SPAM_MARKS) if (text.includes(mark)) note(mark, place);
  }
  if (isAllCaps(subject)) note('subject in capitals', 'subject');
  if (found.size === 0) return item('spam_words', label, 'green', 'None found.');
  const details = [...found].map(([word, where]) => `"${word}" in the ${where.join(', ')}`);
  return item('spam_words', label, 'amber', `${plural(found.size, 'spam trigger')} found: spam filters may score this email down.`, details);
}

function plainTextItem(text: string): PreflightItem {
  const label = 'Plain-text part';
  if (text.trim() === '') return item('plain_text', label, 'red', 'The plain-text part is empty: the email has no readable text.');
  return item('plain_text', label, 'green', 'A plain-text part goes with the HTML.');
}

/** The checks of the content itself, in the order the screen lists them. */
export function contentChecks({ compiled, subject, preheader }: ContentCheckInput): PreflightItem[] {
  const context = sampleMergeContext();
  const hrefs = anchorHrefs(compiled.html);
  const renderedSubject = sampleRender(subject, context);
  return [
    unsubscribeItem(hrefs),
    linksItem(hrefs, context),
    imagesItem(compiled.html),
    subjectItem(subject, renderedSubject),
    spamItem(renderedSubject, sampleRender(preheader, context), sampleRender(compiled.text, context)),
    plainTextItem(compiled.text),
  ];
}

const RANK: Record<PreflightStatus, number> = { green: 0, amber: 1, red: 2 };

/** The worst status of the items (green when there are none). */
export function summarisePreflight(items: readonly PreflightItem[]): PreflightStatus {
  return items.reduce<PreflightStatus>((worst, i) => (RANK[i.status] > RANK[worst] ? i.status : worst), 'green');
}

// ── items the campaign service adds ───────────────────────────────────────────────────────────

const EXCLUSION_LABELS: Record<string, string> = { ...EXCLUSION_REASON_LABELS, ...POLICY_EXCLUSION_LABELS };

/** Who the gate admits, and how many it leaves out by reason (the compliance and policy reasons). */
export function audienceItem({ admitted, excludedByReason }: { admitted: number; excludedByReason: Record<string, number> }): PreflightItem {
  const label = 'Audience';
  const exclusions = Object.entries(excludedByReason)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const excluded = exclusions.reduce((sum, [, n]) => sum + n, 0);
  const details = exclusions.map(([reason, n]) => `${EXCLUSION_LABELS[reason] ?? reason}: ${count(n)}`);
  if (admitted === 0) return item('audience', label, 'red', `Nobody can be sent to: ${plural(excluded, 'contact')} left out.`, details);
  return item('audience', label, 'green', `${plural(admitted, 'recipient')}; ${count(excluded)} left out.`, details);
}

export function domainItem({ domain, dkimVerified }: { domain: string; dkimVerified: boolean }): PreflightItem {
  const label = 'Sender domain verified with DKIM';
  if (!dkimVerified) return item('sender_domain', label, 'red', `${domain} is not verified: publish its DKIM CNAME records and wait for verification.`);
  return item('sender_domain', label, 'green', `${domain} is verified with DKIM.`);
}

export interface DryRenderFailure {
  contactId: string;
  email: string;
  reason: string;
}

/** The dry render of the whole audience: every recipient's message must render. */
export function dryRenderItem({ failures, total }: { failures: DryRenderFailure[]; total: number }): PreflightItem {
  const label = 'Every recipient renders';
  if (failures.length > 0) {
    const details = failures.map((f) => `${f.email} (${f.contactId}): ${f.reason}`);
    return item('dry_render', label, 'red', `${count(failures.length)} of ${plural(total, 'recipient')} failed to render.`, details);
  }
  return item('dry_render', label, 'green', `All ${plural(total, 'recipient')} render.`);
}

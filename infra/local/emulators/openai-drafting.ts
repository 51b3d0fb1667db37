// The OpenAI stand-in's copywriter: plausible, deterministic copy for the content module's drafting
// formats (content_email_body, content_subject_lines, content_social_post, content_landing_copy),
// made from the labelled lines of the request's input (Kind, Tone, Length, Platform, Limit, Brief).
// The same brief always gives the same copy; a social post never passes the limit it was given.

interface DraftRequest {
  tone: string;
  length: string;
  limit: number | null;
  brief: string;
}

export function readDraftRequest(input: string): DraftRequest {
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(input)?.[1]?.trim() ?? '';
  const briefStart = input.indexOf('\nBrief:\n');
  let brief = briefStart >= 0 ? input.slice(briefStart + '\nBrief:\n'.length) : input;
  const currentAt = brief.indexOf('\nCurrent version');
  if (currentAt >= 0) brief = brief.slice(0, currentAt);
  const limit = Number.parseInt(field('Limit'), 10);
  return { tone: field('Tone') || 'professional', length: field('Length').split(' ')[0] || 'medium', limit: Number.isFinite(limit) ? limit : null, brief: brief.trim() };
}

const STOP = new Set(['about', 'their', 'there', 'these', 'those', 'which', 'would', 'could', 'should', 'write', 'promote', 'announce', 'please', 'with', 'from', 'into', 'that', 'this', 'what', 'your', 'our', 'for', 'and', 'the']);

/** The brief's first sentence, as a topic: "Our new whitepaper on zero-trust networking for CIOs". */
function topicOf(brief: string): string {
  const first = brief.split(/(?<=[.!?])\s+|\n/)[0]!.replace(/[.!?]+$/, '').trim();
  const cleaned = first.replace(/^(please\s+)?(write|draft|create|promote|announce)\s+(a|an|the)?\s*(post|email|copy|page)?\s*(about|on|for)?\s*/i, '');
  const topic = cleaned || first;
  return topic.length > 90 ? `${topic.slice(0, 87).replace(/\s+\S*$/, '')}…` : topic;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function keywords(brief: string, n: number): string[] {
  const counts = new Map<string, number>();
  for (const word of brief.toLowerCase().match(/[a-z][a-z0-9-]{3,}/g) ?? []) {
    if (!STOP.has(word)) counts.set(word, (counts.get(word) ?? 0) + word.length);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([w]) => w);
}

const HOOKS: Record<string, string> = {
  professional: 'Here is something worth your time this week.',
  friendly: 'We made something we think you will like.',
  bold: 'Stop doing it the hard way.',
  concise: 'New:',
};

const CTA: Record<string, string> = {
  professional: 'Read it and tell us what you think.',
  friendly: 'Take a look, we would love to hear from you!',
  bold: 'Get it now.',
  concise: 'Read more.',
};

/** The rest of the brief after its first sentence: the details the copy repeats. */
const detailsOf = (brief: string) =>
  brief
    .split(/(?<=[.!?])\s+|\n/)
    .slice(1)
    .map((s) => s.trim())
    .filter(Boolean);

function clip(text: string, limit: number | null): string {
  if (limit === null || [...text].length <= limit) return text;
  return `${[...text].slice(0, limit - 1).join('').replace(/\s+\S*$/, '')}…`;
}

export function draftCopy(format: string, input: string): Record<string, unknown> {
  const req = readDraftRequest(input);
  const topic = topicOf(req.brief);
  const details = detailsOf(req.brief);
  const tone = HOOKS[req.tone] ? req.tone : 'professional';
  const paragraphs = req.length === 'short' ? 1 : req.length === 'long' ? 3 : 2;
  const tags = keywords(req.brief, 3);
  switch (format) {
    case 'content_social_post': {
      const parts = [`${HOOKS[tone]} ${capitalize(topic)}.`, ...details.slice(0, paragraphs), CTA[tone]!, tags.map((t) => `#${t.replace(/-/g, '')}`).join(' ')].filter(Boolean);
      const full = parts.join('\n\n');
      // Over the limit: the hashtags go first, then the text is cut at a word.
      return { text: clip(req.limit !== null && [...full].length > req.limit ? parts.slice(0, -1).join('\n\n') : full, req.limit) };
    }
    case 'content_email_body': {
      const body = [
        'Hi there,',
        `${capitalize(topic)}.`,
        ...details.slice(0, paragraphs),
        paragraphs > 1 ? `Teams like yours use it to ${tags[0] ? `get more from ${tags[0]}` : 'move faster'} without adding headcount.` : '',
        CTA[tone]!,
        'Best regards,\nThe team',
      ].filter(Boolean);
      return { subject: clip(capitalize(topic), 70), body: body.join('\n\n') };
    }
    case 'content_subject_lines': {
      const t = topic.length > 50 ? `${topic.slice(0, 47).replace(/\s+\S*$/, '')}…` : topic;
      return {
        options: [capitalize(t), `New: ${t}`, `${capitalize(tags[0] ?? 'this')}: what changes for your team`, `Five minutes on ${t}`, `Your guide to ${tags[1] ?? tags[0] ?? 'what is next'}`],
      };
    }
    case 'content_landing_copy':
      return {
        headline: clip(capitalize(topic), 80),
        subheadline: details[0] ?? `Everything your team needs to know about ${tags[0] ?? 'it'}, in one place.`,
        body: [...details.slice(1, 1 + paragraphs), `Built for teams that care about ${tags.join(', ') || 'results'}.`].join('\n\n'),
        callToAction: tone === 'concise' ? 'Download' : 'Get your copy',
      };
    default:
      return {};
  }
}

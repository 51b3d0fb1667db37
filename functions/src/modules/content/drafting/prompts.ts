// What the model is asked for each kind of copy: the structured answer's schema (strict: every key
// required) and the instructions, and the input that carries the brief. The input is plain labelled
// lines so a person reading the vendor's logs (or the local stand-in) sees the brief as written.
import { z } from 'zod';
import type { DraftKind } from '@shared/contracts/content';
import { SUBJECT_LINE_OPTIONS, type DraftBrief } from '@shared/contracts/content-drafting';
import { SOCIAL_PLATFORM_LABELS, SOCIAL_TEXT_LIMITS, type SocialPlatform } from '@shared/contracts/content-social';

export const emailBodyAnswer = z.object({ subject: z.string(), body: z.string() });
export const subjectLinesAnswer = z.object({ options: z.array(z.string()) });
export const socialPostAnswer = z.object({ text: z.string() });
export const landingCopyAnswer = z.object({ headline: z.string(), subheadline: z.string(), body: z.string(), callToAction: z.string() });

export const DRAFT_FORMATS = {
  email_body: { name: 'content_email_body', schema: emailBodyAnswer },
  subject_lines: { name: 'content_subject_lines', schema: subjectLinesAnswer },
  social_post: { name: 'content_social_post', schema: socialPostAnswer },
  landing_copy: { name: 'content_landing_copy', schema: landingCopyAnswer },
} as const;

const WORDS: Record<DraftBrief['length'], string> = { short: 'about 60 words', medium: 'about 150 words', long: 'about 300 words' };

const TASK: Record<DraftKind, string> = {
  email_body: 'Write a B2B marketing email: a subject line and a plain-text body with a greeting, two or three short paragraphs and one call to action.',
  subject_lines: `Write ${SUBJECT_LINE_OPTIONS} different subject lines for a B2B marketing email, each under 70 characters.`,
  social_post: 'Write one social media post for a B2B brand: a hook in the first line, one idea, a call to action, at most three hashtags.',
  landing_copy: 'Write landing page copy for a B2B offer: a headline, a subheadline, a body of short paragraphs and a call-to-action button label.',
};

export function draftInstructions(kind: DraftKind): string {
  return [
    'You are a copywriter for a B2B demand-generation team.',
    TASK[kind],
    'Follow the brief; do not invent statistics, customer names or quotes that the brief does not give.',
    'Answer in the language of the brief.',
  ].join(' ');
}

export function draftInput(brief: DraftBrief, platform: SocialPlatform | null, current: { subject: string | null; body: string | null } | null): string {
  const lines = [`Kind: ${brief.kind}`, `Tone: ${brief.tone}`, `Length: ${brief.length} (${WORDS[brief.length]})`];
  if (platform) lines.push(`Platform: ${SOCIAL_PLATFORM_LABELS[platform]}`, `Limit: ${SOCIAL_TEXT_LIMITS[platform]} characters`);
  lines.push('Brief:', brief.brief);
  if (current && (current.subject || current.body)) {
    lines.push('Current version (rewrite it to follow the brief):');
    if (current.subject) lines.push(`Subject: ${current.subject}`);
    if (current.body) lines.push(current.body);
  }
  return lines.join('\n');
}

// AI drafting's API shapes: a brief (with the kind of copy, a tone and a length) rewritten into a
// new AI-written version of a text asset, or made into a new text asset whose first version the
// model wrote. The routes are listed in ./content.ts.
import { z } from 'zod';
import { assetTagsSchema, DRAFT_KINDS, type AssetType, type DraftKind } from './content';
import { SOCIAL_PLATFORMS, type SocialPlatform } from './content-social';

export const DRAFT_TONES = ['professional', 'friendly', 'bold', 'concise'] as const;
export type DraftTone = (typeof DRAFT_TONES)[number];
export const DRAFT_TONE_LABELS: Record<DraftTone, string> = { professional: 'Professional', friendly: 'Friendly', bold: 'Bold', concise: 'Concise' };

export const DRAFT_LENGTHS = ['short', 'medium', 'long'] as const;
export type DraftLength = (typeof DRAFT_LENGTHS)[number];
export const DRAFT_LENGTH_LABELS: Record<DraftLength, string> = { short: 'Short', medium: 'Medium', long: 'Long' };

/** The kinds of copy each text asset type takes. */
export const DRAFT_KINDS_BY_TYPE: Partial<Record<AssetType, readonly DraftKind[]>> = {
  email_template: ['email_body', 'subject_lines'],
  landing_copy: ['landing_copy'],
  social_post: ['social_post'],
};

/** The asset type a new draft of each kind makes. */
export const ASSET_TYPE_OF_DRAFT: Record<DraftKind, AssetType> = {
  email_body: 'email_template',
  subject_lines: 'email_template',
  social_post: 'social_post',
  landing_copy: 'landing_copy',
};

/** How many subject lines a subject_lines draft offers. */
export const SUBJECT_LINE_OPTIONS = 5;

export const draftBriefSchema = z.strictObject({
  brief: z.string().trim().min(10, 'must say in at least 10 characters what the copy is for').max(4000),
  kind: z.enum(DRAFT_KINDS),
  tone: z.enum(DRAFT_TONES).default('professional'),
  length: z.enum(DRAFT_LENGTHS).default('medium'),
  /** A social post's platform (its length limit); LinkedIn when not said. */
  platform: z.enum(SOCIAL_PLATFORMS).optional(),
});
export type DraftBriefInput = z.input<typeof draftBriefSchema>;
export type DraftBrief = z.infer<typeof draftBriefSchema>;

export const createDraftSchema = draftBriefSchema.extend({
  title: z.string().trim().min(1, 'must not be empty').max(200),
  tags: assetTagsSchema,
});
export type CreateDraftInput = z.input<typeof createDraftSchema>;

/** What a draft wrote: the new version (of a new asset, for POST drafts). */
export interface DraftResult {
  assetId: string;
  versionId: string;
  number: number;
  kind: DraftKind;
  subject: string | null;
  body: string;
  /** subject_lines: the options offered (the version's subject is the first). */
  options: string[] | null;
  platform: SocialPlatform | null;
  model: string;
}

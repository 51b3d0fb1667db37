// AI drafting: a brief becomes copy through OpenAI structured output (the same client, key and
// base URL as lead scoring), written as a version marked AI-written with the model and the brief.
// Without a key nothing is drafted (503 "AI drafting is not configured"); a vendor failure or an
// answer that does not fit (a social post over its platform's limit, too few subject lines) is a
// 503 that says so, and nothing is written.
import { eq } from 'drizzle-orm';
import type { AssetType, DraftingStatus } from '@shared/contracts/content';
import { ASSET_TYPE_OF_DRAFT, DRAFT_KINDS_BY_TYPE, SUBJECT_LINE_OPTIONS, type CreateDraftInput, type DraftBrief, type DraftResult } from '@shared/contracts/content-drafting';
import { SOCIAL_PLATFORM_LABELS, SOCIAL_TEXT_LIMITS, type SocialPlatform } from '@shared/contracts/content-social';
import { openAiFor, type StructuredModel } from '../../../adapters/openai';
import { VendorError } from '../../../adapters/vendor-error';
import { AppError, invalid, notFound } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import { contentAssets, contentAssetVersions } from '../../../db/schema';
import { appendTextVersion, createTextAssetWithVersion } from './asset-versions';
import { DRAFT_FORMATS, draftInput, draftInstructions } from './prompts';

export const NOT_CONFIGURED = 'AI drafting is not configured';

export function draftingStatus(deps: Pick<Deps, 'config'>): DraftingStatus {
  const model = openAiFor(deps.config);
  return { configured: model !== null, model: model?.model ?? null };
}

function requireModel(deps: Pick<Deps, 'config'>): StructuredModel {
  const model = openAiFor(deps.config);
  if (!model) throw new AppError('unavailable', { detail: `${NOT_CONFIGURED}: set OPENAI_API_KEY (on AWS, the openaiApiKey of the LEADS_AI secret).`, extra: { reason: 'not_configured' } });
  return model;
}

interface Copy {
  subject: string | null;
  body: string;
  options: string[] | null;
}

const unfit = (why: string) => new AppError('unavailable', { detail: `The AI answer could not be used (${why}); nothing was written. Try again or change the brief.`, extra: { reason: 'vendor' } });

/** Asks the model and shapes its answer into a version's subject and body. */
async function writeCopy(model: StructuredModel, brief: DraftBrief, platform: SocialPlatform | null, current: { subject: string | null; body: string | null } | null): Promise<{ copy: Copy; model: string }> {
  const format = DRAFT_FORMATS[brief.kind];
  let answer;
  try {
    answer = await model.parse({ name: format.name, schema: format.schema, instructions: draftInstructions(brief.kind), input: draftInput(brief, platform, current) });
  } catch (error) {
    if (!(error instanceof VendorError)) throw error;
    throw new AppError('unavailable', { detail: `The AI vendor did not draft the copy (${error.message}); nothing was written. Try again in a moment.`, extra: { reason: 'vendor' }, cause: error });
  }
  const value = answer.value as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  let copy: Copy;
  switch (brief.kind) {
    case 'email_body':
      copy = { subject: text(value.subject) || null, body: text(value.body), options: null };
      break;
    case 'subject_lines': {
      const options = ((value.options as unknown[]) ?? []).map(text).filter(Boolean);
      if (options.length < SUBJECT_LINE_OPTIONS) throw unfit(`${options.length} subject lines instead of ${SUBJECT_LINE_OPTIONS}`);
      copy = { subject: options[0]!, body: current?.body ?? '', options: options.slice(0, SUBJECT_LINE_OPTIONS) };
      break;
    }
    case 'social_post': {
      const body = text(value.text);
      const limit = SOCIAL_TEXT_LIMITS[platform ?? 'linkedin'];
      if ([...body].length > limit) throw unfit(`${[...body].length} characters, over ${SOCIAL_PLATFORM_LABELS[platform ?? 'linkedin']}’s ${limit}`);
      copy = { subject: null, body, options: null };
      break;
    }
    case 'landing_copy':
      // The headline leads the body: only an email template has a subject.
      copy = {
        subject: null,
        body: [text(value.headline) && `# ${text(value.headline)}`, text(value.subheadline) && `## ${text(value.subheadline)}`, text(value.body), text(value.callToAction) && `[${text(value.callToAction)}]`]
          .filter(Boolean)
          .join('\n\n'),
        options: null,
      };
      break;
  }
  if (!copy.body && brief.kind !== 'subject_lines') throw unfit('the answer was empty');
  return { copy, model: answer.model };
}

const platformOf = (brief: DraftBrief): SocialPlatform | null => (brief.kind === 'social_post' ? (brief.platform ?? 'linkedin') : null);

/** A new AI-written version of a text asset from the brief (the current version is given to the model to rewrite). */
export async function rewriteAsset(deps: Deps, assetId: string, brief: DraftBrief, userId: string | null): Promise<DraftResult> {
  const [asset] = await deps.db
    .select({ type: contentAssets.type, archivedAt: contentAssets.archivedAt, subject: contentAssetVersions.subject, body: contentAssetVersions.body })
    .from(contentAssets)
    .leftJoin(contentAssetVersions, eq(contentAssetVersions.id, contentAssets.currentVersionId))
    .where(eq(contentAssets.id, assetId));
  if (!asset || asset.archivedAt) throw notFound('asset');
  const kinds = DRAFT_KINDS_BY_TYPE[asset.type as AssetType];
  if (!kinds) throw invalid('body.kind', `AI drafts only text assets (email templates, landing copy, social posts); this one is a ${asset.type.replace('_', ' ')}.`);
  if (!kinds.includes(brief.kind)) throw invalid('body.kind', `must be one of ${kinds.join(', ')} for a ${asset.type.replace('_', ' ')}`);
  const model = requireModel(deps);
  const platform = platformOf(brief);
  const { copy, model: used } = await writeCopy(model, brief, platform, { subject: asset.subject, body: asset.body });
  const written = await appendTextVersion(deps.db, assetId, { source: 'ai', subject: copy.subject, body: copy.body, aiModel: used, brief: brief.brief, createdBy: userId }, deps.now());
  return { ...written, kind: brief.kind, subject: copy.subject, body: copy.body, options: copy.options, platform, model: used };
}

/** A new text asset (its type from the kind) whose version 1 the model wrote. */
export async function createDraft(deps: Deps, input: CreateDraftInput & DraftBrief, userId: string | null): Promise<DraftResult> {
  const model = requireModel(deps);
  const platform = platformOf(input);
  const { copy, model: used } = await writeCopy(model, input, platform, null);
  const written = await createTextAssetWithVersion(
    deps.db,
    { type: ASSET_TYPE_OF_DRAFT[input.kind], title: input.title, tags: input.tags ?? [] },
    { source: 'ai', subject: copy.subject, body: copy.body, aiModel: used, brief: input.brief, createdBy: userId },
    deps.now(),
  );
  return { ...written, kind: input.kind, subject: copy.subject, body: copy.body, options: copy.options, platform, model: used };
}

// Campaign use cases: list, create (optionally from a saved template), read, edit with optimistic
// versions, delete a draft, clone, variants, schedule (after a clean pre-flight), pause, resume,
// cancel, follow-ups (resend to failed, send to non-openers) and the manual A/B pick. Status moves
// go through transitions.ts only.
import { and, asc, desc, eq, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  VARIANT_KEYS,
  type Campaign,
  type CampaignCreate,
  type CampaignListQuery,
  type CampaignScheduleRequest,
  type CampaignSummary,
  type CampaignUpdate,
  type VariantKey,
} from '@shared/contracts/email';
import type { Deps } from '../../../core/deps';
import type { Actor } from '../../../core/actor';
import { AppError, invalid, notFound } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { emailCampaigns, emailTemplates, emailVariants } from '../../../db/schema';
import { releaseHolds } from '../../activity';
import { prepareTracking } from '../content';
import type { EmailHooks } from '../hooks';
import { firstLocalInstant, holderOf } from '../sending/snapshot';
import { chooseWinner, launchSending, startCampaign } from '../sending/engine';
import { moveCampaign, staleCampaign } from './transitions';
import { campaignView, summaryViews, type CampaignRow } from './views';
import { preflightCampaign, type PreflightDeps } from './preflight';

type ServiceDeps = Pick<Deps, 'db' | 'config' | 'now' | 'logger' | 'aws'>;

export async function findCampaign(db: Database, id: string): Promise<CampaignRow> {
  const [row] = await db.select().from(emailCampaigns).where(and(eq(emailCampaigns.id, id), isNull(emailCampaigns.deletedAt)));
  if (!row) throw notFound('campaign');
  return row;
}

export async function getCampaign(deps: Pick<Deps, 'db'>, id: string): Promise<Campaign> {
  return campaignView(deps.db, await findCampaign(deps.db, id));
}

/** A list cursor: the last row's created_at (as Postgres printed it) and id. */
const encodeCursor = (row: { createdAt: string; id: string }) => Buffer.from(`${row.createdAt}|${row.id}`, 'utf8').toString('base64url');
function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) throw invalid('query.cursor', 'is not a cursor this API gave out');
  return { at, id };
}

/** Newest first, by status and by name, a cursor page at a time (the created index walks it). */
export async function listCampaigns(deps: Pick<Deps, 'db'>, query: CampaignListQuery): Promise<{ items: CampaignSummary[]; nextCursor: string | null }> {
  const where: SQL[] = [isNull(emailCampaigns.deletedAt)];
  if (query.status) where.push(eq(emailCampaigns.status, query.status));
  if (query.q) where.push(ilike(emailCampaigns.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (query.cursor) {
    const { at, id } = decodeCursor(query.cursor);
    where.push(or(lt(emailCampaigns.createdAt, new Date(at)), and(eq(emailCampaigns.createdAt, new Date(at)), lt(emailCampaigns.id, id)))!);
  }
  const rows = await deps.db
    .select()
    .from(emailCampaigns)
    .where(and(...where))
    .orderBy(desc(emailCampaigns.createdAt), desc(emailCampaigns.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: await summaryViews(deps.db, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

export async function createCampaign(deps: Pick<Deps, 'db' | 'now'>, actor: Actor, input: CampaignCreate): Promise<Campaign> {
  const now = deps.now();
  const row = await deps.db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const [template] = input.templateId
      ? await tx.select().from(emailTemplates).where(and(eq(emailTemplates.id, input.templateId), isNull(emailTemplates.deletedAt)))
      : [];
    if (input.templateId && !template) throw invalid('body.templateId', 'no such template');
    const [campaign] = await tx
      .insert(emailCampaigns)
      .values({
        name: input.name,
        audienceKind: input.audience?.kind ?? null,
        audienceId: input.audience?.id ?? null,
        senderProfileId: input.senderProfileId ?? null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(emailVariants).values({
      campaignId: campaign!.id,
      key: 'A',
      ...(template
        ? { subject: template.subject, preheader: template.preheader, mode: template.mode, document: template.document, mjml: template.mjml, html: template.html, text: template.text, links: prepareTracking(template.html).links }
        : {}),
      createdAt: now,
      updatedAt: now,
    });
    return campaign!;
  });
  return campaignView(deps.db, row);
}

/** Only a draft is edited; the version must be the one the edit was made on. */
async function editableDraft(db: Database, id: string, version?: number): Promise<CampaignRow> {
  const row = await findCampaign(db, id);
  if (row.status !== 'draft') throw new AppError('conflict', { detail: 'Only a draft campaign can be edited: pause it and set it back to draft first.', extra: { status: row.status } });
  if (version !== undefined && row.version !== version) throw staleCampaign(row.version);
  return row;
}

export async function updateCampaign(deps: Pick<Deps, 'db' | 'now'>, actor: Actor, id: string, input: CampaignUpdate): Promise<Campaign> {
  await editableDraft(deps.db, id, input.version);
  const [row] = await deps.db
    .update(emailCampaigns)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.audience !== undefined ? { audienceKind: input.audience?.kind ?? null, audienceId: input.audience?.id ?? null } : {}),
      ...(input.senderProfileId !== undefined ? { senderProfileId: input.senderProfileId } : {}),
      ...(input.abTest !== undefined ? { abTest: input.abTest } : {}),
      version: sql`${emailCampaigns.version} + 1`,
      updatedBy: actor.userId,
      updatedAt: deps.now(),
    })
    .where(and(eq(emailCampaigns.id, id), eq(emailCampaigns.version, input.version), eq(emailCampaigns.status, 'draft')))
    .returning();
  if (!row) throw staleCampaign((await findCampaign(deps.db, id)).version);
  return campaignView(deps.db, row);
}

export async function deleteCampaign(deps: Pick<Deps, 'db' | 'now'>, id: string): Promise<void> {
  await editableDraft(deps.db, id);
  const [row] = await deps.db
    .update(emailCampaigns)
    .set({ deletedAt: deps.now() })
    .where(and(eq(emailCampaigns.id, id), eq(emailCampaigns.status, 'draft'), isNull(emailCampaigns.deletedAt)))
    .returning({ id: emailCampaigns.id });
  if (!row) throw new AppError('conflict', { detail: 'The campaign is no longer a draft.' });
}

/** A new draft with the same audience, sender, A/B settings and content (the winner's alone when one was picked). */
export async function cloneCampaign(deps: Pick<Deps, 'db' | 'now'>, actor: Actor, id: string, overrides: { name?: string; parent?: { kind: 'failed' | 'non_openers' } } = {}): Promise<Campaign> {
  const source = await findCampaign(deps.db, id);
  const now = deps.now();
  const row = await deps.db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const variants = await tx.select().from(emailVariants).where(eq(emailVariants.campaignId, id)).orderBy(asc(emailVariants.key));
    const kept = overrides.parent && source.winnerVariantId ? variants.filter((v) => v.id === source.winnerVariantId) : overrides.parent ? variants.slice(0, 1) : variants;
    const [copy] = await tx
      .insert(emailCampaigns)
      .values({
        name: overrides.name ?? `${source.name} (copy)`.slice(0, 120),
        audienceKind: overrides.parent ? null : source.audienceKind,
        audienceId: overrides.parent ? null : source.audienceId,
        senderProfileId: source.senderProfileId,
        abTest: overrides.parent ? null : source.abTest,
        parentCampaignId: overrides.parent ? source.id : null,
        followUp: overrides.parent?.kind ?? null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (kept.length) {
      await tx.insert(emailVariants).values(
        kept.map((v, i) => ({
          campaignId: copy!.id,
          key: VARIANT_KEYS[i]!,
          subject: v.subject,
          preheader: v.preheader,
          mode: v.mode,
          document: v.document,
          mjml: v.mjml,
          html: v.html,
          text: v.text,
          links: v.links,
          createdAt: now,
          updatedAt: now,
        })),
      );
    }
    return copy!;
  });
  return campaignView(deps.db, row);
}

/** A new draft to the failed, or to those sent the message who neither opened nor clicked it. */
export async function createFollowUp(deps: Pick<Deps, 'db' | 'now'>, actor: Actor, id: string, input: { kind: 'failed' | 'non_openers'; name?: string | undefined }): Promise<Campaign> {
  const parent = await findCampaign(deps.db, id);
  if (!parent.startedAt) throw new AppError('conflict', { detail: 'A follow-up needs a campaign that has been sent.' });
  const label = input.kind === 'failed' ? 'resend to failed' : 'non-openers';
  return cloneCampaign(deps, actor, id, { name: input.name ?? `${parent.name} — ${label}`.slice(0, 120), parent: { kind: input.kind } });
}

// ---------------------------------------------------------------- variants

export async function addVariant(deps: Pick<Deps, 'db' | 'now'>, campaignId: string): Promise<Campaign> {
  const row = await editableDraft(deps.db, campaignId);
  const variants = await deps.db.select().from(emailVariants).where(eq(emailVariants.campaignId, campaignId)).orderBy(asc(emailVariants.key));
  const key = VARIANT_KEYS.find((k) => !variants.some((v) => v.key === k));
  if (!key) throw new AppError('conflict', { detail: `A campaign has at most ${VARIANT_KEYS.length} variants.` });
  const base = variants[0];
  const now = deps.now();
  // A new variant starts as a copy of the first, to be changed where it should differ.
  await deps.db.insert(emailVariants).values({
    campaignId,
    key,
    ...(base ? { subject: base.subject, preheader: base.preheader, mode: base.mode, document: base.document, mjml: base.mjml, html: base.html, text: base.text, links: base.links } : {}),
    createdAt: now,
    updatedAt: now,
  });
  return campaignView(deps.db, await touch(deps, row.id));
}

export async function deleteVariant(deps: Pick<Deps, 'db' | 'now'>, campaignId: string, variantId: string): Promise<Campaign> {
  await editableDraft(deps.db, campaignId);
  const variants = await deps.db.select().from(emailVariants).where(eq(emailVariants.campaignId, campaignId));
  if (!variants.some((v) => v.id === variantId)) throw notFound('variant');
  if (variants.length === 1) throw new AppError('conflict', { detail: 'A campaign keeps at least one variant.' });
  await deps.db.delete(emailVariants).where(and(eq(emailVariants.id, variantId), eq(emailVariants.campaignId, campaignId)));
  return campaignView(deps.db, await touch(deps, campaignId));
}

/** Variants are part of the campaign: changing one moves its version on. */
async function touch(deps: Pick<Deps, 'db' | 'now'>, campaignId: string): Promise<CampaignRow> {
  const [row] = await deps.db
    .update(emailCampaigns)
    .set({ version: sql`${emailCampaigns.version} + 1`, updatedAt: deps.now() })
    .where(eq(emailCampaigns.id, campaignId))
    .returning();
  return row!;
}

export async function findVariant(db: Database, campaignId: string, variantId?: string): Promise<typeof emailVariants.$inferSelect> {
  const [variant] = await db
    .select()
    .from(emailVariants)
    .where(and(eq(emailVariants.campaignId, campaignId), variantId ? eq(emailVariants.id, variantId) : undefined))
    .orderBy(asc(emailVariants.key))
    .limit(1);
  if (!variant) throw notFound('variant');
  return variant;
}

export const variantKeys = (): readonly VariantKey[] => VARIANT_KEYS;

// ---------------------------------------------------------------- status

/**
 * Schedules a draft after a pre-flight with no red item (409 with the red items otherwise). A
 * schedule for now starts sending at once; the others are started by the scheduled job.
 */
export async function scheduleCampaign(deps: ServiceDeps & PreflightDeps, hooks: EmailHooks, actor: Actor, id: string, input: CampaignScheduleRequest): Promise<Campaign> {
  const draft = await editableDraft(deps.db, id, input.version);
  const now = deps.now();
  const schedule = input.schedule;
  if (schedule.kind === 'at' && Date.parse(schedule.at) < now.getTime() - 60_000) throw invalid('body.schedule.at', 'is in the past');
  const items = await preflightCampaign(deps, hooks, draft);
  const red = items.filter((i) => i.status === 'red');
  if (red.length) {
    throw new AppError('conflict', { detail: `The pre-flight check has ${red.length} red item${red.length === 1 ? '' : 's'}: fix ${red.length === 1 ? 'it' : 'them'} before scheduling.`, extra: { items: red } });
  }
  const scheduledAt = schedule.kind === 'now' ? now : schedule.kind === 'at' ? new Date(schedule.at) : firstLocalInstant(schedule);
  await moveCampaign(deps.db, id, 'scheduled', { from: ['draft'], expectVersion: input.version, userId: actor.userId, changes: { schedule, scheduledAt }, at: now });
  if (scheduledAt.getTime() <= now.getTime()) await startCampaign(deps, id);
  return getCampaign(deps, id);
}

export async function pauseCampaign(deps: ServiceDeps, actor: Actor, id: string): Promise<Campaign> {
  await moveCampaign(deps.db, id, 'paused', { from: ['scheduled', 'sending'], userId: actor.userId, changes: { pausedReason: null }, at: deps.now() });
  return getCampaign(deps, id);
}

/** A paused campaign that had started goes on sending (a new execution); one that had not goes back to its schedule. */
export async function resumeCampaign(deps: ServiceDeps, actor: Actor, id: string): Promise<Campaign> {
  const row = await findCampaign(deps.db, id);
  const now = deps.now();
  const to = row.startedAt ? 'sending' : 'scheduled';
  await moveCampaign(deps.db, id, to, { from: ['paused'], userId: actor.userId, changes: { pausedReason: null, executionArn: null }, at: now });
  if (to === 'sending') await launchSending(deps, id);
  else if (row.scheduledAt && row.scheduledAt.getTime() <= now.getTime()) await startCampaign(deps, id);
  return getCampaign(deps, id);
}

/** Back to draft before it started, to edit it (it must pass pre-flight again to be scheduled). */
export async function unscheduleCampaign(deps: ServiceDeps, actor: Actor, id: string): Promise<Campaign> {
  await moveCampaign(deps.db, id, 'draft', { from: ['scheduled'], userId: actor.userId, changes: { scheduledAt: null, schedule: null }, at: deps.now() });
  return getCampaign(deps, id);
}

/** Calls the campaign off: nothing more is sent (a running batch stops at its next status check) and the gate's holds end. */
export async function cancelCampaign(deps: ServiceDeps, actor: Actor, id: string): Promise<Campaign> {
  await moveCampaign(deps.db, id, 'cancelled', { userId: actor.userId, changes: { finishedAt: deps.now() }, at: deps.now() });
  await releaseHolds(deps.db, holderOf(id));
  return getCampaign(deps, id);
}

/** The manual A/B pick: the held remainder goes to this variant. */
export async function pickWinner(deps: ServiceDeps, id: string, variantId: string): Promise<Campaign> {
  const row = await findCampaign(deps.db, id);
  if (!row.abTest) throw new AppError('conflict', { detail: 'The campaign has no A/B test.' });
  if (!['sending', 'paused', 'scheduled'].includes(row.status)) throw new AppError('conflict', { detail: 'A winner is picked while the campaign is scheduled, sending or paused.', extra: { status: row.status } });
  await findVariant(deps.db, id, variantId);
  if (!(await chooseWinner(deps, id, variantId))) throw new AppError('conflict', { detail: 'A winner was already picked.' });
  return getCampaign(deps, id);
}

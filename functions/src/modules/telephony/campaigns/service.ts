// Call campaign use cases: list and read (agents see only the campaigns they are assigned to),
// create (with the default dispositions), edit, delete, clone, the dispositions and agents lists,
// and the status moves draft → active ⇄ paused → completed. Activation checks that the campaign
// can be dialled and gives it its dialer queue, paused until someone fills and starts it.
import { and, desc, eq, ilike, inArray, isNull, type SQL } from 'drizzle-orm';
import { can } from '@shared/access';
import {
  dialerSettingsSchema,
  type CallCampaign,
  type CallCampaignInput,
  type CallCampaignStatus,
  type CallCampaignSummary,
  type CallCampaignUpdate,
  type DispositionInput,
} from '@shared/contracts/telephony';
import type { Actor } from '../../../core/actor';
import { AppError, notFound, type FieldError } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import type { Principal } from '../../../core/principal';
import type { Database } from '../../../db/connection';
import { callCampaigns, callDispositions, campaignAgents, dialerQueues, sipTrunks } from '../../../db/schema';
import type { ScriptContentField, TelephonyHooks } from '../hooks';
import { trunkForCampaign } from '../settings/trunks';
import { replaceAgents } from './agents';
import { DEFAULT_DISPOSITIONS, replaceDispositions } from './dispositions';
import { checkScriptLiquid, sanitizeScript } from './script';
import { assignedCampaignIds, campaignView, summaryViews, type CampaignRow } from './views';

type Ctx = Pick<Deps, 'db' | 'now'>;

/** Who reads: a manager reads every campaign, anyone else only those they are assigned to. */
export type Reader = Pick<Principal, 'userId' | 'roles'>;
const managesCalls = (reader: Reader) => can(reader.roles, 'calls.manage');

const live = (id: string) => and(eq(callCampaigns.id, id), isNull(callCampaigns.deletedAt));

export async function findCampaign(db: Database, id: string): Promise<CampaignRow> {
  const [row] = await db.select().from(callCampaigns).where(live(id));
  if (!row) throw notFound('call campaign');
  return row;
}

/** The campaign's row if its reader may see it: one an agent is not assigned to is a 404, like a missing one. */
export async function readableCampaign(db: Database, id: string, reader?: Reader): Promise<CampaignRow> {
  const row = await findCampaign(db, id);
  if (reader && !managesCalls(reader) && !(await assignedCampaignIds(db, reader.userId, [id])).has(id)) throw notFound('call campaign');
  return row;
}

/** A campaign as its reader may see it. */
export async function getCampaign(deps: Pick<Deps, 'db'>, id: string, reader?: Reader): Promise<CallCampaign> {
  return campaignView(deps.db, await readableCampaign(deps.db, id, reader));
}

export interface CampaignListQuery {
  status?: CallCampaignStatus | undefined;
  q?: string | undefined;
}

/** Newest first (a few hundred at most: campaigns are made by hand), by status and name. */
export async function listCampaigns(deps: Pick<Deps, 'db'>, reader: Reader, query: CampaignListQuery = {}): Promise<CallCampaignSummary[]> {
  const where: SQL[] = [isNull(callCampaigns.deletedAt)];
  if (query.status) where.push(eq(callCampaigns.status, query.status));
  if (query.q) where.push(ilike(callCampaigns.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (!managesCalls(reader)) {
    const mine = deps.db.select({ id: campaignAgents.campaignId }).from(campaignAgents).where(eq(campaignAgents.userId, reader.userId));
    where.push(inArray(callCampaigns.id, mine));
  }
  const rows = await deps.db
    .select()
    .from(callCampaigns)
    .where(and(...where))
    .orderBy(desc(callCampaigns.createdAt), desc(callCampaigns.id))
    .limit(500);
  return summaryViews(deps.db, rows);
}

/**
 * The script sanitized and its merge fields checked (400 on `body.script`), the trunk live. A
 * campaign's script may name the content linked to it; a new one has none linked yet.
 */
async function checkedColumns(db: Database, input: CallCampaignUpdate, content: readonly ScriptContentField[] = []) {
  const script = input.script === undefined ? undefined : sanitizeScript(input.script);
  const problems: FieldError[] = script === undefined ? [] : checkScriptLiquid(script, content);
  if (input.trunkId) {
    const [trunk] = await db.select({ id: sipTrunks.id }).from(sipTrunks).where(and(eq(sipTrunks.id, input.trunkId), isNull(sipTrunks.deletedAt)));
    if (!trunk) problems.push({ field: 'body.trunkId', message: 'is not a trunk' });
  }
  if (problems.length) throw new AppError('invalid', { detail: problems.map((p) => `${p.field}: ${p.message}`).join('; '), errors: problems });
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.audience !== undefined ? { audience: input.audience } : {}),
    ...(input.trunkId !== undefined ? { trunkId: input.trunkId } : {}),
    ...(input.callerId !== undefined ? { callerId: input.callerId } : {}),
    ...(input.sellerName !== undefined ? { sellerName: input.sellerName } : {}),
    ...(input.sellerPhone !== undefined ? { sellerPhone: input.sellerPhone } : {}),
    ...(script !== undefined ? { script } : {}),
    ...(input.form !== undefined ? { form: input.form } : {}),
    ...(input.rules !== undefined ? { rules: input.rules } : {}),
    ...(input.callingWindow !== undefined ? { callingWindow: input.callingWindow } : {}),
    ...(input.record !== undefined ? { record: input.record } : {}),
    ...(input.consentAnnouncement !== undefined ? { consentAnnouncement: input.consentAnnouncement || null } : {}),
    ...(input.recordingRetentionDays !== undefined ? { recordingRetentionDays: input.recordingRetentionDays } : {}),
  };
}

/** A draft with the usual six dispositions. */
export async function createCampaign(deps: Ctx, actor: Actor, input: CallCampaignInput, dispositions: readonly DispositionInput[] = DEFAULT_DISPOSITIONS): Promise<CallCampaign> {
  const columns = await checkedColumns(deps.db, input);
  const now = deps.now();
  const row = await deps.db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const [campaign] = await tx
      .insert(callCampaigns)
      .values({ ...columns, name: input.name, sellerName: input.sellerName, sellerPhone: input.sellerPhone, createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning();
    await replaceDispositions(tx, campaign!.id, dispositions, now);
    return campaign!;
  });
  return campaignView(deps.db, row);
}

/** A completed campaign is a record of what was done: it is not edited. */
async function editable(db: Database, id: string): Promise<CampaignRow> {
  const row = await findCampaign(db, id);
  if (row.status === 'completed') throw new AppError('conflict', { detail: 'The campaign is completed: clone it to run it again.', extra: { status: row.status } });
  return row;
}

export async function updateCampaign(deps: Ctx, hooks: Pick<TelephonyHooks, 'scriptContent'>, id: string, input: CallCampaignUpdate): Promise<CallCampaign> {
  await editable(deps.db, id);
  const content = input.script === undefined ? [] : await hooks.scriptContent.fields(deps.db, id);
  const columns = await checkedColumns(deps.db, input, content);
  const [row] = await deps.db
    .update(callCampaigns)
    .set({ ...columns, updatedAt: deps.now() })
    .where(and(live(id), inArray(callCampaigns.status, ['draft', 'active', 'paused'])))
    .returning();
  if (!row) throw new AppError('conflict', { detail: 'The campaign was completed or deleted meanwhile.' });
  return campaignView(deps.db, row);
}

/** Soft delete; an active campaign is paused or completed first, so no call is cut from under an agent. */
export async function deleteCampaign(deps: Ctx, id: string): Promise<void> {
  const row = await findCampaign(deps.db, id);
  if (row.status === 'active') throw new AppError('conflict', { detail: 'The campaign is calling: pause or complete it first.', extra: { status: row.status } });
  const now = deps.now();
  await deps.db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    await tx.update(callCampaigns).set({ deletedAt: now, updatedAt: now }).where(and(live(id), eq(callCampaigns.status, row.status)));
    // Its agents no longer read its contacts; the queue stays for the calls' history but never runs again.
    await tx.delete(campaignAgents).where(eq(campaignAgents.campaignId, id));
    await tx.update(dialerQueues).set({ status: 'paused', pausedReason: 'deleted', updatedAt: now }).where(eq(dialerQueues.campaignId, id));
  });
}

/** A new draft with the same settings, script, form, dispositions and agents. */
export async function cloneCampaign(deps: Ctx, actor: Actor, id: string, name?: string): Promise<CallCampaign> {
  const source = await campaignView(deps.db, await findCampaign(deps.db, id));
  const now = deps.now();
  const row = await deps.db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const [copy] = await tx
      .insert(callCampaigns)
      .values({
        name: name ?? `${source.name} (copy)`.slice(0, 120),
        audience: source.audience,
        trunkId: source.trunkId,
        callerId: source.callerId,
        sellerName: source.sellerName,
        sellerPhone: source.sellerPhone,
        script: source.script,
        form: source.form,
        rules: source.rules,
        callingWindow: source.callingWindow,
        record: source.record,
        consentAnnouncement: source.consentAnnouncement,
        recordingRetentionDays: source.recordingRetentionDays,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await replaceDispositions(
      tx,
      copy!.id,
      source.dispositions.map(({ code, label, outcomeClass, shortcut, retryAfterMinutes }) => ({ code, label, outcomeClass, shortcut, retryAfterMinutes })),
      now,
    );
    await replaceAgents(tx, copy!.id, source.agentIds, now);
    return copy!;
  });
  return campaignView(deps.db, row);
}

export async function putDispositions(deps: Ctx, id: string, list: readonly DispositionInput[]): Promise<CallCampaign> {
  await editable(deps.db, id);
  const now = deps.now();
  const row = await deps.db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    await replaceDispositions(tx, id, list, now);
    const [touched] = await tx.update(callCampaigns).set({ updatedAt: now }).where(live(id)).returning();
    return touched!;
  });
  return campaignView(deps.db, row);
}

export async function putAgents(deps: Ctx, id: string, userIds: readonly string[]): Promise<CallCampaign> {
  await editable(deps.db, id);
  const now = deps.now();
  const row = await deps.db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    await replaceAgents(tx, id, userIds, now);
    const [touched] = await tx.update(callCampaigns).set({ updatedAt: now }).where(live(id)).returning();
    return touched!;
  });
  return campaignView(deps.db, row);
}

// ---------------------------------------------------------------- status

const MOVES: Record<CallCampaignStatus, readonly CallCampaignStatus[]> = {
  draft: ['active', 'completed'],
  active: ['paused', 'completed'],
  paused: ['active', 'completed'],
  completed: [],
};

/** What keeps a campaign from being dialled, each on the field that needs it (empty: it can start). */
export async function activationProblems(deps: Pick<Deps, 'db'>, hooks: TelephonyHooks, row: CampaignRow): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (!row.audience) problems.push({ field: 'audience', message: 'choose who is called: a segment, a list or a domain set' });
  else {
    try {
      await hooks.audienceSql(deps.db, row.audience as NonNullable<CallCampaign['audience']>);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push({ field: 'audience', message: 'the segment, list or domain set is gone: choose another' });
    }
  }
  if (!row.sellerName.trim()) problems.push({ field: 'sellerName', message: 'is needed for the safe-harbour message' });
  if (!row.sellerPhone.trim()) problems.push({ field: 'sellerPhone', message: 'is needed for the safe-harbour message' });
  const [disposition] = await deps.db.select({ id: callDispositions.id }).from(callDispositions).where(eq(callDispositions.campaignId, row.id)).limit(1);
  if (!disposition) problems.push({ field: 'dispositions', message: 'add at least one disposition' });
  const trunk = await trunkForCampaign(deps.db, row.trunkId);
  if (!trunk) {
    problems.push({ field: 'trunkId', message: row.trunkId ? 'the trunk is inactive or removed: choose another' : 'choose a trunk, or make an active trunk the default' });
  } else if (row.callerId && trunk.callerIds.length > 0 && !trunk.callerIds.includes(row.callerId)) {
    problems.push({ field: 'callerId', message: `is not a caller id of the trunk ${trunk.name}` });
  }
  return problems;
}

async function move(deps: Ctx, id: string, to: CallCampaignStatus, from: readonly CallCampaignStatus[], work?: (tx: Database) => Promise<void>): Promise<CallCampaign> {
  const now = deps.now();
  const row = await deps.db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    // The status the move starts from is checked in the update itself: two clicks race to one winner.
    const [moved] = await tx
      .update(callCampaigns)
      .set({ status: to, updatedAt: now })
      .where(and(live(id), inArray(callCampaigns.status, [...from])))
      .returning();
    if (!moved) {
      const current = await findCampaign(tx, id);
      throw new AppError('conflict', { detail: `A ${current.status} campaign cannot become ${to}.`, extra: { status: current.status } });
    }
    await work?.(tx);
    return moved;
  });
  return campaignView(deps.db, row);
}

const allowedFrom = (to: CallCampaignStatus) => (Object.keys(MOVES) as CallCampaignStatus[]).filter((s) => MOVES[s].includes(to));

/**
 * Starts (or resumes) calling: refused (409, each problem on its field) until the campaign has an
 * audience, a seller, a disposition and a trunk to call through. Its dialer queue is made on the
 * first start — paused, with the default settings — for the control centre to fill and start.
 */
export async function activateCampaign(deps: Ctx, hooks: TelephonyHooks, id: string): Promise<CallCampaign> {
  const row = await findCampaign(deps.db, id);
  if (!MOVES[row.status as CallCampaignStatus].includes('active')) {
    throw new AppError('conflict', { detail: `A ${row.status} campaign cannot be activated.`, extra: { status: row.status } });
  }
  const problems = await activationProblems(deps, hooks, row);
  if (problems.length) {
    throw new AppError('conflict', { detail: `The campaign cannot start yet: ${problems.map((p) => `${p.field} — ${p.message}`).join('; ')}.`, errors: problems });
  }
  const now = deps.now();
  return move(deps, id, 'active', allowedFrom('active'), async (tx) => {
    await tx
      .insert(dialerQueues)
      .values({ campaignId: id, status: 'paused', settings: dialerSettingsSchema.parse({}), createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: dialerQueues.campaignId });
  });
}

/** Stops new calls; calls in progress end as they would. The dialer queue pauses with it. */
export async function pauseCampaign(deps: Ctx, id: string): Promise<CallCampaign> {
  return move(deps, id, 'paused', allowedFrom('paused'), async (tx) => {
    await tx.update(dialerQueues).set({ status: 'paused', pausedReason: 'campaign paused', updatedAt: deps.now() }).where(eq(dialerQueues.campaignId, id));
  });
}

/** The end: no more calls, and the campaign becomes read-only. */
export async function completeCampaign(deps: Ctx, id: string): Promise<CallCampaign> {
  return move(deps, id, 'completed', allowedFrom('completed'), async (tx) => {
    await tx.update(dialerQueues).set({ status: 'paused', pausedReason: 'campaign completed', updatedAt: deps.now() }).where(eq(dialerQueues.campaignId, id));
  });
}

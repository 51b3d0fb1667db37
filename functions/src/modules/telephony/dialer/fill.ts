// Filling a campaign's queue: its audience goes through the contact gate once (with its proof), the
// admitted contacts are held under the queue (the queue-size account cap counts holds) and each
// becomes one queue item with its first dialable number. A refill adds only contacts not queued
// yet. The calling window is not applied here: it is checked again for every dial (a queue filled
// at night is dialled in the morning), so the fill admits at any hour (a state's closed day still
// keeps its contacts out of that day's fill; the next refill adds them).
import { sql } from 'drizzle-orm';
import { callAudienceSchema } from '@shared/contracts/telephony';
import type { GateCounts, PolicyRules } from '@shared/contracts/activity';
import type { Actor } from '../../../core/actor';
import type { Deps } from '../../../core/deps';
import { AppError, notFound } from '../../../core/app-error';
import { queryOne } from '../../../db/rows';
import { admitAudience } from '../../activity';
import type { TelephonyHooks } from '../hooks';
import { ensureQueue } from './queue-store';
import { callHolderOf } from '../calls/call-keys';

/** How long a queued contact is held from other campaigns at most; every refill renews it. */
export const QUEUE_HOLD_DAYS = 30;
/** Items written per statement. */
const INSERT_CHUNK = 5000;

export const holderOf = callHolderOf;

/** Every hour of the day: the fill does not judge the hour, the dial does. */
const ANY_HOUR = { start: '00:00', end: '23:59' } as const;

export interface FillResult {
  proofId: string;
  counts: GateCounts;
  /** Items added by this fill (contacts already queued are left as they are). */
  added: number;
  /** Admitted but without a number to dial (none left after the do-not-call list). */
  noPhone: number;
}

export async function fillQueue(deps: Pick<Deps, 'db' | 'config' | 'now'>, hooks: TelephonyHooks, campaignId: string, actor: Actor, options: { priority?: number } = {}): Promise<FillResult> {
  const campaign = await queryOne<{ audience: unknown; rules: unknown; status: string }>(
    deps.db,
    sql`select audience, rules, status from call_campaigns where id = ${campaignId}::uuid and deleted_at is null`,
  );
  if (!campaign) throw notFound('call campaign');
  if (campaign.status === 'completed') throw new AppError('conflict', { detail: 'The campaign is completed: its queue is not filled again.' });
  const parsed = callAudienceSchema.safeParse(typeof campaign.audience === 'string' ? JSON.parse(campaign.audience) : campaign.audience);
  if (!parsed.success) throw new AppError('conflict', { detail: 'The campaign has no audience: choose a segment, list or domain set first.' });
  const rules = (typeof campaign.rules === 'string' ? JSON.parse(campaign.rules) : campaign.rules) as PolicyRules | null;
  const now = deps.now();

  return deps.db.transaction(async (txn) => {
    const tx = txn as unknown as Deps['db'];
    await ensureQueue(tx, campaignId);
    const admitted = await admitAudience(tx, { kind: 'query', sql: await hooks.audienceSql(tx, parsed.data) }, {
      channel: 'phone',
      at: now,
      campaign: { id: campaignId, rules, callingWindow: ANY_HOUR },
      selection: { ...parsed.data, callingWindow: 'checked at each dial' },
      actorId: actor.userId,
      retainDays: deps.config.GATE_PROOF_RETENTION_DAYS,
      hold: { holder: holderOf(campaignId), until: new Date(now.getTime() + QUEUE_HOLD_DAYS * 86_400_000) },
    });
    const dialable = admitted.admitted.filter((c) => c.phones.length > 0);
    let added = 0;
    for (let i = 0; i < dialable.length; i += INSERT_CHUNK) {
      const chunk = dialable.slice(i, i + INSERT_CHUNK);
      // One statement per chunk: the admitted contacts not queued yet become items.
      const result = await tx.execute(sql`insert into dialer_queue_items (campaign_id, contact_id, account_id, phone, priority, next_attempt_at)
        select ${campaignId}::uuid, c.contact_id, c.account_id, c.phone, ${options.priority ?? 0}, ${now.toISOString()}::timestamptz
        from unnest(${sql.param(chunk.map((c) => c.contactId))}::uuid[], ${sql.param(chunk.map((c) => c.accountId))}::uuid[],
          ${sql.param(chunk.map((c) => c.phones[0]!))}::text[]) as c(contact_id, account_id, phone)
        on conflict (campaign_id, contact_id) do nothing`);
      added += Number((result as { rowCount?: number }).rowCount ?? (result as { affectedRows?: number }).affectedRows ?? 0);
    }
    await tx.execute(sql`update dialer_queues set filled_at = ${now.toISOString()}::timestamptz, fill_proof_id = ${admitted.proofId}::uuid,
      updated_at = ${now.toISOString()}::timestamptz where campaign_id = ${campaignId}::uuid`);
    return { proofId: admitted.proofId, counts: admitted.counts, added, noPhone: admitted.admitted.length - dialable.length };
  });
}

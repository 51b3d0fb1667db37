// A campaign's dispositions: what an agent picks when a call ends. A new campaign starts with the
// usual six; the editor replaces the whole list at once (codes and shortcut keys unique, positions
// by the order given), keeping the ids of those it names so past calls keep theirs; one that calls
// were already wrapped up with cannot be dropped.
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { DispositionInput } from '@shared/contracts/telephony';
import { AppError, type FieldError } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { callDispositions, calls } from '../../../db/schema';

export const DEFAULT_DISPOSITIONS: readonly DispositionInput[] = [
  { code: 'interested', label: 'Interested', outcomeClass: 'positive', shortcut: '1', retryAfterMinutes: null },
  { code: 'not_interested', label: 'Not interested', outcomeClass: 'negative', shortcut: '2', retryAfterMinutes: null },
  { code: 'call_back', label: 'Call back', outcomeClass: 'callback', shortcut: '3', retryAfterMinutes: null },
  { code: 'do_not_call', label: 'Do not call', outcomeClass: 'do_not_call', shortcut: '4', retryAfterMinutes: null },
  { code: 'wrong_number', label: 'Wrong number', outcomeClass: 'wrong_number', shortcut: '5', retryAfterMinutes: null },
  { code: 'no_decision_maker', label: 'No decision-maker', outcomeClass: 'neutral', shortcut: '6', retryAfterMinutes: 2880 },
];

/** Duplicate codes and shortcut keys, as field errors on the list's items. */
export function dispositionProblems(list: readonly DispositionInput[]): FieldError[] {
  const problems: FieldError[] = [];
  const codes = new Map<string, number>();
  const keys = new Map<string, number>();
  list.forEach((d, i) => {
    const code = codes.get(d.code);
    if (code !== undefined) problems.push({ field: `body.dispositions.${i}.code`, message: `is also the code of disposition ${code + 1}` });
    else codes.set(d.code, i);
    if (d.shortcut) {
      const key = keys.get(d.shortcut);
      if (key !== undefined) problems.push({ field: `body.dispositions.${i}.shortcut`, message: `is also the key of disposition ${key + 1}` });
      else keys.set(d.shortcut, i);
    }
  });
  return problems;
}

/**
 * Replaces the campaign's dispositions with the list, in the caller's transaction: those not named
 * are deleted (409 when a call was wrapped up with one), the named ones updated in place (at most
 * 40 rows), the new ones inserted. Codes are moved out of the way first so two rows may swap codes.
 */
export async function replaceDispositions(tx: Database, campaignId: string, list: readonly DispositionInput[], now: Date): Promise<void> {
  const problems = dispositionProblems(list);
  if (problems.length) throw new AppError('invalid', { detail: 'Disposition codes and shortcut keys must be unique in a campaign.', errors: problems });
  const kept = list.map((d) => d.id).filter((id): id is string => id !== undefined);
  const dropped = and(eq(callDispositions.campaignId, campaignId), kept.length ? notInArray(callDispositions.id, kept) : undefined);
  const [used] = await tx
    .select({ label: callDispositions.label })
    .from(callDispositions)
    .innerJoin(calls, eq(calls.dispositionId, callDispositions.id))
    .where(dropped)
    .limit(1);
  if (used) throw new AppError('conflict', { detail: `Calls were wrapped up as “${used.label}”: keep it (rename it if you must).` });
  await tx.delete(callDispositions).where(dropped);
  if (kept.length) {
    // Free the unique (campaign, code) for the rewrite below: a swap of two codes would collide mid-way.
    await tx
      .update(callDispositions)
      .set({ code: sql`'~' || ${callDispositions.id}::text` })
      .where(eq(callDispositions.campaignId, campaignId));
  }
  const rows = list.map((d, position) => ({
    campaignId,
    code: d.code,
    label: d.label,
    outcomeClass: d.outcomeClass,
    shortcut: d.shortcut ?? null,
    retryAfterMinutes: d.retryAfterMinutes ?? null,
    position,
    updatedAt: now,
  }));
  for (const [i, d] of list.entries()) {
    if (!d.id) continue;
    const [updated] = await tx
      .update(callDispositions)
      .set(rows[i]!)
      .where(and(eq(callDispositions.id, d.id), eq(callDispositions.campaignId, campaignId)))
      .returning({ id: callDispositions.id });
    if (!updated) throw new AppError('invalid', { errors: [{ field: `body.dispositions.${i}.id`, message: 'is not a disposition of this campaign' }] });
  }
  const fresh = rows.filter((_, i) => !list[i]!.id);
  if (fresh.length) await tx.insert(callDispositions).values(fresh.map((r) => ({ ...r, createdAt: now })));
}

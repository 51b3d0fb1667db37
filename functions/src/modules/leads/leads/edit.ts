// An analyst's corrections of a lead's fields, answers and notes (each changed value one audited
// row in lead_corrections: before, after, who, when; an unchanged value writes nothing), and the
// ticks of the campaign's checklist. Once the client has the lead, nothing changes any more.
import { and, eq, isNull } from 'drizzle-orm';
import type { LeadFields, UpdateLead } from '@shared/contracts/leads';
import { normalizeEmail } from '@shared/normalize';
import type { Deps } from '../../../core/deps';
import { AppError, invalid, notFound, type FieldError } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { leadCorrections, leads } from '../../../db/schema';
import { settingsForCampaign } from './campaign-settings';

/** States in which the lead is still ours to correct. */
const EDITABLE = ['new', 'under_review', 'approved', 'rejected'];
/** States in which the checklist is still being worked through. */
const CHECKABLE = ['new', 'under_review'];

type LeadRow = typeof leads.$inferSelect;
export type ChecklistTicks = Record<string, { checked: boolean; by: string | null; at: string }>;

/** The lead's row, locked for this transaction (404 when missing or deleted). */
export async function lockLead(tx: Database, leadId: string): Promise<LeadRow> {
  const [lead] = await tx.select().from(leads).where(and(eq(leads.id, leadId), isNull(leads.deletedAt))).for('update');
  if (!lead) throw notFound('lead');
  return lead;
}

/** Sets an own property, whatever the key (an answer may be called "__proto__"). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Values compared by content, whatever the key order of an object. */
function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

function cleanFields(fields: LeadFields): LeadFields {
  const out: LeadFields = {};
  for (const [key, value] of Object.entries(fields) as [keyof LeadFields, string | null | undefined][]) {
    if (value === undefined) continue;
    const text = value === null || value === '' ? null : value;
    if (key === 'email' && text !== null) {
      const email = normalizeEmail(text);
      if (!email) throw invalid('body.fields.email', 'is not an email address');
      out.email = email;
    } else if (key === 'country' && text !== null) {
      if (!/^[a-z]{2}$/i.test(text)) throw invalid('body.fields.country', 'must be a two-letter country code');
      out.country = text.toUpperCase();
    } else {
      out[key] = text;
    }
  }
  return out;
}

/** Applies the changes that change something, each audited; the number of corrections written. */
export async function updateLead(deps: Pick<Deps, 'db' | 'now'>, actorId: string, leadId: string, input: UpdateLead): Promise<number> {
  const fields = input.fields ? cleanFields(input.fields) : {};
  const at = deps.now();
  return deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const lead = await lockLead(tx, leadId);
    if (!EDITABLE.includes(lead.state)) throw new AppError('conflict', { detail: `A ${lead.state} lead can no longer be corrected: the client has it.` });
    const corrections: { field: string; before: unknown; after: unknown }[] = [];
    const nextFields = { ...((lead.fields ?? {}) as Record<string, unknown>) };
    for (const [key, value] of Object.entries(fields)) {
      if (canonical(nextFields[key]) === canonical(value)) continue;
      corrections.push({ field: `fields.${key}`, before: nextFields[key] ?? null, after: value ?? null });
      setOwn(nextFields, key, value);
    }
    const nextAnswers = { ...((lead.answers ?? {}) as Record<string, unknown>) };
    for (const [key, value] of Object.entries(input.answers ?? {})) {
      if (canonical(Object.hasOwn(nextAnswers, key) ? nextAnswers[key] : undefined) === canonical(value)) continue;
      corrections.push({ field: `answers.${key}`, before: (Object.hasOwn(nextAnswers, key) ? nextAnswers[key] : null) ?? null, after: value ?? null });
      setOwn(nextAnswers, key, value ?? null);
    }
    const notesChanged = input.notes !== undefined && (input.notes || null) !== lead.notes;
    if (notesChanged) corrections.push({ field: 'notes', before: lead.notes, after: input.notes || null });
    if (!corrections.length) return 0;
    await tx
      .update(leads)
      .set({ fields: nextFields, answers: nextAnswers, ...(notesChanged ? { notes: input.notes || null } : {}), updatedAt: at })
      .where(eq(leads.id, leadId));
    await tx.insert(leadCorrections).values(corrections.map((c) => ({ leadId, field: c.field, before: c.before, after: c.after, actorId, at })));
    return corrections.length;
  });
}

/** Ticks (or unticks) items of the campaign's checklist, recording who and when; an unknown item is a 422 naming it. */
export async function tickChecklist(deps: Pick<Deps, 'db' | 'now'>, actorId: string, leadId: string, ticks: Record<string, boolean>): Promise<void> {
  const at = deps.now();
  await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const lead = await lockLead(tx, leadId);
    if (!CHECKABLE.includes(lead.state)) throw new AppError('conflict', { detail: `The checklist of a ${lead.state.replace('_', ' ')} lead is closed.` });
    const { checklist } = await settingsForCampaign(tx, lead.campaignId);
    const known = new Set(checklist.map((item) => item.id));
    const errors: FieldError[] = Object.keys(ticks)
      .filter((id) => !known.has(id))
      .map((id) => ({ field: `body.${id}`, message: "is not an item of this campaign's checklist" }));
    if (errors.length) throw new AppError('unprocessable', { errors, detail: errors.map((e) => `${e.field}: ${e.message}`).join('; ') });
    await tx
      .update(leads)
      .set({ checklist: applyTicks(lead.checklist as ChecklistTicks | null, ticks, actorId, at), updatedAt: at })
      .where(eq(leads.id, leadId));
  });
}

/** The checklist with these ticks applied (an unchanged tick keeps who made it and when). */
export function applyTicks(current: ChecklistTicks | null, ticks: Record<string, boolean>, actorId: string, at: Date): ChecklistTicks {
  const next: ChecklistTicks = { ...(current ?? {}) };
  for (const [id, checked] of Object.entries(ticks)) {
    if (next[id]?.checked === checked) continue;
    next[id] = { checked, by: actorId, at: at.toISOString() };
  }
  return next;
}

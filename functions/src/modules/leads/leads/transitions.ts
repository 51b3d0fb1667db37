// The one way a lead changes state: checked against the contract's transition table (who may
// move it from where to where; a move out of order answers 409), written with a guard on the
// state it was read in (two reviewers at once: one wins, the other gets 409), and audited in
// lead_transitions (who, when, from, to, why). Callers pass their transaction.
import { and, eq, isNull } from 'drizzle-orm';
import { LEAD_TRANSITIONS, type LeadState } from '@shared/contracts/leads';
import type { Capability } from '@shared/access';
import { can } from '@shared/access';
import type { Role } from '@shared/roles';
import { AppError, invalid, notFound } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { leadReasonCodes, leads, leadTransitions } from '../../../db/schema';

/** Who moves the lead: a person with their roles, or the system (the pipeline, delivery). */
export type LeadActor = { kind: 'person'; userId: string; roles: readonly Role[] } | { kind: 'system' };

export interface TransitionInput {
  leadId: string;
  to: LeadState;
  actor: LeadActor;
  reasonCode?: string | null;
  note?: string | null;
  at: Date;
  /** Extra columns set with the state (reviewer, timestamps, replacement link). */
  set?: Partial<typeof leads.$inferInsert>;
}

function allowedBy(actor: LeadActor, by: Capability | 'system'): boolean {
  if (by === 'system') return actor.kind === 'system';
  return actor.kind === 'person' && can(actor.roles, by);
}

/** Moves a lead to `to` or throws: 404 (no such lead), 409 (not from its state), 403 (not this actor's move), 422 (reason). */
export async function transitionLead(tx: Database, input: TransitionInput): Promise<{ from: LeadState; to: LeadState }> {
  const [lead] = await tx
    .select({ state: leads.state })
    .from(leads)
    .where(and(eq(leads.id, input.leadId), isNull(leads.deletedAt)));
  if (!lead) throw notFound('lead');
  const from = lead.state as LeadState;
  const moves = LEAD_TRANSITIONS.filter((t) => t.from === from && t.to === input.to);
  if (!moves.length) {
    throw new AppError('conflict', { detail: `A lead that is ${from.replace('_', ' ')} cannot become ${input.to.replace('_', ' ')}.` });
  }
  const move = moves.find((t) => allowedBy(input.actor, t.by));
  if (!move) throw new AppError('forbidden', { detail: `You may not move a lead from ${from.replace('_', ' ')} to ${input.to.replace('_', ' ')}.` });
  const reasonCode = input.reasonCode?.trim() || null;
  if (move.reason === 'required' && !reasonCode) throw invalid('body.reasonCode', 'is required for this change');
  if (reasonCode) {
    const kind = input.to === 'returned' ? 'return' : 'reject';
    const [code] = await tx
      .select({ active: leadReasonCodes.active })
      .from(leadReasonCodes)
      .where(and(eq(leadReasonCodes.code, reasonCode), eq(leadReasonCodes.kind, kind)));
    if (!code?.active) throw invalid('body.reasonCode', `is not an active ${kind} reason`);
  }
  const updated = await tx
    .update(leads)
    .set({
      ...input.set,
      state: input.to,
      ...(reasonCode || input.note !== undefined ? { reasonCode, reasonNote: input.note ?? null } : {}),
      updatedAt: input.at,
    })
    .where(and(eq(leads.id, input.leadId), eq(leads.state, from)))
    .returning({ id: leads.id });
  if (!updated.length) throw new AppError('conflict', { detail: 'This lead was changed by someone else meanwhile: reload it.' });
  await tx.insert(leadTransitions).values({
    leadId: input.leadId,
    fromState: from,
    toState: input.to,
    actorId: input.actor.kind === 'person' ? input.actor.userId : null,
    reasonCode,
    note: input.note ?? null,
    at: input.at,
  });
  return { from, to: input.to };
}

/** The first entry of a lead's history (created as new), written with the lead. */
export async function recordCreation(tx: Database, leadId: string, actorId: string | null, at: Date, note: string | null = null): Promise<void> {
  await tx.insert(leadTransitions).values({ leadId, fromState: null, toState: 'new', actorId, note, at });
}


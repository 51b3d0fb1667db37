// The agent's wrap-up of a call: a disposition of the call's campaign, notes, and the
// qualification form's answers (checked against the campaign's form). Its effects, in the same
// transaction: do-not-call suppresses the number and records the person's opt-out at once; a
// callback becomes the agent's task at the agreed time; a wrong number leaves every queue; the
// queue item is settled by the disposition's retry; a disposition touch is recorded; a positive
// disposition makes the call's lead (the positiveCall hook), whose work starts after the commit.
import { eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { OutcomeClass } from '@shared/contracts/activity';
import { qualificationFormSchema, type Call, type DispositionClass, type WrapUp } from '@shared/contracts/telephony';
import { checkAnswers } from '@shared/telephony-form';
import { AppError, invalid } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { callCampaigns, callDispositions, calls, contacts } from '../../../db/schema';
import { createTask, recordTouches } from '../../activity';
import { recordOptOut, suppressPhone } from '../../compliance';
import { noTelephonyHooks, type TelephonyHooks } from '../hooks';
import { setPresence } from '../presence';
import { agentCallState } from './agent-console';
import { callTouchId } from './call-keys';
import { settleQueueItem } from './queue-settle';
import { callsWhere, visibleCallRow, type CallViewer } from './views';

/** How a disposition counts where touches count outcomes (quiet periods, positive-outcome caps). */
const TOUCH_OUTCOME: Record<DispositionClass, OutcomeClass> = {
  positive: 'positive',
  negative: 'negative',
  neutral: 'neutral',
  callback: 'neutral',
  do_not_call: 'negative',
  wrong_number: 'neutral',
};

const isZone = (zone: string | null | undefined): zone is string => Boolean(zone) && DateTime.now().setZone(zone!).isValid;

/** The callback task's local due time: in the contact's zone when we know it (the instant is the agreed one either way). */
function callbackDue(at: string, zone: string | null): { dueLocal: string; dueTimeZone: string } {
  const timeZone = isZone(zone) ? zone : 'UTC';
  return { dueLocal: DateTime.fromISO(at).setZone(timeZone).toFormat("yyyy-MM-dd'T'HH:mm"), dueTimeZone: timeZone };
}

export async function wrapUpCall(
  deps: Deps,
  viewer: CallViewer,
  callId: string,
  input: WrapUp,
  hooks: Pick<TelephonyHooks, 'positiveCall'> = noTelephonyHooks,
): Promise<Call> {
  const now = deps.now();
  const { agentId, leadId } = await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const call = await visibleCallRow(tx, viewer, callId, true);
    if (!call.campaignId) throw new AppError('unprocessable', { detail: 'This call belongs to no campaign: it has no dispositions.' });
    if (call.dispositionId) throw new AppError('conflict', { detail: 'This call has its disposition already.' });
    if (!call.bridgedAt && !call.endedAt) throw new AppError('conflict', { detail: 'This call has not been connected yet.' });
    const [disposition] = await tx.select().from(callDispositions).where(eq(callDispositions.id, input.dispositionId));
    if (!disposition || disposition.campaignId !== call.campaignId) throw invalid('body.dispositionId', "is not a disposition of this call's campaign");
    const [campaign] = await tx.select({ form: callCampaigns.form, name: callCampaigns.name }).from(callCampaigns).where(eq(callCampaigns.id, call.campaignId));
    const form = qualificationFormSchema.safeParse(campaign?.form ?? []);
    const problems = checkAnswers(form.success ? form.data : [], input.answers);
    if (problems.length) {
      const errors = problems.map((p) => ({ field: `body.answers.${p.field}`, message: p.message }));
      throw new AppError('invalid', { errors, detail: errors.map((e) => `${e.field}: ${e.message}`).join('; ') });
    }
    const outcomeClass = disposition.outcomeClass as DispositionClass;
    const [contact] = call.contactId
      ? await tx.select({ name: contacts.fullName, timezone: contacts.timezone, accountId: contacts.accountId }).from(contacts).where(eq(contacts.id, call.contactId))
      : [];

    if (outcomeClass === 'callback') {
      if (!input.callbackAt) throw invalid('body.callbackAt', 'is required for a call-back disposition');
      if (Date.parse(input.callbackAt) < now.getTime() - 60_000) throw invalid('body.callbackAt', 'must not be in the past');
      await createTask(tx, {
        request: {
          title: `Call back ${contact?.name ?? call.toNumber}`.slice(0, 200),
          type: 'call_back',
          ...callbackDue(input.callbackAt, contact?.timezone ?? null),
          assigneeId: call.agentId ?? viewer.userId,
          contactId: call.contactId,
          accountId: call.contactId ? null : call.accountId,
          note: input.notes ? input.notes.slice(0, 2000) : `Campaign "${campaign?.name ?? ''}"`,
        },
        createdBy: viewer,
        at: now,
      });
    }
    if (outcomeClass === 'do_not_call') {
      // Applies at once: the next gate check, by any campaign, refuses the number and the person.
      await suppressPhone(tx, call.toNumber, 'unsubscribe', `call:${call.id}`, now);
      if (call.contactId) {
        await recordOptOut(tx, { contactId: call.contactId, channel: 'phone', source: 'call-disposition', evidence: `Asked not to be called again on call ${call.id}`, at: now });
      }
    }
    if (outcomeClass === 'wrong_number' && call.contactId) {
      // The number is not this person's: no queue dials it for them again.
      await tx.execute(
        sql`update dialer_queue_items set status = 'removed', last_outcome = 'wrong_number', updated_at = now()
          where contact_id = ${call.contactId}::uuid and phone = ${call.toNumber} and status = 'queued'`,
      );
    }

    const [updated] = await tx
      .update(calls)
      .set({ dispositionId: disposition.id, dispositionAt: now, notes: input.notes ?? null, answers: input.answers, updatedAt: now })
      .where(eq(calls.id, call.id))
      .returning();
    if (call.contactId) {
      await recordTouches(
        tx,
        [
          {
            sourceEventId: callTouchId(call.id, 'disposition'),
            channel: 'call',
            kind: 'disposition',
            contactId: call.contactId,
            campaignId: call.campaignId,
            outcome: TOUCH_OUTCOME[outcomeClass],
            disposition: disposition.code,
            occurredAt: now.toISOString(),
            summary: disposition.label,
          },
        ],
        viewer.userId,
      );
    }
    await settleQueueItem(tx, updated!);
    const leadId = outcomeClass === 'positive' ? await hooks.positiveCall.inTransaction(tx, call.id, now) : null;
    return { agentId: updated!.endedAt ? updated!.agentId : null, leadId };
  });
  if (leadId) {
    // The wrap-up stands whatever happens here: a lead whose work did not start is picked up again later.
    try {
      await hooks.positiveCall.afterCommit(deps, leadId);
    } catch (error) {
      deps.logger.error('the lead of a positive call was made but its work did not start', { callId, leadId, error: (error as Error).message });
    }
  }
  // The wrap-up is the end of after-call work, unless another connected call still waits for one.
  if (agentId && !(await agentCallState(deps.db, agentId, now)).wrapUpPending) {
    await setPresence(deps, agentId, 'available', { expect: ['after_call_work'] });
  }
  const [call] = await callsWhere(deps.db, eq(calls.id, callId));
  return call!;
}

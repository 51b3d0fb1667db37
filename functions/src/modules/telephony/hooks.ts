// What the telephony module needs from the others, wired at the root (functions/src/composition.ts):
// the contact ids of a campaign's segment, list or domain set (the audience module's), and what a
// positive wrap-up starts (the leads module's lead, made in the wrap-up's own transaction).
import type { SQL } from 'drizzle-orm';
import type { CallAudience } from '@shared/contracts/telephony';
import type { Deps } from '../../core/deps';
import type { Database } from '../../db/connection';
import { invalid } from '../../core/app-error';

export interface PositiveCallHook {
  /** In the wrap-up's transaction, once the call has its disposition and answers: the call's lead (once per call), or null. */
  inTransaction(tx: Database, callId: string, at: Date): Promise<string | null>;
  /** After the wrap-up commits: the lead's work starts (a failure is logged, never undoes the wrap-up). */
  afterCommit(deps: Deps, leadId: string): Promise<void>;
}

export interface TelephonyHooks {
  /** One column of contact ids for a segment, a static list or a domain set (404 when it is gone). */
  audienceSql(db: Database, audience: CallAudience): Promise<SQL>;
  /** A wrap-up with a disposition of the positive class. */
  positiveCall: PositiveCallHook;
}

export const noTelephonyHooks: TelephonyHooks = {
  audienceSql: async (_db, audience) => {
    throw invalid('audience.kind', `${audience.kind} audiences are not available`);
  },
  positiveCall: { inTransaction: async () => null, afterCommit: async () => undefined },
};

// What the telephony module needs from the others, wired at the root (functions/src/composition.ts):
// the contact ids of a campaign's segment, list or domain set (the audience module's), what a
// positive wrap-up starts (the leads module's lead, made in the wrap-up's own transaction), and the
// content linked to a campaign as its script's `{{ content.<key> }}` links (the content module's).
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

/** An asset linked to a call campaign: `{{ content.<key> }}` in its script. */
export interface ScriptContentField {
  key: string;
  assetId: string;
  title: string;
}

export interface ScriptContentHook {
  /** The live assets linked to the campaign, in the order they were linked (none: the script may use no `content.*`). */
  fields(db: Database, campaignId: string): Promise<ScriptContentField[]>;
  /** One contact's tracking URL (channel call_script) of each linked asset, by key; made where missing. */
  urls(deps: Pick<Deps, 'db' | 'config'>, input: { campaignId: string; contactId: string }): Promise<Record<string, string>>;
}

export interface TelephonyHooks {
  /** One column of contact ids for a segment, a static list or a domain set (404 when it is gone). */
  audienceSql(db: Database, audience: CallAudience): Promise<SQL>;
  /** A wrap-up with a disposition of the positive class. */
  positiveCall: PositiveCallHook;
  /** The content linked to a campaign, for its script's merge fields. */
  scriptContent: ScriptContentHook;
}

export const noTelephonyHooks: TelephonyHooks = {
  audienceSql: async (_db, audience) => {
    throw invalid('audience.kind', `${audience.kind} audiences are not available`);
  },
  positiveCall: { inTransaction: async () => null, afterCommit: async () => undefined },
  scriptContent: { fields: async () => [], urls: async () => ({}) },
};

// What the email module needs from the others, wired at the root (functions/src/composition.ts):
// the contact ids of a campaign's segment, list or domain set (the audience module's), client
// orders' pacing (the portal's) and the tracking URLs of attached content (the content module's).
import type { SQL } from 'drizzle-orm';
import type { CampaignAudience } from '@shared/contracts/email';
import type { Database } from '../../db/connection';
import type { Deps } from '../../core/deps';
import { invalid } from '../../core/app-error';

export interface EmailHooks {
  /** One column of contact ids for a segment, a static list or a domain set (404 when it is gone). */
  audienceSql(db: Database, audience: CampaignAudience): Promise<SQL>;
  /** The client orders campaigns work (the portal's): how fast each may send, and to whom it must not. */
  orders?: EmailOrderGate;
  /** The content attached to a campaign as each contact's tracking URLs, `{{ content.<name> }}` in a message (the content module's). */
  contentLinks?: EmailContentLinks;
}

/** Contact id → merge name → that contact's tracking URL, for the content attached to a campaign. */
export type EmailContentLinks = (
  deps: Pick<Deps, 'db' | 'config'>,
  input: { campaignId: string; contactIds: readonly string[] },
) => Promise<Map<string, Record<string, string>>>;

export interface EmailOrderGate {
  /** The share (0–1) of its due recipients each of these campaigns may send to now; a campaign left out sends to all. */
  shares(db: Database, campaignIds: readonly string[], now: Date): Promise<Map<string, number>>;
  /** Of these contacts, those the campaign must not write to (its order's client suppressed them). */
  leaveOut(db: Database, campaignId: string, contactIds: readonly string[]): Promise<Set<string>>;
}

export const noEmailHooks: EmailHooks = {
  audienceSql: async (_db, audience) => {
    throw invalid('audience.kind', `${audience.kind} audiences are not available`);
  },
};

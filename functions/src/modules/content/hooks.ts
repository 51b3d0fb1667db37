// What the content module needs from the others, wired at the root (functions/src/composition.ts).
// Each part adds the hook its work needs here (recording a click as a touch, finding a campaign,
// counting a campaign's leads), so the content module never imports another module.
import type { TouchInput } from '@shared/contracts/activity';
import type { Database } from '../../db/connection';

export interface ContentHooks {
  /** The call or email campaign of this id (not deleted), or null. */
  findCampaign(db: Database, campaignId: string): Promise<{ id: string; kind: 'call' | 'email'; name: string } | null>;
  /** Records touches on contacts' timelines (the activity module's; a repeated source event id is a no-op). */
  recordTouches(db: Database, touches: readonly TouchInput[]): Promise<unknown>;
  /** The leads (not deleted) of these campaigns whose contact is one of these (the leads module's). */
  leadsFor(db: Database, input: { campaignIds: readonly string[]; contactIds: readonly string[] }): Promise<Array<{ leadId: string; campaignId: string; contactId: string }>>;
  /** Whether a click came from a link scanner or bot rather than a person (the email module's rules). */
  isMachineClick(request: { userAgent: string | null; ip: string | null }): boolean;
}

const refused = (what: string) => async (): Promise<never> => {
  throw new Error(`${what} is not wired: the composition root installs it.`);
};

/** Hooks that refuse: for tests of parts that do not reach another module. */
export const noContentHooks: ContentHooks = {
  findCampaign: refused('Finding a campaign'),
  recordTouches: refused('Recording touches'),
  leadsFor: refused('Finding leads'),
  isMachineClick: () => {
    throw new Error('Telling machine clicks is not wired: the composition root installs it.');
  },
};

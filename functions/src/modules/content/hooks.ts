// What the content module needs from the others, wired at the root (functions/src/composition.ts).
// Each part adds the hook its work needs here (recording a click as a touch, finding a campaign,
// counting a campaign's leads), so the content module never imports another module.
import type { Database } from '../../db/connection';

export interface ContentHooks {
  /** The call or email campaign of this id (not deleted), or null. */
  findCampaign(db: Database, campaignId: string): Promise<{ id: string; kind: 'call' | 'email'; name: string } | null>;
}

const refused = (what: string) => async (): Promise<never> => {
  throw new Error(`${what} is not wired: the composition root installs it.`);
};

/** Hooks that refuse: for tests of parts that do not reach another module. */
export const noContentHooks: ContentHooks = {
  findCampaign: refused('Finding a campaign'),
};

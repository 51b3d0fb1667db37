// What the telephony module needs from the others, wired at the root (functions/src/composition.ts):
// the contact ids of a campaign's segment, list or domain set (the audience module's).
import type { SQL } from 'drizzle-orm';
import type { CallAudience } from '@shared/contracts/telephony';
import type { Database } from '../../db/connection';
import { invalid } from '../../core/app-error';

export interface TelephonyHooks {
  /** One column of contact ids for a segment, a static list or a domain set (404 when it is gone). */
  audienceSql(db: Database, audience: CallAudience): Promise<SQL>;
}

export const noTelephonyHooks: TelephonyHooks = {
  audienceSql: async (_db, audience) => {
    throw invalid('audience.kind', `${audience.kind} audiences are not available`);
  },
};

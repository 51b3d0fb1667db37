// The workspace dashboard's one response: what the workspace's data looks like (contacts and
// accounts, how many were added lately, who may be reached), recent imports and segments, and the
// first-run checklist. Counts are exact up to the list cap and the database's estimate above it.
import { z } from 'zod';
import { listTotalSchema } from './accounts';

/** Days in the "added" chart (today included). */
export const DASHBOARD_DAYS = 30;

export const dashboardSchema = z.object({
  contacts: listTotalSchema,
  accounts: listTotalSchema,
  contactsAddedWeek: listTotalSchema,
  contactsAddedMonth: listTotalSchema,
  accountsAddedWeek: listTotalSchema,
  accountsAddedMonth: listTotalSchema,
  /** Contacts added per UTC day, oldest first, DASHBOARD_DAYS of them. */
  days: z.array(z.object({ day: z.string(), contacts: z.number().int(), accounts: z.number().int(), exact: z.boolean() })),
  /** An address, neither it nor its domain suppressed, not opted out of email. */
  reachableByEmail: listTotalSchema,
  /** A number not on the do-not-call list, not opted out of calls. */
  reachableByPhone: listTotalSchema,
  /** Address, domain or a number suppressed. */
  suppressed: listTotalSchema,
  recentImports: z.array(
    z.object({ id: z.string(), fileName: z.string(), status: z.string(), dryRun: z.boolean(), inserted: z.number().int(), updated: z.number().int(), createdAt: z.string() }),
  ),
  segments: z.object({ count: z.number().int(), recent: z.array(z.object({ id: z.string(), name: z.string(), updatedAt: z.string() })) }),
  checklist: z.object({ imported: z.boolean(), segmentBuilt: z.boolean(), colleagueInvited: z.boolean() }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

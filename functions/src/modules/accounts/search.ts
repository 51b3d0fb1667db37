// Global search for the command palette: the first few accounts and contacts whose name, email,
// domain or phone contains the query, prefix matches first. Each side is one indexed LIMIT query.
import { and, getTableColumns, sql } from 'drizzle-orm';
import type { SearchResponse } from '@shared/contracts/accounts';
import type { Deps } from '../../core/deps';
import { accounts, contacts } from '../../db/schema';
import { accountSummaries } from './contacts-service';
import { ACCOUNT_RESOURCE, CONTACT_RESOURCE } from '../../records/fields';
import { searchCondition } from '../../records/selection';
import { accountVisibleTo, contactVisibleTo, type RecordReader } from '../../records/record-scope';

/** How many candidates each side reads before ranking the top ones. */
const CANDIDATES = 50;

const rank = (q: string, ...texts: Array<string | null>): number =>
  texts.some((t) => t?.toLowerCase().startsWith(q)) ? 0 : texts.some((t) => t?.toLowerCase().includes(` ${q}`)) ? 1 : 2;

export async function globalSearch(deps: Pick<Deps, 'db'>, input: { q: string; limit: number }, reader: RecordReader): Promise<SearchResponse> {
  const q = input.q.trim().toLowerCase();
  const [accountRows, contactRows] = await Promise.all([
    deps.db
      .select({ id: accounts.id, name: accounts.name, domain: accounts.domain })
      .from(accounts)
      .where(and(sql`${ACCOUNT_RESOURCE.live} and ${searchCondition(ACCOUNT_RESOURCE, q)}`, accountVisibleTo(reader)))
      .limit(CANDIDATES),
    deps.db
      .select({ ...getTableColumns(contacts) })
      .from(contacts)
      .where(and(sql`${CONTACT_RESOURCE.live} and ${searchCondition(CONTACT_RESOURCE, q)}`, contactVisibleTo(reader)))
      .limit(CANDIDATES),
  ]);
  const topAccounts = accountRows
    .map((a) => ({ a, r: rank(q, a.name, a.domain) }))
    .sort((x, y) => x.r - y.r || x.a.name.localeCompare(y.a.name))
    .slice(0, input.limit)
    .map((x) => x.a);
  const topContacts = contactRows
    .map((c) => ({ c, r: rank(q, c.fullName, c.email, c.lastName) }))
    .sort((x, y) => x.r - y.r || (x.c.fullName ?? '').localeCompare(y.c.fullName ?? ''))
    .slice(0, input.limit)
    .map((x) => x.c);
  const summaries = await accountSummaries(
    deps.db,
    topContacts.map((c) => c.accountId),
  );
  return {
    accounts: topAccounts,
    contacts: topContacts.map((c) => ({
      id: c.id,
      fullName: c.fullName,
      email: c.email,
      jobTitle: c.jobTitle,
      account: c.accountId ? (summaries.get(c.accountId) ?? null) : null,
    })),
  };
}

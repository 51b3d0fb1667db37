// Deleting a segment, a list or a domain set: the row is marked deleted (it leaves every listing
// and frees its name) and kept; one that is missing or already deleted is a 404.
import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../../core/deps';
import { notFound } from '../../core/app-error';
import { domainSets, segments, staticLists } from '../../db/schema';

type Named = typeof segments | typeof staticLists | typeof domainSets;

export async function softDeleteNamed(deps: Pick<Deps, 'db' | 'now'>, table: Named, id: string, what: string): Promise<void> {
  const now = deps.now();
  const [row] = await deps.db
    .update(table as typeof segments)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(table.id, id), isNull(table.deletedAt)))
    .returning({ id: table.id });
  if (!row) throw notFound(what);
}

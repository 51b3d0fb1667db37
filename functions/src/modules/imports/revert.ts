// Undoes an import in one transaction: contacts it updated get back every column from their
// before-image, contacts it created are soft-deleted, and so are the accounts it created that no
// live contact uses any more.
import { getTableColumns } from 'drizzle-orm';
import type { RevertResult } from '@shared/contracts/imports';
import type { Deps } from '../../deps';
import { contacts } from '../../db/schema';
import { withRawTransaction } from './raw-sql';

const restoredColumns = Object.values(getTableColumns(contacts))
  .map((c) => c.name)
  .filter((name) => name !== 'id');

export async function revertJob(deps: Pick<Deps, 'dbHandle' | 'now'>, jobId: string): Promise<RevertResult> {
  return withRawTransaction(deps.dbHandle, async (query) => {
    // Lock the job: two reverts at once would otherwise both run.
    const [job] = await query<{ status: string }>(`SELECT status FROM import_jobs WHERE id = $1 FOR UPDATE`, [jobId]);
    if (!job || job.status === 'reverted') return { restored: 0, deleted: 0, accountsDeleted: 0 };

    // Every updated contact back to its before-image (all columns), in one statement.
    const [restored] = await query<{ n: number }>(
      `WITH done AS (UPDATE contacts c SET (${restoredColumns.map((n) => `"${n}"`).join(', ')}) =
              (${restoredColumns.map((n) => `b."${n}"`).join(', ')})
         FROM (SELECT (jsonb_populate_record(NULL::contacts, ch.before)).*
                 FROM import_changes ch WHERE ch.job_id = $1 AND ch.entity = 'contact') b
        WHERE c.id = b.id
        RETURNING 1) SELECT count(*)::int AS n FROM done`,
      [jobId],
    );
    // Every contact the import created, soft-deleted in one statement.
    const [deleted] = await query<{ n: number }>(
      `WITH done AS (UPDATE contacts SET deleted_at = $2, updated_at = $2, version = version + 1
        WHERE deleted_at IS NULL
          AND id IN (SELECT unnest(created_contact_ids) FROM import_chunks WHERE job_id = $1)
        RETURNING 1) SELECT count(*)::int AS n FROM done`,
      [jobId, deps.now()],
    );
    const [accountsDeleted] = await query<{ n: number }>(
      `WITH done AS (UPDATE accounts a SET deleted_at = $2, updated_at = $2, version = version + 1
        WHERE a.deleted_at IS NULL
          AND a.id IN (SELECT unnest(created_account_ids) FROM import_chunks WHERE job_id = $1)
          AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = a.id AND c.deleted_at IS NULL)
        RETURNING 1) SELECT count(*)::int AS n FROM done`,
      [jobId, deps.now()],
    );
    await query(`UPDATE import_jobs SET status = 'reverted', reverted_at = $2, updated_at = $2 WHERE id = $1`, [jobId, deps.now()]);
    return { restored: restored?.n ?? 0, deleted: deleted?.n ?? 0, accountsDeleted: accountsDeleted?.n ?? 0 };
  });
}

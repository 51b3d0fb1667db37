// Undoes an import in one transaction: contacts it updated get back the values it overwrote,
// contacts it created are soft-deleted, and so are the accounts it created that no live contact
// uses any more. Each change is a normal write: version bumped, updated_at set, a history row.
import type { RevertResult } from '@shared/contracts/imports';
import type { Deps } from '../../core/deps';
import { isUniqueViolation } from '../../db/pg-errors';
import { IMPORTED_CONTACT_COLUMNS } from './contact-upsert-sql';
import { withRawTransaction, type RawQuery } from '../../db/raw-sql';

const quoted = IMPORTED_CONTACT_COLUMNS.map((n) => `"${n}"`);
const apiKey = (column: string) => column.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());

/** The {field: {from, to}} history of putting a before-image `b` back over the current row `cur`. */
const RESTORE_CHANGES = IMPORTED_CONTACT_COLUMNS.map(
  (n) =>
    `CASE WHEN cur."${n}" IS DISTINCT FROM b."${n}"
       THEN jsonb_build_object('${apiKey(n)}', jsonb_build_object('from', to_jsonb(cur."${n}"), 'to', to_jsonb(b."${n}")))
       ELSE '{}'::jsonb END`,
).join(' || ');

/**
 * Puts back the before-images of the job's updated contacts (or of one, with $4) that are still
 * live at the version the import wrote (its before-image's version + 1): a contact edited or
 * deleted since keeps what its user did. Only the columns an import writes are restored; never
 * version or deleted_at. $1 job, $2 now, $3 actor, $4 one contact id or null.
 */
const RESTORE_SQL = `
  WITH b AS (
    SELECT (jsonb_populate_record(NULL::contacts, ch.before)).*
      FROM import_changes ch
     WHERE ch.job_id = $1 AND ch.entity = 'contact' AND ($4::uuid IS NULL OR ch.entity_id = $4::uuid)
  ),
  cur AS (
    SELECT c.* FROM contacts c JOIN b ON b.id = c.id
     WHERE c.deleted_at IS NULL AND c.version = b.version + 1
       FOR UPDATE OF c
  ),
  done AS (
    UPDATE contacts c SET (${quoted.join(', ')}, version, updated_at) = (${quoted.map((n) => `b.${n}`).join(', ')}, c.version + 1, $2)
      FROM cur JOIN b ON b.id = cur.id
     WHERE c.id = cur.id AND c.version = cur.version
    RETURNING c.id
  ),
  history AS (
    INSERT INTO record_changes (entity_type, entity_id, action, changes, actor_id, at)
    SELECT 'contact', cur.id, 'update', ${RESTORE_CHANGES}, $3::uuid, $2
      FROM cur JOIN b ON b.id = cur.id JOIN done ON done.id = cur.id
  )
  SELECT count(*)::int AS n FROM done`;


type RevertDeps = Pick<Deps, 'dbHandle' | 'now'>;

export async function revertJob(deps: RevertDeps, jobId: string, actor: { userId: string | null } = { userId: null }): Promise<RevertResult> {
  return withRawTransaction(deps.dbHandle, async (query) => {
    const none: RevertResult = { restored: 0, deleted: 0, accountsDeleted: 0, changedSince: 0, conflicts: 0 };
    // Lock the job: two reverts at once would otherwise both run.
    const [job] = await query<{ status: string }>(`SELECT status FROM import_jobs WHERE id = $1 FOR UPDATE`, [jobId]);
    if (!job || job.status === 'reverted') return none;
    const now = deps.now();

    const [updated] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM import_changes WHERE job_id = $1 AND entity = 'contact'`, [jobId]);
    const { restored, conflicts } = await restoreUpdated(query, [jobId, now, actor.userId]);

    // Every contact the import created, soft-deleted in one statement (with its history row). A
    // created contact edited since goes too: it exists only because of the import being undone.
    const [deleted] = await query<{ n: number }>(
      `WITH done AS (UPDATE contacts SET deleted_at = $2, updated_at = $2, version = version + 1
        WHERE deleted_at IS NULL
          AND id IN (SELECT unnest(created_contact_ids) FROM import_chunks WHERE job_id = $1)
        RETURNING id),
       history AS (INSERT INTO record_changes (entity_type, entity_id, action, actor_id, at)
        SELECT 'contact', id, 'delete', $3::uuid, $2 FROM done)
       SELECT count(*)::int AS n FROM done`,
      [jobId, now, actor.userId],
    );
    const [accountsDeleted] = await query<{ n: number }>(
      `WITH done AS (UPDATE accounts a SET deleted_at = $2, updated_at = $2, version = version + 1
        WHERE a.deleted_at IS NULL
          AND a.id IN (SELECT unnest(created_account_ids) FROM import_chunks WHERE job_id = $1)
          AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = a.id AND c.deleted_at IS NULL)
        RETURNING a.id),
       history AS (INSERT INTO record_changes (entity_type, entity_id, action, actor_id, at)
        SELECT 'account', id, 'delete', $3::uuid, $2 FROM done)
       SELECT count(*)::int AS n FROM done`,
      [jobId, now, actor.userId],
    );
    await query(`UPDATE import_jobs SET status = 'reverted', reverted_at = $2, updated_at = $2 WHERE id = $1`, [jobId, now]);
    const total = updated?.n ?? 0;
    return {
      restored,
      deleted: deleted?.n ?? 0,
      accountsDeleted: accountsDeleted?.n ?? 0,
      changedSince: total - restored - conflicts,
      conflicts,
    };
  });
}

/**
 * All updated contacts in one statement. If a prior value now clashes with another live contact's
 * unique key, that statement is undone and the contacts are restored one by one, each under its own
 * savepoint, so only the clashing ones are left alone (rare: one statement per row only then).
 */
async function restoreUpdated(query: RawQuery, [jobId, now, actorId]: [string, Date, string | null]): Promise<{ restored: number; conflicts: number }> {
  await query('SAVEPOINT revert_restore');
  try {
    const [all] = await query<{ n: number }>(RESTORE_SQL, [jobId, now, actorId, null]);
    await query('RELEASE SAVEPOINT revert_restore');
    return { restored: all?.n ?? 0, conflicts: 0 };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await query('ROLLBACK TO SAVEPOINT revert_restore');
  }
  const candidates = await query<{ id: string }>(
    `SELECT c.id FROM import_changes ch JOIN contacts c ON c.id = ch.entity_id
      WHERE ch.job_id = $1 AND ch.entity = 'contact' AND c.deleted_at IS NULL AND c.version = (ch.before->>'version')::int + 1
      ORDER BY c.id`,
    [jobId],
  );
  let restored = 0;
  let conflicts = 0;
  for (const { id } of candidates) {
    await query('SAVEPOINT revert_one');
    try {
      const [one] = await query<{ n: number }>(RESTORE_SQL, [jobId, now, actorId, id]);
      await query('RELEASE SAVEPOINT revert_one');
      restored += one?.n ?? 0;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await query('ROLLBACK TO SAVEPOINT revert_one');
      conflicts += 1;
    }
  }
  return { restored, conflicts };
}

// Consent SQL: one statement appends a change to the history and moves the current state, and
// only forward in time: a change recorded with an earlier recorded_at than the state in force
// joins the history without overriding the newer state. A recorded_at ahead of the server's clock
// (a caller's clock running fast) is taken as "now": a record dated in the future must never
// outrank a change that arrives after it, or a later opt-out would be ignored.
import { sql } from 'drizzle-orm';
import type { ConsentChannel, ConsentStatus } from '@shared/contracts/compliance';
import { queryOne, queryRows } from '../../db/rows';
import type { Db } from './suppressions-repo';

export interface ConsentRow extends Record<string, unknown> {
  channel: ConsentChannel;
  status: ConsentStatus;
  source: string;
  evidence: string | null;
  recorded_at: Date | string;
  recorded_by: string | null;
  recorded_by_name: string | null;
}

export interface ConsentHistoryRow extends ConsentRow {
  id: number | string;
  created_at: Date | string;
}

const USER_NAME = sql`nullif(btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), '')`;

export async function contactIsLive(db: Db, contactId: string): Promise<boolean> {
  return Boolean(await queryOne(db, sql`select 1 as ok from contacts where id = ${contactId} and deleted_at is null`));
}

/**
 * Appends the change and applies it to the current state when it is at least as recent as the
 * state in force (its recorded time, at the latest its arrival). Returns false when the contact
 * does not exist or is deleted (nothing written).
 */
export async function recordConsentChange(
  db: Db,
  change: {
    contactId: string;
    channel: ConsentChannel;
    status: ConsentStatus;
    source: string;
    evidence: string | null;
    recordedAt: Date;
    recordedBy: string | null;
    at: Date;
  },
): Promise<boolean> {
  const at = change.at.toISOString();
  const row = await queryOne<{ id: number | string }>(
    db,
    sql`with contact as (
        select id from contacts where id = ${change.contactId} and deleted_at is null for share
      ), appended as (
        insert into contact_consent_history (contact_id, channel, status, source, evidence, recorded_at, recorded_by, created_at)
        select id, ${change.channel}, ${change.status}, ${change.source}, ${change.evidence},
               least(${change.recordedAt.toISOString()}::timestamptz, ${at}::timestamptz), ${change.recordedBy}::uuid, ${at}::timestamptz
        from contact
        returning *
      ), applied as (
        insert into contact_consent (contact_id, channel, status, source, evidence, recorded_at, recorded_by, history_id, created_at, updated_at)
        select contact_id, channel, status, source, evidence, recorded_at, recorded_by, id, created_at, created_at from appended
        on conflict (contact_id, channel) do update set
          status = excluded.status, source = excluded.source, evidence = excluded.evidence, recorded_at = excluded.recorded_at,
          recorded_by = excluded.recorded_by, history_id = excluded.history_id, updated_at = excluded.updated_at
        -- updated_at is when the state in force arrived: it caps a recorded_at stored ahead of it.
        where least(contact_consent.recorded_at, contact_consent.updated_at) <= excluded.recorded_at
      )
      select id from appended`,
  );
  return row !== undefined;
}

export async function currentConsent(db: Db, contactId: string): Promise<ConsentRow[]> {
  return queryRows<ConsentRow>(
    db,
    sql`select c.channel, c.status, c.source, c.evidence, c.recorded_at, c.recorded_by, ${USER_NAME} as recorded_by_name
      from contact_consent c left join users u on u.id = c.recorded_by
      where c.contact_id = ${contactId}`,
  );
}

/** Newest first (by entry); the cursor is the last id seen. */
export async function consentHistory(db: Db, contactId: string, page: { beforeId?: number; limit: number }): Promise<ConsentHistoryRow[]> {
  return queryRows<ConsentHistoryRow>(
    db,
    sql`select h.id, h.channel, h.status, h.source, h.evidence, h.recorded_at, h.recorded_by, h.created_at, ${USER_NAME} as recorded_by_name
      from contact_consent_history h left join users u on u.id = h.recorded_by
      where h.contact_id = ${contactId} ${page.beforeId !== undefined ? sql`and h.id < ${page.beforeId}` : sql``}
      order by h.id desc
      limit ${page.limit}`,
  );
}

// Test fixtures of the compliance module: suppressions as tests write them, contacts inserted
// straight into the real table (one statement for many), and a counter of the queries a database
// handle sends.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/connection';
import { textArray, type Db, type NewSuppression } from './suppressions-repo';

/** A suppression as a test inserts it: added by hand unless a reason is given. */
export function suppressionEntry(type: NewSuppression['type'], value: string, reason: NewSuppression['reason'] = 'manual'): NewSuppression {
  return { type, value, reason, source: 'test', note: null };
}

export interface ContactSeed {
  email?: string | null;
  fullName?: string;
  directPhone?: string | null;
  mobilePhone?: string | null;
  timezone?: string | null;
  country?: string | null;
  state?: string | null;
  consentStatus?: 'opted-in' | 'opted-out' | 'unknown' | null;
  deleted?: boolean;
}

let seq = 0;

/** Inserts the contacts in one statement and answers their ids in the same order. */
export async function insertContacts(db: Db, seeds: readonly ContactSeed[]): Promise<string[]> {
  if (!seeds.length) return [];
  const ids = seeds.map(() => randomUUID());
  const col = (pick: (s: ContactSeed) => string | null | undefined) => textArray(seeds.map((s) => pick(s) ?? null));
  await db.execute(
    sql`insert into contacts (id, email, full_name, direct_phone, mobile_phone, timezone, country, state, consent_status, deleted_at, source)
      select t.id::uuid, t.email, t.full_name, t.direct_phone, t.mobile_phone, t.timezone, t.country, t.state, t.consent_status,
             case when t.deleted = 'y' then now() end, 'test'
      from unnest(${textArray(ids)}, ${col((s) => s.email)}, ${col((s) => s.fullName ?? `Test Person ${++seq}`)}, ${col((s) => s.directPhone)},
                  ${col((s) => s.mobilePhone)}, ${col((s) => s.timezone)}, ${col((s) => s.country)}, ${col((s) => s.state)},
                  ${col((s) => s.consentStatus)}, ${col((s) => (s.deleted ? 'y' : 'n'))})
           as t(id, email, full_name, direct_phone, mobile_phone, timezone, country, state, consent_status, deleted)`,
  );
  return ids;
}

export interface QueryCounter {
  readonly count: number;
  reset(): void;
  restore(): void;
}

/** Counts the statements sent through the handle's driver (PGlite or the pg pool). */
export function countQueries(handle: DatabaseHandle): QueryCounter {
  const target = (handle.pglite ?? handle.pool) as unknown as { query: (...args: unknown[]) => Promise<unknown> };
  const original = target.query;
  let count = 0;
  target.query = function (this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  return {
    get count() {
      return count;
    },
    reset: () => void (count = 0),
    restore: () => void (target.query = original),
  };
}

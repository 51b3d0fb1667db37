// The compiled segment SQL selects exactly the contacts an in-memory evaluator of the same filter
// selects, for random nested filters (text, number, date, choice, empty operators, static list
// membership, email suppression) over random contacts written to the test database.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { FilterCondition, FilterGroup } from '@shared/contracts/filters';
import { queryRows } from '../../db/rows';
import { createTestDeps } from '../../../test/support/test-deps';
import { compileSegment } from './segments';
import { fileContext } from '../../../test/support/file-context';

interface Person {
  id: string;
  email: string;
  fullName: string | null;
  jobTitle: string | null;
  emailConfidence: number | null;
  monthsInRole: number | null;
  researchDate: string | null;
  seniority: string | null;
  deleted: boolean;
  lists: string[];
}

const LIVE_LISTS: string[] = [randomUUID(), randomUUID()];
const DELETED_LIST: string = randomUUID();
const ALL_LISTS = [...LIVE_LISTS, DELETED_LIST];
const SUPPRESSED_EMAIL = 'blocked@plain.com';
const SUPPRESSED_DOMAIN = 'banned.co.uk';

const TEXTS = [null, '', 'Alpha', 'alpha beta', 'Beta Gamma', 'GAMMA', 'delta_%'];
const TEXT_VALUES = ['alpha', 'ALPHA', 'beta', 'gamma', 'a', 'ta', '%', 'delta_%', 'zzz'];
const NUMBERS = [null, 0, 5, 10, 50, 100];
const DATES = [null, '2024-01-01', '2024-01-15', '2024-02-01', '2024-03-31'];
const DATE_VALUES = ['2023-12-31', '2024-01-01', '2024-01-15', '2024-02-01', '2024-03-31', '2024-05-01'];
const SENIORITIES = [null, 'C-Level', 'VP', 'Director', 'Entry'];
const EMAIL_DOMAINS = ['plain.com', 'banned.co.uk', 'mail.banned.co.uk', 'other.org'];

// ── the in-memory evaluator: the filter language's meaning, written independently ────────────
type Value = string | number | boolean;
const list = (v: FilterCondition['value']): Value[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const lower = (v: Value) => String(v).toLowerCase();

function evalText(x: string | null, op: string, v: FilterCondition['value']): boolean {
  const vals = list(v).map(lower);
  const folded = (x ?? '').toLowerCase();
  switch (op) {
    case 'contains':
      return x !== null && folded.includes(vals[0]!);
    case 'starts_with':
      return x !== null && folded.startsWith(vals[0]!);
    case 'eq':
      return folded === vals[0];
    case 'neq':
      return folded !== vals[0];
    case 'in':
      return vals.includes(folded);
    case 'not_in':
      return !vals.includes(folded);
    case 'is_empty':
      return x === null || x === '';
    case 'is_not_empty':
      return x !== null && x !== '';
  }
  throw new Error(`text ${op}`);
}

function evalNumber(x: number | null, op: string, v: FilterCondition['value']): boolean {
  const vals = list(v).map(Number);
  switch (op) {
    case 'eq':
      return x !== null && x === vals[0];
    case 'neq':
      return x === null || x !== vals[0];
    case 'gt':
      return x !== null && x > vals[0]!;
    case 'lt':
      return x !== null && x < vals[0]!;
    case 'between':
      return x !== null && x >= Math.min(vals[0]!, vals[1]!) && x <= Math.max(vals[0]!, vals[1]!);
    case 'in':
      return x !== null && vals.includes(x);
    case 'not_in':
      return x === null || !vals.includes(x);
    case 'is_empty':
      return x === null;
    case 'is_not_empty':
      return x !== null;
  }
  throw new Error(`number ${op}`);
}

function evalDate(x: string | null, op: string, v: FilterCondition['value']): boolean {
  const vals = list(v).map(String).sort();
  if (op === 'is_empty') return x === null;
  if (op === 'is_not_empty') return x !== null;
  if (x === null) return false;
  switch (op) {
    case 'before':
      return x < vals[0]!;
    case 'after':
      return x > vals[0]!;
    case 'eq':
      return x === vals[0];
    case 'between':
      return x >= vals[0]! && x <= vals[1]!;
  }
  throw new Error(`date ${op}`);
}

function evalChoice(x: string | null, op: string, v: FilterCondition['value']): boolean {
  const vals = list(v).map(String);
  switch (op) {
    case 'eq':
      return x === vals[0];
    case 'neq':
      return x !== vals[0];
    case 'in':
      return x !== null && vals.includes(x);
    case 'not_in':
      return x === null || !vals.includes(x);
    case 'is_empty':
      return x === null || x === '';
    case 'is_not_empty':
      return x !== null && x !== '';
  }
  throw new Error(`choice ${op}`);
}

function evalList(p: Person, op: string, v: FilterCondition['value']): boolean {
  const live = p.lists.filter((l) => LIVE_LISTS.includes(l));
  const vals = list(v).map(String);
  const inAny = vals.some((l) => live.includes(l));
  switch (op) {
    case 'eq':
    case 'in':
      return inAny;
    case 'neq':
    case 'not_in':
      return !inAny;
    case 'is_empty':
      return live.length === 0;
    case 'is_not_empty':
      return live.length > 0;
  }
  throw new Error(`list ${op}`);
}

function emailSuppressed(p: Person): boolean {
  const host = p.email.split('@')[1]!;
  return p.email === SUPPRESSED_EMAIL || host === SUPPRESSED_DOMAIN || host.endsWith(`.${SUPPRESSED_DOMAIN}`);
}

function evaluate(group: FilterGroup, p: Person): boolean {
  const results = group.conditions.map((node) => {
    if ('conditions' in node) return evaluate(node, p);
    const { field, op, value } = node;
    switch (field) {
      case 'fullName':
        return evalText(p.fullName, op, value);
      case 'jobTitle':
        return evalText(p.jobTitle, op, value);
      case 'emailConfidence':
        return evalNumber(p.emailConfidence, op, value);
      case 'monthsInRole':
        return evalNumber(p.monthsInRole, op, value);
      case 'researchDate':
        return evalDate(p.researchDate, op, value);
      case 'seniority':
        return evalChoice(p.seniority, op, value);
      case 'inList':
        return evalList(p, op, value);
      case 'emailSuppressed':
        return emailSuppressed(p) === value;
    }
    throw new Error(`field ${field}`);
  });
  if (results.length === 0) return true;
  return group.type === 'and' ? results.every(Boolean) : results.some(Boolean);
}

// ── generators ───────────────────────────────────────────────────────────────────────────────
const cond = (field: string, op: string, value?: Value | Value[]): FilterCondition =>
  (value === undefined ? { field, op } : { field, op, value }) as FilterCondition;

function conditionOf(field: string, ops: string[], single: fc.Arbitrary<Value>): fc.Arbitrary<FilterCondition> {
  return fc.constantFrom(...ops).chain((op) => {
    if (op === 'is_empty' || op === 'is_not_empty') return fc.constant(cond(field, op));
    if (op === 'between') return fc.tuple(single, single).map((pair) => cond(field, op, pair));
    if (op === 'in' || op === 'not_in') return fc.uniqueArray(single, { minLength: 1, maxLength: 3 }).map((vals) => cond(field, op, vals));
    return single.map((v) => cond(field, op, v));
  });
}

const TEXT_OPS = ['contains', 'eq', 'neq', 'starts_with', 'in', 'not_in', 'is_empty', 'is_not_empty'];
const conditionArb: fc.Arbitrary<FilterCondition> = fc.oneof(
  conditionOf('fullName', TEXT_OPS, fc.constantFrom(...TEXT_VALUES)),
  conditionOf('jobTitle', TEXT_OPS, fc.constantFrom(...TEXT_VALUES)),
  conditionOf('emailConfidence', ['eq', 'neq', 'gt', 'lt', 'between', 'in', 'not_in', 'is_empty', 'is_not_empty'], fc.constantFrom(0, 5, 10, 50, 100, 7)),
  conditionOf('monthsInRole', ['eq', 'neq', 'gt', 'lt', 'between', 'is_empty'], fc.constantFrom(0, 5, 10, 50)),
  conditionOf('researchDate', ['before', 'after', 'between', 'eq', 'is_empty', 'is_not_empty'], fc.constantFrom(...DATE_VALUES)),
  conditionOf('seniority', ['in', 'not_in', 'eq', 'neq', 'is_empty', 'is_not_empty'], fc.constantFrom('C-Level', 'VP', 'Director', 'Entry', 'Manager')),
  conditionOf('inList', ['eq', 'neq', 'in', 'not_in', 'is_empty', 'is_not_empty'], fc.constantFrom(...ALL_LISTS)),
  fc.boolean().map((b) => cond('emailSuppressed', 'eq', b)),
);

const groupArb = (depth: number): fc.Arbitrary<FilterGroup> =>
  fc.record({
    type: fc.constantFrom('and' as const, 'or' as const),
    conditions: fc.array(depth > 1 ? fc.oneof({ weight: 3, arbitrary: conditionArb }, { weight: 1, arbitrary: groupArb(depth - 1) }) : conditionArb, {
      maxLength: 4,
    }),
  });

const personArb: fc.Arbitrary<Omit<Person, 'id' | 'email'> & { domain: string }> = fc.record({
  domain: fc.constantFrom(...EMAIL_DOMAINS),
  fullName: fc.constantFrom(...TEXTS),
  jobTitle: fc.constantFrom(...TEXTS),
  emailConfidence: fc.constantFrom(...NUMBERS),
  monthsInRole: fc.constantFrom(...NUMBERS),
  researchDate: fc.constantFrom(...DATES),
  seniority: fc.constantFrom(...SENIORITIES),
  deleted: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  lists: fc.subarray(ALL_LISTS),
});

// ── the property ─────────────────────────────────────────────────────────────────────────────

const t = fileContext(createTestDeps);
beforeAll(async () => {
  await t.deps.db.execute(sql`insert into static_lists (id, name) values (${LIVE_LISTS[0]}::uuid, 'Live one'), (${LIVE_LISTS[1]}::uuid, 'Live two')`);
  await t.deps.db.execute(sql`insert into static_lists (id, name, deleted_at) values (${DELETED_LIST}::uuid, 'Deleted', now())`);
  await t.deps.db.execute(sql`insert into suppressions (type, value, reason, source) values
    ('email', ${SUPPRESSED_EMAIL}, 'unsubscribe', 'test'), ('domain', ${SUPPRESSED_DOMAIN}, 'client_request', 'test')`);
});

async function writePeople(people: Person[]): Promise<void> {
  await t.deps.db.execute(sql`delete from static_list_members`);
  await t.deps.db.execute(sql`delete from contacts`);
  if (people.length === 0) return;
  const rows = people.map(
    (p) => sql`(${p.id}::uuid, ${p.email}, ${p.fullName}, ${p.jobTitle}, ${p.emailConfidence}::smallint, ${p.monthsInRole}::int, ${p.researchDate}::date, ${p.seniority}, ${p.deleted ? sql`now()` : sql`null`})`,
  );
  await t.deps.db.execute(
    sql`insert into contacts (id, email, full_name, job_title, email_confidence, months_in_role, research_date, seniority, deleted_at) values ${sql.join(rows, sql`, `)}`,
  );
  const members = people.flatMap((p) => p.lists.map((l) => sql`(${l}::uuid, ${p.id}::uuid)`));
  if (members.length) await t.deps.db.execute(sql`insert into static_list_members (list_id, contact_id) values ${sql.join(members, sql`, `)}`);
}

describe('segment SQL against an in-memory evaluator', () => {
  it('selects exactly the contacts the evaluator selects, for random filters and data', async () => {
    await fc.assert(
      // Each run writes one data set and checks several filters against it.
      fc.asyncProperty(fc.array(personArb, { maxLength: 20 }), fc.array(groupArb(3), { minLength: 8, maxLength: 8 }), async (drafts, filters) => {
        const people: Person[] = drafts.map((d, i) => {
          const { domain, ...rest } = d;
          // One contact in some runs holds the suppressed address itself.
          const email = i === 0 && domain === 'plain.com' ? SUPPRESSED_EMAIL : `p${i}@${domain}`;
          return { ...rest, id: randomUUID(), email };
        });
        await writePeople(people);
        for (const filter of filters) {
          const rows = await queryRows<{ id: string }>(t.deps.db, sql`select id from contacts where ${compileSegment(filter)}`);
          const actual = rows.map((r) => r.id).sort();
          const expected = people.filter((p) => !p.deleted && evaluate(filter, p)).map((p) => p.id).sort();
          expect(actual, JSON.stringify(filter)).toEqual(expected);
        }
      }),
      { numRuns: 50 },
    );
  });
});

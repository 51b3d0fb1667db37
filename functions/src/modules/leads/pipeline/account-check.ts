// The account against the campaign's criteria, from our account data alone (a pure function): per
// criterion the value we hold, whether it matches and where it came from. Criteria left empty accept
// anything and are not listed. A value we do not hold is 'unknown' (enrichment may fill it).
import type { AccountCheck, AccountCriteria } from '@shared/contracts/leads';
import type { AccountFacts } from './lead-facts';

type Check = AccountCheck['checks'][number];

const MULTIPLIERS: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9 };

/** A template range ('51-200', '10000+', '<1M', '1M-10M', '1B+') as [min, max]; null when unreadable. */
export function rangeBounds(range: string | null): [number, number] | null {
  if (!range) return null;
  const amount = (text: string) => {
    const m = /^(\d+(?:\.\d+)?)([KMB])?$/i.exec(text.trim());
    return m ? Number(m[1]) * (m[2] ? MULTIPLIERS[m[2].toUpperCase()]! : 1) : null;
  };
  const t = range.trim();
  if (t.startsWith('<')) {
    const hi = amount(t.slice(1));
    return hi === null ? null : [0, hi];
  }
  if (t.endsWith('+')) {
    const lo = amount(t.slice(0, -1));
    return lo === null ? null : [lo, Number.POSITIVE_INFINITY];
  }
  const [a, b] = t.split('-');
  const lo = a !== undefined ? amount(a) : null;
  const hi = b !== undefined ? amount(b) : null;
  return lo === null || hi === null ? null : [lo, hi];
}

const describeBounds = (min: number | null, max: number | null) => (min !== null && max !== null ? `${min}–${max}` : min !== null ? `at least ${min}` : `at most ${max}`);

/** Exact value or range bounds vs [min, max]: match when inside, mismatch when outside, unknown when it straddles or is absent. */
function boundsVerdict(value: number | null, range: [number, number] | null, min: number | null, max: number | null): Check['verdict'] {
  const lo = min ?? Number.NEGATIVE_INFINITY;
  const hi = max ?? Number.POSITIVE_INFINITY;
  if (value !== null) return value >= lo && value <= hi ? 'match' : 'mismatch';
  if (!range) return 'unknown';
  if (range[0] >= lo && range[1] <= hi) return 'match';
  if (range[1] < lo || range[0] > hi) return 'mismatch';
  return 'unknown';
}

export function checkAccount(criteria: AccountCriteria, account: AccountFacts | null): AccountCheck {
  const checks: Check[] = [];
  const lower = (list: readonly string[]) => list.map((s) => s.trim().toLowerCase());
  if (criteria.industries.length) {
    const held = [account?.industry, account?.subIndustry].filter((v): v is string => !!v);
    const wanted = lower(criteria.industries);
    checks.push({
      criterion: 'industry',
      expected: criteria.industries.join(', '),
      actual: held.length ? held.join(' / ') : null,
      verdict: !held.length ? 'unknown' : held.some((h) => wanted.includes(h.toLowerCase())) ? 'match' : 'mismatch',
      source: 'data',
    });
  }
  if (criteria.employeeMin !== null || criteria.employeeMax !== null) {
    const count = account?.employeeCount ?? null;
    checks.push({
      criterion: 'employees',
      expected: describeBounds(criteria.employeeMin, criteria.employeeMax),
      actual: count !== null ? String(count) : (account?.employeeRange ?? null),
      verdict: boundsVerdict(count, rangeBounds(account?.employeeRange ?? null), criteria.employeeMin, criteria.employeeMax),
      source: 'data',
    });
  }
  if (criteria.revenueMin !== null || criteria.revenueMax !== null) {
    const revenue = account?.annualRevenue ?? null;
    checks.push({
      criterion: 'revenue',
      expected: describeBounds(criteria.revenueMin, criteria.revenueMax),
      actual: revenue !== null ? String(revenue) : (account?.revenueRange ?? null),
      verdict: boundsVerdict(revenue, rangeBounds(account?.revenueRange ?? null), criteria.revenueMin, criteria.revenueMax),
      source: 'data',
    });
  }
  if (criteria.countries.length) {
    const country = account?.country?.trim().toUpperCase() || null;
    checks.push({
      criterion: 'country',
      expected: criteria.countries.map((c) => c.toUpperCase()).join(', '),
      actual: country,
      verdict: !country ? 'unknown' : criteria.countries.some((c) => c.toUpperCase() === country) ? 'match' : 'mismatch',
      source: 'data',
    });
  }
  if (criteria.technologies.length) {
    const held = account?.technologies ?? [];
    const wanted = lower(criteria.technologies);
    checks.push({
      criterion: 'technologies',
      expected: criteria.technologies.join(', '),
      actual: held.length ? held.join(', ') : null,
      verdict: !held.length ? 'unknown' : held.some((t) => wanted.includes(t.toLowerCase())) ? 'match' : 'mismatch',
      source: 'data',
    });
  }
  return { matched: checks.every((c) => c.verdict === 'match'), checks, enriched: false };
}

// Employee-size and revenue ranges of the template: from a count or amount, and from the ways
// people write a range ("51 - 200 employees", "$1M–$10M", "10,000+", "1 billion+").
import { EMPLOYEE_RANGES, REVENUE_RANGES, type EmployeeRange, type RevenueRange } from '../template';

const EMPLOYEE_BOUNDS: ReadonlyArray<readonly [EmployeeRange, number]> = [
  ['1-10', 10],
  ['11-50', 50],
  ['51-200', 200],
  ['201-500', 500],
  ['501-1000', 1000],
  ['1001-5000', 5000],
  ['5001-10000', 10000],
];

const REVENUE_BOUNDS: ReadonlyArray<readonly [RevenueRange, number]> = [
  ['<1M', 1e6],
  ['1M-10M', 1e7],
  ['10M-50M', 5e7],
  ['50M-100M', 1e8],
  ['100M-500M', 5e8],
  ['500M-1B', 1e9],
];

/** The template's employee range holding a head count, or null for no count. */
export function employeeRangeFor(count: number | null | undefined): EmployeeRange | null {
  if (count === null || count === undefined || !Number.isFinite(count) || count < 1) return null;
  for (const [range, upper] of EMPLOYEE_BOUNDS) if (count <= upper) return range;
  return '10000+';
}

/** The template's revenue range holding an annual revenue in USD, or null. */
export function revenueRangeFor(amount: number | null | undefined): RevenueRange | null {
  if (amount === null || amount === undefined || !Number.isFinite(amount) || amount < 0) return null;
  for (const [range, upper] of REVENUE_BOUNDS) if (amount < upper) return range;
  return '1B+';
}

/** "10,000" → 10000; "1.5k" → 1500; "$2.5M" → 2500000; "1 billion" → 1e9. */
function parseAmount(text: string): number | null {
  const match = /^\$?\s*(\d+(?:[.,]\d+)*)\s*(k|thousand|m|mm|mn|million|b|bn|billion)?$/.exec(text.trim());
  if (!match) return null;
  const digits = match[1]!;
  // "10,000" and "10.000" are thousands separators; "1.5" is a decimal.
  const numeric = /^\d{1,3}([.,]\d{3})+$/.test(digits) ? Number(digits.replace(/[.,]/g, '')) : Number(digits.replace(',', '.'));
  if (!Number.isFinite(numeric)) return null;
  const unit = match[2] ?? '';
  const factor = unit.startsWith('k') || unit === 'thousand' ? 1e3 : unit.startsWith('m') ? 1e6 : unit.startsWith('b') ? 1e9 : 1;
  return numeric * factor;
}

function rangeKey(input: string): string {
  return input
    .toLowerCase()
    .replace(/employees?|staff|people|usd|us\$|revenue|per year|annual/g, '')
    .replace(/[–—]|\bto\b/g, '-')
    .replace(/\s+/g, '')
    .replace(/\$/g, '');
}

/** A template employee range from any common spelling, or null when it is not one. Idempotent. */
export function normalizeEmployeeRange(input: string | null | undefined): EmployeeRange | null {
  if (input === null || input === undefined) return null;
  const key = rangeKey(String(input));
  if (!key) return null;
  const exact = EMPLOYEE_RANGES.find((r) => r.toLowerCase() === key);
  if (exact) return exact;
  const plus = /^(.+)\+$/.exec(key) ?? /^(?:over|morethan|>)(.+)$/.exec(key);
  if (plus) {
    const n = parseAmount(plus[1]!);
    return n !== null && n >= 10000 ? '10000+' : null;
  }
  const parts = key.split('-');
  if (parts.length !== 2) return null;
  const low = parseAmount(parts[0]!);
  const high = parseAmount(parts[1]!);
  if (low === null || high === null || high < low) return null;
  const range = employeeRangeFor(Math.max(low, 1));
  return range && range === employeeRangeFor(high) ? range : null;
}

/** A template revenue range from any common spelling ("$1M - $10M", "1B+"), or null. Idempotent. */
export function normalizeRevenueRange(input: string | null | undefined): RevenueRange | null {
  if (input === null || input === undefined) return null;
  const key = rangeKey(String(input));
  if (!key) return null;
  const exact = REVENUE_RANGES.find((r) => r.toLowerCase() === key);
  if (exact) return exact;
  const under = /^(?:<|under|lessthan|below)(.+)$/.exec(key);
  if (under) return parseAmount(under[1]!) === 1e6 ? '<1M' : null;
  const plus = /^(.+)\+$/.exec(key) ?? /^(?:over|morethan|>)(.+)$/.exec(key);
  if (plus) return parseAmount(plus[1]!) === 1e9 ? '1B+' : null;
  const parts = key.split('-');
  if (parts.length !== 2) return null;
  let low = parseAmount(parts[0]!);
  const high = parseAmount(parts[1]!);
  if (low === null || high === null) return null;
  // "1-10M": the unit of the upper bound applies to both.
  if (low < 1000 && high >= 1e6 && /^\d+(?:\.\d+)?$/.test(parts[0]!)) low *= high >= 1e9 && /b/.test(parts[1]!) ? 1e9 : 1e6;
  const range = revenueRangeFor(low);
  return range && REVENUE_BOUNDS.find(([r]) => r === range)?.[1] === high ? range : null;
}

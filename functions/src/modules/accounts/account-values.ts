// From a validated account body to column values: every natural key and template value through
// the shared normalizers. Only the fields the body carries are returned (a PATCH changes those).
import type { z } from 'zod';
import type { accountUpdateSchema } from '@shared/contracts/accounts';
import {
  employeeRangeFor,
  normalizeCountry,
  normalizeDomain,
  normalizeName,
  parsePhone,
  revenueRangeFor,
} from '@shared/normalize';
import type { accounts } from '../../db/schema';

export type AccountInput = Omit<z.output<typeof accountUpdateSchema>, 'version'>;
export type AccountValues = Partial<typeof accounts.$inferInsert>;

const has = <K extends string>(o: object, key: K): boolean => Object.hasOwn(o, key) && (o as Record<K, unknown>)[key] !== undefined;

export function accountValues(input: AccountInput, options: { creating: boolean }): AccountValues {
  const v: AccountValues = {};
  const copy = ['website', 'linkedinUrl', 'linkedinCompanyId', 'industry', 'subIndustry', 'sicCode', 'naicsCode', 'street', 'city', 'state', 'postalCode', 'description', 'source', 'employeeCount', 'annualRevenue', 'employeeRange', 'revenueRange', 'customFields'] as const;
  for (const key of copy) if (has(input, key)) (v as Record<string, unknown>)[key] = input[key];
  if (has(input, 'name')) v.name = normalizeName(input.name) ?? undefined;
  if (has(input, 'domain')) v.domain = input.domain === null ? null : normalizeDomain(input.domain);
  // A new account given only a website takes its domain from it.
  else if (options.creating && input.website) v.domain = normalizeDomain(input.website);
  if (has(input, 'country')) v.country = input.country === null ? null : normalizeCountry(input.country);
  if (has(input, 'employeeCount') && !has(input, 'employeeRange')) v.employeeRange = employeeRangeFor(input.employeeCount);
  if (has(input, 'annualRevenue') && !has(input, 'revenueRange')) v.revenueRange = revenueRangeFor(input.annualRevenue);
  if (has(input, 'phone')) {
    const phone = parsePhone(input.phone, v.country ?? null);
    v.phone = phone.e164;
    v.phoneRaw = phone.raw;
  }
  if (has(input, 'technologies')) {
    v.technologies = [...new Set((input.technologies ?? []).map((t) => t.trim()).filter(Boolean))];
  }
  return v;
}

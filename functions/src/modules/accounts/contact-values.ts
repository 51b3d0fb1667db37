// From a validated contact body to column values through the shared normalizers: email lower-case,
// names tidied and split, phones in E.164 read in the contact's country (raw text kept), country
// codes, research dates in ISO form. Only the fields the body carries are returned.
import type { z } from 'zod';
import type { contactUpdateSchema } from '@shared/contracts/accounts';
import { joinFullName, normalizeCountry, normalizeEmail, normalizeName, parsePhone, splitFullName } from '@shared/normalize';
import type { contacts } from '../../db/schema';

export type ContactInput = Omit<z.output<typeof contactUpdateSchema>, 'version'>;
export type ContactValues = Partial<typeof contacts.$inferInsert>;

const has = (o: object, key: string): boolean => Object.hasOwn(o, key) && (o as Record<string, unknown>)[key] !== undefined;

/** "3/7/2024" (M/D/YYYY) or "2024-03-07" → "2024-03-07". */
export function isoDate(value: string): string {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!us) return value.trim();
  return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
}

export function contactValues(input: ContactInput): ContactValues {
  const v: ContactValues = {};
  const copy = ['accountId', 'jobTitle', 'jobFunction', 'seniority', 'emailConfidence', 'emailStatus', 'directPhoneConfidence', 'mobilePhoneConfidence', 'phoneExtension', 'linkedinUrl', 'city', 'state', 'postalCode', 'timezone', 'monthsInRole', 'monthsAtCompany', 'consentStatus', 'source', 'customFields'] as const;
  for (const key of copy) if (has(input, key)) (v as Record<string, unknown>)[key] = input[key];
  if (has(input, 'email')) v.email = input.email === null ? null : normalizeEmail(input.email);
  if (has(input, 'researchDate')) v.researchDate = input.researchDate === null ? null : isoDate(input.researchDate!);
  if (has(input, 'country')) v.country = input.country === null ? null : normalizeCountry(input.country);

  for (const key of ['fullName', 'firstName', 'lastName'] as const) if (has(input, key)) v[key] = normalizeName(input[key]);
  // A full name alone is split into first and last; first and last alone make the full name.
  if (v.fullName && !has(input, 'firstName') && !has(input, 'lastName')) {
    const split = splitFullName(v.fullName);
    v.firstName = split.firstName;
    v.lastName = split.lastName;
  } else if (!has(input, 'fullName') && (has(input, 'firstName') || has(input, 'lastName'))) {
    const joined = joinFullName(v.firstName, v.lastName);
    if (joined && has(input, 'firstName') && has(input, 'lastName')) v.fullName = joined;
  }

  for (const key of ['directPhone', 'mobilePhone'] as const) {
    if (!has(input, key)) continue;
    const phone = parsePhone(input[key], v.country ?? null);
    v[key] = phone.e164;
    v[`${key}Raw`] = phone.raw;
    if (key === 'directPhone' && phone.extension && !has(input, 'phoneExtension')) v.phoneExtension = phone.extension;
  }
  return v;
}

// Phone numbers to E.164 (+14155550123) with libphonenumber-js, read in the record's country when
// the number has no international prefix. The caller keeps the raw text beside the result, so
// nothing a person typed is lost when a number cannot be read.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export interface NormalizedPhone {
  /** E.164, or null when the input is not a possible phone number. */
  e164: string | null;
  /** The input as given, trimmed; null when empty. */
  raw: string | null;
  /** An extension written in the input ("x204", "ext. 204"). */
  extension: string | null;
}

const MAX_PHONE_INPUT = 64;

/** Reads a phone number; `defaultCountry` is an ISO alpha-2 code (from the record's country). */
export function parsePhone(input: string | null | undefined, defaultCountry?: string | null): NormalizedPhone {
  const raw = input === null || input === undefined ? '' : String(input).trim();
  if (!raw) return { e164: null, raw: null, extension: null };
  if (raw.length > MAX_PHONE_INPUT) return { e164: null, raw, extension: null };
  const country = defaultCountry && /^[A-Z]{2}$/.test(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  try {
    // "00" is the international prefix in most of the world; libphonenumber wants "+".
    const text = raw.replace(/^00(?=[1-9])/, '+');
    const parsed = parsePhoneNumberFromString(text, { defaultCountry: country, extract: false });
    if (!parsed || !parsed.isValid()) return { e164: null, raw, extension: null };
    return { e164: parsed.number, raw, extension: parsed.ext ?? null };
  } catch {
    return { e164: null, raw, extension: null };
  }
}

/** E.164 or null. Idempotent: an E.164 number normalizes to itself. */
export function normalizePhone(input: string | null | undefined, defaultCountry?: string | null): string | null {
  return parsePhone(input, defaultCountry).e164;
}

/** Digits only, for matching what someone types into a search box against stored numbers. */
export function phoneDigits(input: string): string {
  return input.replace(/\D+/g, '');
}

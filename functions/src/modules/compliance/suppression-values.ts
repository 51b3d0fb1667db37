// What a suppression entry may hold, in the form it is stored and matched: a lower-case address,
// a registrable domain (an entry for acme.com covers jane@acme.com and jane@eu.acme.com), or an
// E.164 number. The same normalizers as contacts use, so a stored contact and an entry agree.
import type { SuppressionList, SuppressionType } from '@shared/contracts/compliance';
import { isFreeMailDomain, normalizeDomain, normalizeEmail, normalizePhone } from '@shared/normalize';

export type NormalizedValue = { ok: true; type: SuppressionType; value: string } | { ok: false; reason: string };

const NOT_A_DOMAIN = 'is not a registrable domain';

/** Numbers written without a country prefix are read as this country's. */
export const DEFAULT_PHONE_COUNTRY = 'US';

export function normalizeSuppressionValue(type: SuppressionType, input: string, defaultCountry?: string): NormalizedValue {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'is empty' };
  switch (type) {
    case 'email': {
      const value = normalizeEmail(text);
      return value ? { ok: true, type, value } : { ok: false, reason: 'is not an email address' };
    }
    case 'domain': {
      if (text.includes('@')) return { ok: false, reason: 'is an email address, not a domain' };
      const value = normalizeDomain(text);
      if (!value) return { ok: false, reason: NOT_A_DOMAIN };
      // Suppressing gmail.com would silence every Gmail user: free-mail addresses go one by one.
      if (isFreeMailDomain(value)) return { ok: false, reason: 'is a free-mail domain: suppress its addresses one by one' };
      return { ok: true, type, value };
    }
    case 'phone': {
      const value = normalizePhone(text, defaultCountry ?? DEFAULT_PHONE_COUNTRY);
      return value ? { ok: true, type, value } : { ok: false, reason: 'is not a phone number' };
    }
  }
}

/** A value of a bulk file: on the email list an address or a domain, on the DNC list a phone. */
export function normalizeListValue(list: SuppressionList, input: string, defaultCountry?: string): NormalizedValue {
  if (list === 'phone') return normalizeSuppressionValue('phone', input, defaultCountry);
  if (input.includes('@')) return normalizeSuppressionValue('email', input);
  const domain = normalizeSuppressionValue('domain', input);
  if (!domain.ok && domain.reason === NOT_A_DOMAIN) return { ok: false, reason: 'is neither an email address nor a domain' };
  return domain;
}

/** The types each list holds. */
export function typesOfList(list: SuppressionList): SuppressionType[] {
  return list === 'phone' ? ['phone'] : ['email', 'domain'];
}

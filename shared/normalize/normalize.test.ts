import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countryName,
  emailDomain,
  isFreeMailDomain,
  normalizeCountry,
  normalizeDomain,
  normalizeEmail,
  normalizeEmployeeRange,
  normalizeName,
  normalizePhone,
  normalizeRevenueRange,
  parsePhone,
  splitFullName,
} from './index';

/** Strings a user or a CSV file might plausibly hold, plus arbitrary unicode. */
const messy = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.webUrl(),
  fc.emailAddress(),
  fc.domain(),
  fc.constantFrom('WWW.Example.COM', 'mailto:Jane@Acme.co.uk', 'münchen.de', '+44 20 7946 0958', 'United States', '51 - 200', '$1M-$10M'),
);

const idempotent = (name: string, f: (x: string) => string | null) =>
  it(`${name} is idempotent and never throws`, () => {
    fc.assert(
      fc.property(messy, (x) => {
        const once = f(x);
        if (once !== null) expect(f(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

describe('normalizers on arbitrary input', () => {
  idempotent('normalizeDomain', normalizeDomain);
  idempotent('normalizeEmail', normalizeEmail);
  idempotent('normalizePhone (US default)', (x) => normalizePhone(x, 'US'));
  idempotent('normalizePhone (no default)', (x) => normalizePhone(x));
  idempotent('normalizeName', normalizeName);
  idempotent('normalizeCountry', normalizeCountry);
  idempotent('normalizeEmployeeRange', normalizeEmployeeRange);
  idempotent('normalizeRevenueRange', normalizeRevenueRange);

  it('splitFullName and emailDomain never throw and give tidy parts', () => {
    fc.assert(
      fc.property(messy, (x) => {
        const { firstName, lastName } = splitFullName(x);
        for (const part of [firstName, lastName]) if (part !== null) expect(part).toBe(normalizeName(part));
        const domain = emailDomain(x);
        if (domain !== null) expect(normalizeDomain(domain)).toBe(domain);
      }),
      { numRuns: 2000 },
    );
  });

  it('phone results are always E.164', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 +-()x.'.split('')) }), fc.constantFrom('US', 'GB', 'DE', 'IN', null), (x, c) => {
        const e164 = normalizePhone(x, c);
        if (e164 !== null) expect(e164).toMatch(/^\+[1-9]\d{3,14}$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('normalizeDomain', () => {
  it.each([
    ['example.com', 'example.com'],
    ['WWW.Example.com', 'example.com'],
    ['https://www.example.co.uk/path?q=1#x', 'example.co.uk'],
    ['http://shop.eu.example.com:8080', 'example.com'],
    ['jane.doe@Sales.Example.com', 'example.com'],
    ['mailto:jane@example.com', 'example.com'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['example.com.', 'example.com'],
  ])('%s → %s', (input, expected) => expect(normalizeDomain(input)).toBe(expected));

  it.each(['localhost', '127.0.0.1', 'not a domain', '', 'foo.notatld', '[::1]', '.com'])('%s → null', (input) => expect(normalizeDomain(input)).toBeNull());

  // Shared hosting: each tenant of a private public suffix is its own company, not one account.
  it.each([
    ['https://acme.github.io/docs', 'acme.github.io'],
    ['www.beta.github.io', 'beta.github.io'],
    ['shop.herokuapp.com', 'shop.herokuapp.com'],
    ['https://store.myshopify.com/products', 'store.myshopify.com'],
    ['jane@news.blogspot.com', 'news.blogspot.com'],
    ['api.contoso.azurewebsites.net', 'contoso.azurewebsites.net'],
  ])('honours the private suffix of %s → %s', (input, expected) => expect(normalizeDomain(input)).toBe(expected));

  it('gives two tenants of one shared host two domains, and the bare suffix none', () => {
    expect(normalizeDomain('alpha.herokuapp.com')).not.toBe(normalizeDomain('beta.herokuapp.com'));
    expect(normalizeDomain('github.io')).toBeNull();
    expect(emailDomain('jane@team.myshopify.com')).toBe('team.myshopify.com');
  });
});

describe('normalizeEmail', () => {
  it.each([
    [' Jane.Doe@Example.COM ', 'jane.doe@example.com'],
    ['Jane Doe <jane@example.com>', 'jane@example.com'],
    ['MAILTO:x+tag@example.org', 'x+tag@example.org'],
    ['user@bücher.de', 'user@xn--bcher-kva.de'],
  ])('%s → %s', (input, expected) => expect(normalizeEmail(input)).toBe(expected));
  it.each(['plainaddress', '@example.com', 'a@b', 'a..b@example.com', 'a b@example.com'])('%s → null', (input) => expect(normalizeEmail(input)).toBeNull());
  it('knows free-mail domains', () => {
    expect(isFreeMailDomain(emailDomain('x@GMAIL.com'))).toBe(true);
    expect(isFreeMailDomain(emailDomain('x@acme.com'))).toBe(false);
  });
});

describe('phones', () => {
  it.each([
    ['(415) 555-0123', 'US', '+14155550123'],
    ['+1 415.555.0123', null, '+14155550123'],
    ['0044 20 7946 0958', null, '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['030 1234567', 'DE', '+49301234567'],
  ])('%s in %s → %s', (input, country, expected) => expect(normalizePhone(input, country)).toBe(expected));
  it('keeps the raw text and the extension', () => {
    expect(parsePhone(' 415-555-0123 ext. 204 ', 'US')).toEqual({ e164: '+14155550123', raw: '415-555-0123 ext. 204', extension: '204' });
    expect(parsePhone('call me maybe', 'US')).toEqual({ e164: null, raw: 'call me maybe', extension: null });
  });
});

describe('names', () => {
  it.each([
    ['Jane Doe', 'Jane', 'Doe'],
    ['  Dr.  Jane   van der Berg, PhD ', 'Jane', 'van der Berg'],
    ['Berg, Jane', 'Jane', 'Berg'],
    ['Mary Ann Smith Jr.', 'Mary Ann', 'Smith'],
    ['Cher', 'Cher', null],
  ])('%s → %s / %s', (full, first, last) => expect(splitFullName(full)).toEqual({ firstName: first, lastName: last }));
});

describe('countries', () => {
  it.each([
    ['US', 'US'],
    ['usa', 'US'],
    ['United States of America', 'US'],
    ['uk', 'GB'],
    ['Great Britain', 'GB'],
    ['Deutschland', 'DE'],
    ['germany', 'DE'],
    ["Côte d'Ivoire", 'CI'],
    ['Saint Lucia', 'LC'],
    ['Bosnia and Herzegovina', 'BA'],
    ['DEU', 'DE'],
  ])('%s → %s', (input, code) => expect(normalizeCountry(input)).toBe(code));
  it.each(['XX', 'Narnia', ''])('%s → null', (input) => expect(normalizeCountry(input)).toBeNull());
  it('names codes', () => expect(countryName('DE')).toBe('Germany'));
});

describe('ranges', () => {
  it.each([
    ['51-200', '51-200'],
    ['51 - 200 employees', '51-200'],
    ['10,000+', '10000+'],
    ['1001 to 5000', '1001-5000'],
    ['11–50', '11-50'],
  ])('employees %s → %s', (input, expected) => expect(normalizeEmployeeRange(input)).toBe(expected));
  it.each([
    ['$1M - $10M', '1M-10M'],
    ['<1M', '<1M'],
    ['under $1M', '<1M'],
    ['1B+', '1B+'],
    ['100M-500M', '100M-500M'],
    ['500M–1B', '500M-1B'],
  ])('revenue %s → %s', (input, expected) => expect(normalizeRevenueRange(input)).toBe(expected));
  it.each(['lots', '5-500', '0'])('employees %s is not a template range', (input) => expect(normalizeEmployeeRange(input)).toBeNull());
  it.each(['lots', '1M-3M', '2B+'])('revenue %s is not a template range', (input) => expect(normalizeRevenueRange(input)).toBeNull());
  it('puts a narrower range inside the template range that holds it', () => expect(normalizeEmployeeRange('3-7')).toBe('1-10'));
});

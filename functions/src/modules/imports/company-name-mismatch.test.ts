import { describe, expect, it } from 'vitest';
import { companyNamesDiffer } from './company-name-mismatch';

describe('company names that contradict an account', () => {
  it.each([
    ['ACME ANALYTICS LLC', 'Acme Analytics, Inc.'],
    ['The Acme Company', 'Acme'],
    ['Acme', 'Acme Software'],
    ['Müller GmbH', 'Muller'],
    ['Acme Labs', 'Acme Lab'],
    ['', 'Acme'],
  ])('"%s" and "%s" are one company written two ways', (file, account) => expect(companyNamesDiffer(file, account)).toBe(false));

  it.each([
    ['Globex Corporation', 'Acme Analytics, Inc.'],
    ['Umbrella Pharma', 'Initech'],
    ['Contoso Ltd', 'Northwind Traders'],
  ])('"%s" and "%s" differ strongly', (file, account) => expect(companyNamesDiffer(file, account)).toBe(true));
});

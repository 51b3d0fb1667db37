import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { SegmentPreview } from '@shared/contracts/audience';
import type { FilterCondition, FilterGroup } from '@shared/contracts/filters';
import { createAudienceTestContext } from './test-fixtures';
import { fileContext } from '../../../test/support/file-context';

const where = (...conditions: FilterCondition[]): FilterGroup => ({ type: 'and', conditions });

async function names(filter: FilterGroup): Promise<string[]> {
  const res = await t.call<SegmentPreview>('POST', '/api/segments/preview', { body: { filter, limit: 200 } });
  expect(res.status, res.text).toBe(200);
  return res.json.rows.map((r) => r.fullName ?? '').sort();
}

const t = fileContext(createAudienceTestContext);
beforeAll(async () => {
  const accounts: Array<[string, string, Record<string, unknown>]> = [
    ['Acme Software', 'acme-soft.com', { industry: 'Software', subIndustry: 'CRM', employeeCount: 450, employeeRange: '201-500', annualRevenue: 52_000_000, revenueRange: '50M-100M', country: 'US', city: 'Austin', state: 'TX', technologies: ['Salesforce', 'HubSpot'] }],
    ['Berlin Bank', 'berlinbank.de', { industry: 'Banking', employeeCount: 12, employeeRange: '11-50', country: 'DE', city: 'Berlin', technologies: ['SAP'] }],
  ];
  const ids: string[] = [];
  for (const [name, domain, fields] of accounts) {
    const res = await t.callAccounts<{ id: string }>('POST', '/api/accounts', { body: { name, domain, ...fields } });
    expect(res.status, res.text).toBe(201);
    ids.push(res.json.id);
  }
  await t.deps.db.execute(sql`
    insert into contacts (account_id, full_name, email, country) values
      (${ids[0]}::uuid, 'Ann Acme', 'ann@acme-soft.com', 'GB'),
      (${ids[0]}::uuid, 'Abe Acme', 'abe@acme-soft.com', 'AE'),
      (${ids[1]}::uuid, 'Bea Bank', 'bea@berlinbank.de', 'US'),
      (null, 'Nora Nobody', 'nora@example.org', 'DE')`);
});

describe('segments on account fields', () => {
  it('filters contacts by their account’s industry, size, revenue, place and technologies', async () => {
    expect(await names(where({ field: 'account.industry', op: 'eq', value: 'software' }))).toEqual(['Abe Acme', 'Ann Acme']);
    expect(await names(where({ field: 'account.subIndustry', op: 'contains', value: 'cr' }))).toEqual(['Abe Acme', 'Ann Acme']);
    expect(await names(where({ field: 'account.employeeCount', op: 'lt', value: 100 }))).toEqual(['Bea Bank']);
    expect(await names(where({ field: 'account.employeeRange', op: 'in', value: ['11-50'] }))).toEqual(['Bea Bank']);
    expect(await names(where({ field: 'account.annualRevenue', op: 'gt', value: 1_000_000 }))).toEqual(['Abe Acme', 'Ann Acme']);
    expect(await names(where({ field: 'account.revenueRange', op: 'eq', value: '50M-100M' }))).toEqual(['Abe Acme', 'Ann Acme']);
    expect(await names(where({ field: 'account.city', op: 'eq', value: 'berlin' }))).toEqual(['Bea Bank']);
    expect(await names(where({ field: 'account.state', op: 'eq', value: 'TX' }))).toEqual(['Abe Acme', 'Ann Acme']);
    expect(await names(where({ field: 'account.technologies', op: 'in', value: ['SAP'] }))).toEqual(['Bea Bank']);
    // The account's country, not the contact's: Bea lives in the US but her bank is German.
    expect(await names(where({ field: 'account.country', op: 'eq', value: 'Germany' }))).toEqual(['Bea Bank']);
  });

  it('counts contacts without an account as having none of its values', async () => {
    expect(await names(where({ field: 'account.industry', op: 'neq', value: 'Software' }))).toEqual(['Bea Bank', 'Nora Nobody']);
    expect(await names(where({ field: 'account.technologies', op: 'is_empty' }))).toEqual(['Nora Nobody']);
  });

  it('refuses an account field it does not offer, naming the condition', async () => {
    const res = await t.call<{ errors: Array<{ field: string }> }>('POST', '/api/segments/preview', { body: { filter: where({ field: 'account.description', op: 'contains', value: 'x' }) } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0]!.field).toBe('body.filter.conditions.0.field');
  });
});

describe('country conditions match the names the screens show', () => {
  it('"contains" and "starts with" a country name find the codes whose names hold it', async () => {
    expect(await names(where({ field: 'country', op: 'contains', value: 'United States' }))).toEqual(['Bea Bank']);
    // United Kingdom and United Arab Emirates, not the United States' code "US".
    expect(await names(where({ field: 'country', op: 'starts_with', value: 'united k' }))).toEqual(['Ann Acme']);
    expect(await names(where({ field: 'country', op: 'contains', value: 'united' }))).toEqual(['Abe Acme', 'Ann Acme', 'Bea Bank']);
    expect(await names(where({ field: 'account.country', op: 'contains', value: 'states' }))).toEqual(['Abe Acme', 'Ann Acme']);
  });

  it('"is" takes a name or a code, and a name matching no country finds nothing', async () => {
    expect(await names(where({ field: 'country', op: 'eq', value: 'United States' }))).toEqual(['Bea Bank']);
    expect(await names(where({ field: 'country', op: 'in', value: ['GB', 'DE'] }))).toEqual(['Ann Acme', 'Nora Nobody']);
    expect(await names(where({ field: 'country', op: 'contains', value: 'Atlantis' }))).toEqual([]);
  });
});

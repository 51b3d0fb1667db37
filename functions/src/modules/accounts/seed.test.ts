// The seeding script's data must obey the same rules as data written through the API: normalized
// natural keys, consistent ranges, links to accounts of the email's domain.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { employeeRangeFor, isFreeMailDomain, normalizeDomain, normalizeEmail, normalizePhone } from '@shared/normalize';
import { queryRows } from '../../db/rows';
import { createTestDeps, type TestContext } from '../../../test/support/test-deps';
import { seedDatabase, seedDemoData } from '../../../../scripts/seed';
import { fileContext } from '../../../test/support/file-context';

const t = fileContext(createTestDeps);

describe('the seeding script', () => {
  it('makes realistic, normalized, linked data and refuses a database that has some', async () => {
    const report = await seedDatabase(t.deps.dbHandle, { accounts: 40, contacts: 400, seed: 11 });
    expect(report).toMatchObject({ accounts: 40, contacts: 400 });
    const accounts = await queryRows<{ domain: string; employee_count: number; employee_range: string }>(
      t.deps.db,
      sql`select domain, employee_count, employee_range from accounts`,
    );
    for (const a of accounts) {
      expect(normalizeDomain(a.domain)).toBe(a.domain);
      expect(a.employee_range).toBe(employeeRangeFor(a.employee_count));
    }
    const contacts = await queryRows<{ email: string; direct_phone: string | null; domain: string | null; account_id: string | null }>(
      t.deps.db,
      sql`select c.email, c.direct_phone, a.domain, c.account_id from contacts c left join accounts a on a.id = c.account_id`,
    );
    for (const c of contacts) {
      expect(normalizeEmail(c.email)).toBe(c.email);
      if (c.direct_phone) expect(c.direct_phone).toMatch(/^\+\d{8,15}$/);
      if (c.account_id) expect(c.email.endsWith(`@${c.domain}`)).toBe(true);
      else expect(isFreeMailDomain(c.email.split('@')[1])).toBe(true);
    }
    expect(contacts.filter((c) => c.direct_phone && normalizePhone(c.direct_phone) === c.direct_phone).length).toBeGreaterThan(0);
    await expect(seedDatabase(t.deps.dbHandle, { accounts: 1, contacts: 1, seed: 1 })).rejects.toThrow(/already has 40 accounts/);
    expect(await seedDemoData(t.deps.dbHandle)).toBeNull();
  });

  it('gives the same people for the same seed', async () => {
    const other = await createTestDeps();
    try {
      await seedDatabase(other.deps.dbHandle, { accounts: 40, contacts: 400, seed: 11 });
      const emails = async (ctx: TestContext) =>
        (await queryRows<{ email: string }>(ctx.deps.db, sql`select email from contacts order by email`)).map((r) => r.email);
      expect(await emails(other)).toEqual(await emails(t));
    } finally {
      await other.close();
    }
  });
});

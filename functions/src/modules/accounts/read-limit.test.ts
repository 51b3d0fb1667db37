// Reading records in bulk through list pages is limited per user and minute, by the rows the
// pages return; a role that may not export (a quality analyst, who reads every record) cannot
// page out the whole database instead.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContactListResponse } from '@shared/contracts/accounts';
import { createAccountsTestContext } from './test-fixtures';
import { fileContext } from '../../../test/support/file-context';

const t = fileContext(() => createAccountsTestContext({ env: { RATE_LIMIT_ROWS_PER_MINUTE: '5' } }));
beforeAll(async () => {
  for (let i = 0; i < 8; i++) {
    const res = await t.call('POST', '/api/contacts', { body: { email: `reader.${i}@example.com`, fullName: `Reader ${i}` } });
    expect(res.status, res.text).toBe(201);
  }
});

describe('rows read through contact list pages', () => {
  it('serves pages until the minute\'s budget is spent, then 429 with Retry-After; other users read on', async () => {
    const page = (cursor?: string) =>
      t.call<ContactListResponse>('GET', '/api/contacts', { as: 'quality_analyst', query: { limit: '3', ...(cursor ? { cursor } : {}) } });
    const first = await page();
    expect(first.status, first.text).toBe(200);
    expect(first.json.items).toHaveLength(3);
    const second = await page(first.json.nextCursor!);
    expect(second.status).toBe(200);
    const third = await page(second.json.nextCursor!);
    expect(third.status).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.call('GET', '/api/contacts', { as: 'campaign_manager', query: { limit: '3' } })).status).toBe(200);
  });
});

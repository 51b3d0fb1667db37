import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cursorPageSchema, pageQueryFields } from './paging';

describe('list paging', () => {
  const query = z.strictObject({ ...pageQueryFields({ cursorMax: 10, limitMax: 100, limitDefault: 25 }) });

  it('reads the page size from the query string and fills in the default', () => {
    expect(query.parse({ limit: '40' })).toEqual({ limit: 40 });
    expect(query.parse({})).toEqual({ limit: 25 });
  });

  it('refuses a page size outside 1 to the route maximum, or not whole', () => {
    for (const limit of ['0', '101', '2.5', 'many']) expect(query.safeParse({ limit }).success).toBe(false);
  });

  it('refuses a cursor longer than the route allows', () => {
    expect(query.safeParse({ cursor: 'a'.repeat(10) }).success).toBe(true);
    expect(query.safeParse({ cursor: 'a'.repeat(11) }).success).toBe(false);
  });

  it('answers a page of items with the cursor of the next one, null on the last', () => {
    const page = cursorPageSchema(z.object({ id: z.string() }));
    expect(page.parse({ items: [{ id: 'a' }], nextCursor: null })).toEqual({ items: [{ id: 'a' }], nextCursor: null });
    expect(page.safeParse({ items: [{ id: 'a' }] }).success).toBe(false);
    expect(page.safeParse({ items: [{}], nextCursor: 'x' }).success).toBe(false);
  });
});

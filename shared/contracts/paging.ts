// Cursor paging, the same on every list route: the query's cursor and page size, and the page
// the route answers with.
import { z } from 'zod';

/**
 * The paging fields of a list query: an opaque cursor no longer than `cursorMax` (each route
 * knows how long its own cursors get) and a page size from 1 to `limitMax`.
 */
export function pageQueryFields(options: { cursorMax: number; limitMax: number; limitDefault: number }) {
  return {
    cursor: z.string().max(options.cursorMax).optional(),
    limit: z.coerce.number().int().min(1).max(options.limitMax).default(options.limitDefault),
  };
}

/** One page of a list: its items and the cursor of the next page, null on the last. */
export function cursorPageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

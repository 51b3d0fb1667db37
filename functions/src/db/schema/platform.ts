// Platform tables: idempotency of start-up work that more than one instance may attempt.
import { pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

/** One row per named one-time task (for example the default admin bootstrap). */
export const bootstrapTasks = pgTable('bootstrap_tasks', {
  name: text('name').primaryKey(),
  ...timestamps(),
});

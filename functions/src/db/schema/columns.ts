// Column helpers every table uses: a time-ordered uuid id and the two timestamps.
import { sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';

export const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`uuid_generate_v7()`);

export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const softDelete = () => ({
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});

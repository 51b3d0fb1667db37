// The Resources Centre demo: reference people, one open conflict with its differing fields and a
// log, written once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { referenceConflicts, referencePeople, resourcesCentreLog } from '../../../db/schema';
import { listConflicts } from './reference';
import { seedResourcesDemo } from './demo-data';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestDeps();
}, 60_000);

afterAll(async () => ctx?.close());

describe('the Resources Centre demo', () => {
  it('writes reference people, one open conflict and a log, once', async () => {
    const report = await seedResourcesDemo(ctx.deps);
    expect(report).toEqual({ people: 7, conflicts: 1, logEntries: 5 });
    const [conflict] = await listConflicts(ctx.deps.db, 'open');
    expect(conflict).toMatchObject({ person: { name: 'Jonas Lindqvist', openConflicts: 1 }, fields: ['bio', 'company', 'title'] });
    expect(await seedResourcesDemo(ctx.deps)).toBeNull();
    expect(await ctx.deps.db.select().from(referencePeople)).toHaveLength(7);
    expect(await ctx.deps.db.select().from(referenceConflicts)).toHaveLength(1);
    expect(await ctx.deps.db.select().from(resourcesCentreLog)).toHaveLength(5);
  });
});

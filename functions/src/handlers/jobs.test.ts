import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestContext } from '../../test/support/test-deps';
import { purgeAuthStateJob } from '../modules/identity';
import { scheduledJobs } from '../schedules';
import { findJob, runJob, UnknownJobError } from './jobs';

describe('the jobs Lambda', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestDeps();
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('runs a scheduled job by its name', async () => {
    await expect(runJob(ctx.deps, { job: purgeAuthStateJob.name })).resolves.toEqual({ job: 'identity.purge-auth-state' });
  });

  it('finds every scheduled job by its name, and no two jobs share one', () => {
    for (const job of scheduledJobs) expect(findJob(job.name)).toBe(job);
    expect(new Set(scheduledJobs.map((j) => j.name)).size).toBe(scheduledJobs.length);
  });

  it('fails on a name no job has, listing the known ones', async () => {
    await expect(runJob(ctx.deps, { job: 'identity.purge-everything' })).rejects.toBeInstanceOf(UnknownJobError);
    await expect(runJob(ctx.deps, { job: 'nope' })).rejects.toThrow(scheduledJobs[0]!.name);
  });

  it('fails on an event without a job name', async () => {
    await expect(runJob(ctx.deps, {})).rejects.toThrow(/Unknown job undefined/);
    await expect(runJob(ctx.deps, null)).rejects.toBeInstanceOf(UnknownJobError);
    expect(() => findJob(42)).toThrow(UnknownJobError);
  });
});

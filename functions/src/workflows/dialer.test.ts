import { describe, expect, it } from 'vitest';
import { reliabilityGaps } from './index';
import { dialerWorkflow, DIALER_WORKFLOW_NAME } from './dialer';
import { dialerTickJob } from '../composition';

describe('the dialer workflow', () => {
  it('has a timeout, a throttling retry and a Catch on its task, and a machine timeout', () => {
    expect(reliabilityGaps(dialerWorkflow.definition)).toEqual([]);
  });

  it('ticks, waits what the tick answers and goes round with only the round number, never a task token', () => {
    const text = JSON.stringify(dialerWorkflow.definition);
    expect(text).not.toContain('waitForTaskToken');
    const states = dialerWorkflow.definition.States as Record<string, Record<string, unknown>>;
    expect(states.WaitForNextTick).toMatchObject({ Type: 'Wait', SecondsPath: '$.tick.waitSeconds', Next: 'NextRound' });
    expect(states.NextRound).toMatchObject({ Parameters: { 'round.$': '$.tick.round' }, Next: 'Tick' });
    // The loop ends before the next minute's execution would start.
    expect(dialerWorkflow.definition.TimeoutSeconds).toBeLessThanOrEqual(120);
  });

  it('is the workflow the dialer job loops in on AWS', () => {
    expect(dialerTickJob.loop).toEqual({ workflow: DIALER_WORKFLOW_NAME });
  });
});

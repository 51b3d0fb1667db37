import { describe, expect, it } from 'vitest';
// Loads the local runner with its Promise.withResolvers polyfill (Node 20).
import '../../../infra/local/emulators/stepfunctions';
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

describe('the dialer workflow, run by the local Step Functions runner', () => {
  it('ticks every round the task asks for and ends when the minute is used up', async () => {
    const { StateMachine } = await import('aws-local-stepfunctions');
    const runnable = JSON.parse(JSON.stringify(dialerWorkflow.definition).replace('"${DialerTick}"', '"arn:aws:lambda:us-east-1:123456789012:function:DialerTick"'));
    const rounds: number[] = [];
    const machine = new StateMachine(runnable, { validationOptions: { checkArn: false, checkPaths: true } });
    const run = machine.run({ round: 0 }, {
      overrides: {
        // What dialerRound answers with DIALER_TICK_SECONDS = 10: six ticks in the minute.
        taskResourceLocalHandlers: {
          Tick: async (input: { round: number }) => {
            rounds.push(input.round);
            return { round: input.round + 1, more: (input.round + 1) * 10 < 60, waitSeconds: 10 };
          },
        } as never,
        waitTimeOverrides: { WaitForNextTick: 0 },
      },
    });
    await run.result;
    expect(rounds).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

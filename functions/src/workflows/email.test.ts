import { describe, expect, it } from 'vitest';
import { reliabilityGaps } from './index';
import { emailWorkflow } from './email';

describe('the email sending workflow', () => {
  it('has a timeout, a throttling retry and a Catch on every task, and a machine timeout', () => {
    expect(reliabilityGaps(emailWorkflow.definition)).toEqual([]);
  });

  it('goes round through a Wait, never a task token, and takes its concurrency from Prepare', () => {
    const text = JSON.stringify(emailWorkflow.definition);
    expect(text).not.toContain('waitForTaskToken');
    const states = emailWorkflow.definition.States as Record<string, Record<string, unknown>>;
    expect(states.WaitForSendTime).toMatchObject({ Type: 'Wait', SecondsPath: '$.finalise.waitSeconds', Next: 'NextRound' });
    expect(states.NextRound!.Next).toBe('Prepare');
    expect(states.SendBatches!.MaxConcurrencyPath).toBe('$.plan.concurrency');
    for (const task of Object.keys(emailWorkflow.tasks)) expect(text).toContain(`\${${task}}`);
  });
});

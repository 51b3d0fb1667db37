import { describe, expect, it } from 'vitest';
import { reliabilityGaps } from './index';
import { leadIntakeWorkflow, leadScoringWorkflow } from './leads';

describe('the lead pipeline workflows', () => {
  it.each([leadIntakeWorkflow, leadScoringWorkflow])('$name has a timeout, a throttling retry and a Catch on every task, and a machine timeout', (workflow) => {
    expect(reliabilityGaps(workflow.definition)).toEqual([]);
  });

  it('retries vendor failures with backoff, then flags the lead for a person; a superseded run ends quietly; no task tokens', () => {
    for (const workflow of [leadIntakeWorkflow, leadScoringWorkflow]) {
      const text = JSON.stringify(workflow.definition);
      expect(text).not.toContain('waitForTaskToken');
      for (const task of Object.keys(workflow.tasks)) expect(text).toContain(`\${${task}}`);
      const states = workflow.definition.States as Record<string, { Type: string; Retry?: { ErrorEquals: string[]; BackoffRate?: number }[]; Catch?: { ErrorEquals: string[]; Next: string }[] }>;
      expect(states.Score!.Retry!.find((r) => r.ErrorEquals.includes('VendorError'))).toMatchObject({ BackoffRate: 2, MaxAttempts: 3 });
      for (const name of ['Score', 'Verify', 'Queue']) {
        expect(states[name]!.Catch!.map((c) => [c.ErrorEquals[0], c.Next])).toEqual([
          ['LeadRunSuperseded', 'Superseded'],
          ['States.ALL', 'FlagForReview'],
        ]);
      }
    }
    const intake = leadIntakeWorkflow.definition.States as Record<string, Record<string, unknown>>;
    expect(intake.TranscribeOrSkip).toMatchObject({ Type: 'Choice', Default: 'Score' });
    expect(intake.Transcribe!.Next).toBe('AwaitTranscript');
  });
});

// The project's Step Functions workflows. Each ASL definition is written once (JSONPath, no
// JSONata: the local runner ignores it) and deployed by infra/aws or run by the local stack.
// A task's `Resource` is a substitution token `${TaskName}` naming an entry in `tasks`.

import { dialerWorkflow } from './dialer';
import { emailWorkflow } from './email';
import { exportWorkflow, importWorkflow } from './import';
import { leadIntakeWorkflow, leadScoringWorkflow } from './leads';
import { leadDeliveryWorkflow } from './lead-delivery';

export interface WorkflowTask {
  /** Lambda entry file, relative to the repository root, exporting `handler`. */
  entry: string;
}

export interface WorkflowDefinition {
  name: string;
  definition: Record<string, unknown>;
  tasks: Record<string, WorkflowTask>;
}

export const workflows: WorkflowDefinition[] = [
  importWorkflow,
  exportWorkflow,
  emailWorkflow,
  dialerWorkflow,
  leadIntakeWorkflow,
  leadScoringWorkflow,
  leadDeliveryWorkflow,
];

/** Lambda throttling: retried by every task, as a burst of chunks can hit the concurrency limit. */
export const LAMBDA_THROTTLED = 'Lambda.TooManyRequestsException';

/**
 * What keeps a definition from finishing or failing visibly: a machine without an overall
 * timeout, or a Task (nested Map and Parallel states included) without a timeout, a Retry of
 * Lambda throttling, or a Catch. Empty when there is nothing.
 */
export function reliabilityGaps(definition: Record<string, unknown>): string[] {
  const gaps: string[] = [];
  if (typeof definition.TimeoutSeconds !== 'number') gaps.push('the state machine has no TimeoutSeconds');
  const visit = (machine: Record<string, unknown>, where: string) => {
    const states = (machine.States ?? {}) as Record<string, Record<string, unknown>>;
    for (const [name, state] of Object.entries(states)) {
      const at = `${where}${name}`;
      if (state.Type === 'Task') {
        if (typeof state.TimeoutSeconds !== 'number' && typeof state.TimeoutSecondsPath !== 'string') gaps.push(`${at} has no TimeoutSeconds`);
        const retried = ((state.Retry ?? []) as { ErrorEquals: string[] }[]).some((r) => r.ErrorEquals.includes(LAMBDA_THROTTLED));
        if (!retried) gaps.push(`${at} does not retry ${LAMBDA_THROTTLED}`);
        if (!((state.Catch ?? []) as unknown[]).length) gaps.push(`${at} has no Catch`);
      }
      const nested = (state.ItemProcessor ?? state.Iterator) as Record<string, unknown> | undefined;
      if (nested) visit(nested, `${at}/`);
      ((state.Branches ?? []) as Record<string, unknown>[]).forEach((branch, i) => visit(branch, `${at}[${i}]/`));
    }
  };
  visit(definition, '');
  return gaps;
}

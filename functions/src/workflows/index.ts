// The project's Step Functions workflows. Each ASL definition is written once (JSONPath, no
// JSONata: the local runner ignores it) and deployed by infra/aws or run by the local stack.
// A task's `Resource` is a substitution token `${TaskName}` naming an entry in `tasks`.

import { exportWorkflow, importWorkflow } from './import';

export interface WorkflowTask {
  /** Lambda entry file, relative to the repository root, exporting `handler`. */
  entry: string;
}

export interface WorkflowDefinition {
  name: string;
  definition: Record<string, unknown>;
  tasks: Record<string, WorkflowTask>;
}

export const workflows: WorkflowDefinition[] = [importWorkflow, exportWorkflow];

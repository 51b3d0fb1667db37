// A Step Functions state machine from one of functions/src/workflows' definitions. The ASL is
// deployed as written; each Task's `Resource: "${TaskName}"` is a definition substitution
// replaced by the ARN of a Lambda built from `tasks[TaskName].entry`.
import { RemovalPolicy } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { reliabilityGaps, type WorkflowDefinition, type WorkflowTask } from '../../../functions/src/workflows/index';
import { acknowledge, arnWildcardFinding } from '../nag';

const PLACEHOLDER = /^\$\{([A-Za-z0-9_]+)\}$/;

/** Every `${Name}` a Task state's Resource refers to, in nested Map and Parallel states too. */
export function taskPlaceholders(definition: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (record.Type === 'Task' && typeof record.Resource === 'string') {
      const match = PLACEHOLDER.exec(record.Resource);
      if (match) found.add(match[1]!);
    }
    Object.values(record).forEach(visit);
  };
  visit(definition);
  return found;
}

export interface WorkflowProps {
  workflow: WorkflowDefinition;
  /** Builds the Lambda of one task. */
  createTaskFunction(scope: Construct, taskName: string, task: WorkflowTask): lambda.IFunction;
  stateMachineName?: string;
}

export class Workflow extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly taskFunctions: Record<string, lambda.IFunction> = {};
  /** The state machine's name as a plain string (its own tasks can be granted it without a dependency cycle). */
  readonly machineName: string | undefined;

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const { workflow } = props;
    this.machineName = props.stateMachineName;
    const used = taskPlaceholders(workflow.definition);
    const declared = new Set(Object.keys(workflow.tasks));
    const missing = [...used].filter((name) => !declared.has(name));
    if (missing.length) throw new Error(`Workflow ${workflow.name}: Task states use ${missing.map((m) => `\${${m}}`).join(', ')} but its tasks do not declare them.`);
    const unused = [...declared].filter((name) => !used.has(name));
    if (unused.length) throw new Error(`Workflow ${workflow.name}: tasks ${unused.join(', ')} are declared but no Task state uses them.`);
    // A machine that can hang or end without marking its job is refused before it is deployed.
    const gaps = reliabilityGaps(workflow.definition);
    if (gaps.length) throw new Error(`Workflow ${workflow.name}: ${gaps.join('; ')}.`);

    const substitutions: Record<string, string> = {};
    for (const [name, task] of Object.entries(workflow.tasks)) {
      const fn = props.createTaskFunction(this, name, task);
      this.taskFunctions[name] = fn;
      substitutions[name] = fn.functionArn;
    }

    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      ...(props.stateMachineName ? { stateMachineName: props.stateMachineName } : {}),
      definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(workflow.definition)),
      definitionSubstitutions: substitutions,
      // Execution data holds contacts' personal data: states and errors are logged, payloads are not.
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    for (const fn of Object.values(this.taskFunctions)) {
      fn.grantInvoke(this.stateMachine);
      acknowledge(this.stateMachine, [arnWildcardFinding(fn, ':*')], 'The state machine invokes its task function, any version of it (how grantInvoke allows it).');
    }
    acknowledge(
      this.stateMachine,
      ['AwsSolutions-IAM5[Resource::*]'],
      'X-Ray trace upload and CloudWatch Logs delivery (vended logs) have no resource-level permissions.',
    );
  }
}

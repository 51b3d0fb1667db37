// Starts a state machine of functions/src/workflows by name. Its ARN is looked up once per
// container (ListStateMachines), so neither host needs it configured: the CDK app names each
// machine after its workflow, and the local emulator does too. Sweepers ask whether an execution still runs.
import { DescribeExecutionCommand, ListStateMachinesCommand, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';

const arns = new WeakMap<SFNClient, Map<string, Promise<string>>>();

async function findArn(sfn: SFNClient, name: string): Promise<string> {
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new ListStateMachinesCommand({ nextToken }));
    const match = page.stateMachines?.find((m) => m.name === name);
    if (match?.stateMachineArn) return match.stateMachineArn;
    nextToken = page.nextToken;
  } while (nextToken);
  throw new Error(`No state machine named ${name} is deployed.`);
}

/** The ARN of the state machine of a workflow, looked up once per client. */
function stateMachineArn(sfn: SFNClient, workflow: string): Promise<string> {
  let byName = arns.get(sfn);
  if (!byName) arns.set(sfn, (byName = new Map()));
  let arn = byName.get(workflow);
  if (!arn) {
    arn = findArn(sfn, workflow);
    byName.set(workflow, arn);
    arn.catch(() => byName.delete(workflow));
  }
  return arn;
}

export async function startWorkflowExecution(sfn: SFNClient, workflow: string, executionName: string, input: Record<string, unknown>): Promise<string> {
  const res = await sfn.send(new StartExecutionCommand({ stateMachineArn: await stateMachineArn(sfn, workflow), name: executionName, input: JSON.stringify(input) }));
  return res.executionArn!;
}

/**
 * The ARN an execution of a workflow has (or would have) under a name, for a caller that knows the
 * name but did not keep the ARN: a standard machine's executions are
 * `arn:…:execution:MACHINE:NAME` beside its `arn:…:stateMachine:MACHINE`, on AWS and in the local emulator.
 */
export async function workflowExecutionArn(sfn: SFNClient, workflow: string, executionName: string): Promise<string> {
  const machine = await stateMachineArn(sfn, workflow);
  return `${machine.replace(/:stateMachine:/, ':execution:')}:${executionName}`;
}

/** Whether the execution is still running; a missing one (a restarted local stack) is not. */
export async function executionRunning(sfn: SFNClient, executionArn: string): Promise<boolean> {
  try {
    const res = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    return res.status === 'RUNNING' || res.status === 'PENDING_REDRIVE';
  } catch (error) {
    if ((error as Error).name === 'ExecutionDoesNotExist') return false;
    throw error;
  }
}

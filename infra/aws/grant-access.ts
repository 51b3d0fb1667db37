// Turns one function's declared access (./function-access) into IAM statements on its role, each
// scoped to the resources of this stack that the code actually calls.
import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { ContentAssets } from './constructs/content-assets';
import type { ContentSchedules } from './constructs/content-schedules';
import type { DataStores } from './constructs/data-stores';
import type { EmailSending } from './constructs/email-sending';
import type { LeadsAiSecret } from './constructs/leads-ai-secret';
import type { TelnyxSecret } from './constructs/telnyx-secret';
import type { UserPools } from './constructs/user-pools';
import type { Workflow } from './constructs/workflow';
import type { FunctionAccess } from './function-access';
import { acknowledge } from './nag';

export interface GrantTargets {
  stores: DataStores;
  email: EmailSending;
  pools: UserPools;
  workflows: readonly Workflow[];
  telnyx: TelnyxSecret;
  leadsAi: LeadsAiSecret;
  content: { assets: ContentAssets; schedules: ContentSchedules };
}

const ANY_RESOURCE = 'AwsSolutions-IAM5[Resource::*]';

export function grantAccess(fn: lambda.Function, access: FunctionAccess, targets: GrantTargets): void {
  const { stores, email, pools, workflows, telnyx, leadsAi, content } = targets;
  const unscoped: string[] = [];

  if (access.objects) stores.grantObjects(fn, access.objects);
  if (access.table) stores.grantTableData(fn, access.table);
  if (access.sendEmail) email.grantSend(fn);
  if (access.sendingIdentities === 'manage') email.grantManageIdentities(fn);
  if (access.sendingIdentities === 'read') email.grantReadIdentities(fn);
  if (access.manageUsers) pools.grantManageUsers(fn);
  if (access.telnyx) telnyx.grantRead(fn);
  if (access.trunkSecrets) grantTrunkSecrets(fn);
  if (access.leadsAi) leadsAi.grantRead(fn);
  if (access.deliverySecrets) grantDeliverySecrets(fn, access.deliverySecrets);
  if (access.contentObjects) content.assets.grantObjects(fn, access.contentObjects);
  if (access.contentSecrets) grantContentSecrets(fn, access.contentSecrets);
  if (access.contentSchedules) grantContentSchedules(fn, content.schedules);

  if (access.workflows?.start && workflows.length) {
    // A workflow's task grants every machine by name: by reference, two machines whose tasks start
    // each other (lead intake and scoring) would depend on each other.
    const isTask = workflows.some((w) => Object.values(w.taskFunctions).includes(fn));
    for (const workflow of workflows) {
      if (isTask) {
        grantStartOwnWorkflow(fn, workflow);
        continue;
      }
      workflow.stateMachine.grantStartExecution(fn);
      // An execution's ARN is the machine's name and the execution's; stopping is granted per machine.
      if (access.workflows.stop) workflow.stateMachine.grantExecution(fn, 'states:StopExecution');
      if (access.workflows.describe) workflow.stateMachine.grantExecution(fn, 'states:DescribeExecution');
    }
    // Functions find a state machine by its name (ListStateMachines), as they do locally.
    unscoped.push('states:ListStateMachines');
  }

  if (access.healthProbe) {
    stores.grantHealthProbe(fn);
    unscoped.push('ses:GetAccount', 'states:ListStateMachines');
  }

  if (unscoped.length) {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: [...new Set(unscoped)].sort(), resources: ['*'] }));
    acknowledge(
      fn,
      [ANY_RESOURCE],
      `${[...new Set(unscoped)].sort().join(' and ')} have no resource-level permissions; they only read names and account status, and every change is granted per resource.`,
    );
  }
  if (access.workflows?.stop || access.workflows?.describe) acknowledgeExecutionWildcards(fn);
}

/**
 * A task that may start workflows is granted machines by name: the machine's ARN would make the
 * task's policy depend on the machine, which depends on its tasks (a cycle CloudFormation
 * refuses). The name is the stack's (state machines are named after their workflows).
 */
function grantStartOwnWorkflow(fn: lambda.Function, workflow: Workflow): void {
  if (!workflow.machineName) throw new Error(`${fn.node.path} may start workflows, but a workflow has no fixed name to grant without a dependency cycle.`);
  const stack = Stack.of(fn);
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['states:StartExecution'],
      resources: [stack.formatArn({ service: 'states', resource: 'stateMachine', resourceName: workflow.machineName, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
    }),
  );
}

/** Executions are named per run, so stopping one needs `execution:<machine>:*` of each machine. */
function acknowledgeExecutionWildcards(fn: lambda.Function): void {
  const report = new AwsSolutionsChecks().validateScope(fn);
  for (const violation of report.violations) {
    if (violation.ruleName.startsWith('AwsSolutions-IAM5[') && violation.ruleName.includes(':execution:')) {
      Validations.of(fn).acknowledge({
        id: violation.ruleName,
        reason:
          'A cancelled job stops its own execution, and the job sweeper describes one, whose name is generated per run; the grant is limited to the executions of this stack’s machines.',
      });
    }
  }
}

/**
 * SIP trunk passwords live one secret a trunk under `<stack>/telephony/trunks/<trunk id>`: the
 * function gets the prefix in TELEPHONY_SECRET_PREFIX and the secret calls on that prefix alone.
 */
function grantTrunkSecrets(fn: lambda.Function): void {
  const stack = Stack.of(fn);
  const prefix = `${stack.stackName}/telephony`;
  fn.addEnvironment('TELEPHONY_SECRET_PREFIX', prefix);
  const resource = stack.formatArn({ service: 'secretsmanager', resource: 'secret', resourceName: `${prefix}/trunks/*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['secretsmanager:CreateSecret', 'secretsmanager:DeleteSecret', 'secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'],
      resources: [resource],
    }),
  );
  acknowledge(
    fn,
    [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:${prefix}/trunks/*]`],
    'Trunks are added at run time, each with its own secret named by its id, so access is to the trunks/ prefix of this stack; the actions are listed one by one.',
  );
}

/**
 * Delivery configurations' signing secrets live one secret a configuration under
 * `<stack>/leads/delivery/<config id>`: the function gets the prefix in DELIVERY_SECRET_PREFIX and
 * the secret calls on that prefix alone — all of them for the leads API, which keeps them, reading
 * alone for the delivery tasks, which sign with them.
 */
function grantDeliverySecrets(fn: lambda.Function, mode: 'manage' | 'read'): void {
  const stack = Stack.of(fn);
  const prefix = `${stack.stackName}/leads/delivery`;
  fn.addEnvironment('DELIVERY_SECRET_PREFIX', prefix);
  const resource = stack.formatArn({ service: 'secretsmanager', resource: 'secret', resourceName: `${prefix}/*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  const actions =
    mode === 'manage'
      ? ['secretsmanager:CreateSecret', 'secretsmanager:DeleteSecret', 'secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue']
      : ['secretsmanager:GetSecretValue'];
  fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: [resource] }));
  acknowledge(
    fn,
    [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:${prefix}/*]`],
    'Delivery configurations are added at run time, each with its own signing secret named by its id, so access is to the leads/delivery/ prefix of this stack; the actions are listed one by one.',
  );
}

/**
 * The content module's sealed secrets (each social account's tokens, the Resources Centre's signing
 * secrets) live one secret each under `<stack>/content/<name>`: the function gets the prefix in
 * CONTENT_SECRET_PREFIX and the secret calls on that prefix alone — all of them for the content
 * API, which keeps them, reading alone for the jobs and the publish function, which use them.
 */
function grantContentSecrets(fn: lambda.Function, mode: 'manage' | 'read'): void {
  const stack = Stack.of(fn);
  const prefix = `${stack.stackName}/content`;
  fn.addEnvironment('CONTENT_SECRET_PREFIX', prefix);
  const resource = stack.formatArn({ service: 'secretsmanager', resource: 'secret', resourceName: `${prefix}/*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  const actions =
    mode === 'manage'
      ? ['secretsmanager:CreateSecret', 'secretsmanager:DeleteSecret', 'secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue']
      : ['secretsmanager:GetSecretValue'];
  fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: [resource] }));
  acknowledge(
    fn,
    [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:${prefix}/*]`],
    'Social accounts and Resources Centre secrets are added at run time, each with its own secret named by its id, so access is to the content/ prefix of this stack; the actions are listed one by one.',
  );
}

/**
 * Scheduled social posts: one-off schedules in the content group only (their names are the posts'
 * ids, made at run time), passing the group's invoke role only, and only to Scheduler. The function
 * gets the group, the role and the target in CONTENT_SCHEDULE_GROUP, CONTENT_SCHEDULE_ROLE_ARN and
 * CONTENT_SCHEDULE_TARGET_ARN.
 */
function grantContentSchedules(fn: lambda.Function, schedules: ContentSchedules): void {
  fn.addEnvironment('CONTENT_SCHEDULE_GROUP', schedules.group.scheduleGroupName);
  fn.addEnvironment('CONTENT_SCHEDULE_ROLE_ARN', schedules.role.roleArn);
  fn.addEnvironment('CONTENT_SCHEDULE_TARGET_ARN', schedules.target.functionArn);
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule', 'scheduler:UpdateSchedule'],
      resources: [schedules.scheduleArns],
    }),
  );
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [schedules.role.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    }),
  );
  acknowledge(
    fn,
    [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${schedules.group.scheduleGroupName}/*]`],
    'Each scheduled social post gets its own one-off schedule, named by the post, so access is to the schedules of the content group alone; the actions are listed one by one.',
  );
}

// Scheduled social posts: the content API creates one one-off EventBridge Scheduler schedule per
// post (`at(…)`, in CONTENT_SCHEDULE_GROUP) whose target is the publish function
// (CONTENT_SCHEDULE_TARGET_ARN, input `{"postId": "…"}`), invoked as the role in
// CONTENT_SCHEDULE_ROLE_ARN. That role is assumed by Scheduler alone, for schedules of this
// account's content group, and may invoke the publish function and nothing else; the content API
// may manage schedules of this group only and pass this role only (see ../grant-access).
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';

export class ContentSchedules extends Construct {
  readonly group: scheduler.ScheduleGroup;
  readonly role: iam.Role;
  readonly target: lambda.IFunction;

  constructor(scope: Construct, id: string, props: { target: lambda.IFunction }) {
    super(scope, id);
    const stack = Stack.of(this);
    this.target = props.target;
    // The name is generated once at synth (unique in the account), so policies can name it.
    this.group = new scheduler.ScheduleGroup(this, 'Group');
    this.role = new iam.Role(this, 'InvokeRole', {
      description: 'EventBridge Scheduler: invokes the content publish function for scheduled social posts',
      // Only Scheduler, and only for schedules of this account's content group (confused deputy).
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': this.group.scheduleGroupArn },
        },
      }),
    });
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.target.functionArn] }));
  }

  /** The ARN pattern of the group's schedules (`schedule/<group>/*`). */
  get scheduleArns(): string {
    return Stack.of(this).formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${this.group.scheduleGroupName}/*` });
  }
}

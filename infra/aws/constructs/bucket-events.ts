// S3 event notifications of the data bucket (functions/src/events.ts): object-created events
// under each entry's prefix (and suffix) invoke the entry's Lambda.
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import type { S3Notification } from '../../../functions/src/events';

export class BucketEvents extends Construct {
  readonly functions: lambda.IFunction[] = [];

  constructor(
    scope: Construct,
    id: string,
    props: { bucket: s3.IBucket; notifications: readonly S3Notification[]; createFunction(scope: Construct, id: string, notification: S3Notification): lambda.IFunction },
  ) {
    super(scope, id);
    props.notifications.forEach((notification, index) => {
      const fn = props.createFunction(this, `Handler${index + 1}`, notification);
      this.functions.push(fn);
      props.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn), {
        prefix: notification.prefix,
        ...(notification.suffix ? { suffix: notification.suffix } : {}),
      });
    });
  }
}

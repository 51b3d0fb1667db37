// S3 event notifications the product reacts to (the import drop folder). infra/aws wires each as
// a bucket notification to the entry's Lambda; the local stack forwards s3rver's events.
export interface S3Notification {
  prefix: string;
  suffix?: string;
  /** Lambda entry file, relative to the repository root, exporting `handler(S3Event)`. */
  entry: string;
}

export const s3Notifications: S3Notification[] = [
  // The import drop folder: imports/inbox/<file>.csv or imports/inbox/<profile>/<file>.csv.
  { prefix: 'imports/inbox/', entry: 'functions/src/handlers/imports-drop.ts' },
];

/** EventBridge events the product reacts to; infra/aws makes a rule per entry invoking its Lambda. */
export interface EventRule {
  /** A short name: the rule's id and its Lambda's description. */
  name: string;
  /** The event pattern's `source` (e.g. aws.ses). */
  source: string;
  /** The event pattern's `detail-type`s; every event of the source when absent. */
  detailTypes?: string[];
  /** Lambda entry file, relative to the repository root, exporting `handler(EventBridgeEvent)`. */
  entry: string;
}

export const eventRules: EventRule[] = [
  // SES sending events of our configuration sets (published to the default bus): bounces and
  // complaints suppress addresses, deliveries, delays and rejects are recorded.
  {
    name: 'email-feedback',
    source: 'aws.ses',
    detailTypes: ['Email Sent', 'Email Rejected', 'Email Bounced', 'Email Complaint Received', 'Email Delivered', 'Email Delivery Delayed'],
    entry: 'functions/src/handlers/email-feedback.ts',
  },
];

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

// Object grants on one bucket by key pattern, shared by the data bucket and the content bucket. The
// S3 actions are spelled out (grantReadWrite's `s3:GetObject*`-style wildcards include ACL and
// tagging calls the code never makes). Readers also get s3:ListBucket on the bucket: without it S3
// answers a missing key with 403 instead of 404, and the code tells "not there (yet)" from a
// failure by that 404.
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { acknowledge, arnWildcardFinding } from '../nag';

/** Key patterns (such as `imports/*`) a function reads, writes and deletes. */
export interface ObjectAccess {
  read?: readonly string[];
  write?: readonly string[];
  delete?: readonly string[];
}

export function grantBucketObjects(bucket: s3.IBucket & IConstruct, grantee: iam.IGrantable & IConstruct, access: ObjectAccess, why: (pattern: string) => string): void {
  const statement = (actions: string[], patterns: readonly string[] | undefined) => {
    if (!patterns?.length) return;
    grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources: patterns.map((p) => bucket.arnForObjects(p)) }));
  };
  statement(['s3:GetObject'], access.read);
  // PutObject covers the multipart calls (create, upload part, complete); aborting is its own action.
  statement(['s3:PutObject', 's3:AbortMultipartUpload'], access.write);
  statement(['s3:DeleteObject'], access.delete);
  if (access.read?.length) {
    grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
  }
  const patterns = new Set([...(access.read ?? []), ...(access.write ?? []), ...(access.delete ?? [])]);
  for (const pattern of patterns) acknowledge(grantee, [arnWildcardFinding(bucket, `/${pattern}`)], why(pattern));
}

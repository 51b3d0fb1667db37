// The DynamoDB table (key design shared with the local stack through MAIN_TABLE), the data
// bucket (imports, exports, the `imports/inbox/` drop folder, call recordings) and the bucket that collects
// S3 and CloudFront access logs.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, type IConstruct } from 'constructs';
import { MAIN_TABLE } from '../../../functions/src/adapters/dynamo-table';
import { acknowledge, arnWildcardFinding } from '../nag';
import { grantBucketObjects, type ObjectAccess } from './bucket-objects';

export class DataStores extends Construct {
  readonly table: dynamodb.Table;
  readonly bucket: s3.Bucket;
  readonly logsBucket: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.table = new dynamodb.Table(this, 'MainTable', {
      partitionKey: { name: MAIN_TABLE.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: MAIN_TABLE.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: MAIN_TABLE.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: MAIN_TABLE.gsi1.name,
      partitionKey: { name: MAIN_TABLE.gsi1.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: MAIN_TABLE.gsi1.sortKey, type: dynamodb.AttributeType.STRING },
    });

    // CloudFront standard logs are delivered with ACLs, so this bucket keeps them enabled
    // (bucket owner preferred); S3 server access logs arrive through the bucket policy.
    this.logsBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(90), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging its own access would log the log deliveries.',
    });

    this.bucket = new s3.Bucket(this, 'DataBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      versioned: true,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 'data-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'abort-uploads', abortIncompleteMultipartUploadAfter: Duration.days(2) },
        // Versions replaced or deleted are kept a month for recovery, then dropped.
        { id: 'old-versions', noncurrentVersionExpiration: Duration.days(30), expiredObjectDeleteMarker: true },
        // Exports are download links, not archives; imported files are kept long enough for QA.
        { id: 'exports', prefix: 'exports/', expiration: Duration.days(14) },
        { id: 'imports', prefix: 'imports/', expiration: Duration.days(90) },
        // Call recordings: rarely played after the first month; each campaign's own retention (1 to
        // 3,650 days) deletes them earlier, this is the ceiling.
        {
          id: 'recordings',
          prefix: 'recordings/',
          transitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }],
          expiration: Duration.days(3650),
        },
      ],
    });
  }

  /** Objects of the data bucket under the given key patterns (see ./bucket-objects). */
  grantObjects(grantee: iam.IGrantable & IConstruct, access: ObjectAccess): void {
    grantBucketObjects(this.bucket, grantee, access, (pattern) => `Object keys under ${pattern} are generated per job, so access is to that prefix of this one bucket; the actions are listed one by one.`);
  }

  /** Items of the table and its index. */
  grantTableData(grantee: iam.IGrantable & IConstruct, mode: 'read' | 'read-write'): void {
    if (mode === 'read') this.table.grantReadData(grantee);
    else this.table.grantReadWriteData(grantee);
    acknowledge(grantee, [arnWildcardFinding(this.table, '/index/*')], 'Queries on the table’s GSI (gsi1) need its index ARNs; the table has no other index.');
  }

  /** What the health check reads: the table's description and the bucket's existence (HeadBucket is s3:ListBucket). */
  grantHealthProbe(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:DescribeTable'], resources: [this.table.tableArn] }));
    grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }));
  }
}

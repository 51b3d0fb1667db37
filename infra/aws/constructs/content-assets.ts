// The content bucket: the asset library's files, apart from the data bucket so its lifecycle,
// CORS and grants are the content module's alone. Keys:
//   assets/<assetId>/<versionId>/<file name>   a file version (document or image), written once by
//                                              the browser's presigned PUT (or multipart upload)
//   previews/<assetId>/<versionId>.png          its preview (a PDF's first page, a scaled image)
// An upload goes straight to its version's final key; one never completed is deleted by the
// content sweep job when its `content_uploads` row expires, and unfinished multipart uploads are
// aborted by the lifecycle rule below.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, type IConstruct } from 'constructs';
import { grantBucketObjects, type ObjectAccess } from './bucket-objects';

/** The key patterns of the content bucket (see above). */
export const CONTENT_OBJECTS = { assets: 'assets/*', previews: 'previews/*' } as const;

export interface ContentAssetsProps {
  /** Where S3 server access logs go (the stack's access-log bucket). */
  logsBucket: s3.IBucket;
  /** Origins whose pages may PUT and GET objects with presigned URLs. */
  allowedOrigins: string[];
}

export class ContentAssets extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ContentAssetsProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // Asset versions are separate keys already; S3 versioning only guards against a mistaken
      // overwrite or delete, for a month.
      versioned: true,
      serverAccessLogsBucket: props.logsBucket,
      serverAccessLogsPrefix: 'content-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'abort-uploads', abortIncompleteMultipartUploadAfter: Duration.days(2) },
        { id: 'old-versions', noncurrentVersionExpiration: Duration.days(30), expiredObjectDeleteMarker: true },
      ],
      // Browsers upload files straight to the bucket with presigned PUTs and read previews and
      // downloads through presigned GETs. CORS is not the access control: every object is private
      // and each request needs a URL the content API presigned.
      cors: [
        {
          allowedOrigins: props.allowedOrigins,
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET],
          allowedHeaders: ['*'],
          // Multipart uploads read each part's ETag to complete the upload.
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
    });
  }

  /** Objects of the content bucket under the given key patterns, and the bucket's name in CONTENT_BUCKET_NAME. */
  grantObjects(grantee: iam.IGrantable & IConstruct & { addEnvironment(key: string, value: string): unknown }, access: ObjectAccess): void {
    grantBucketObjects(
      this.bucket,
      grantee,
      access,
      (pattern) => `Content files under ${pattern} are keyed by asset and version ids made at run time, so access is to that prefix of the content bucket; the actions are listed one by one.`,
    );
    grantee.addEnvironment('CONTENT_BUCKET_NAME', this.bucket.bucketName);
  }
}

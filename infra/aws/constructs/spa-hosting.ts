// The SPA and the API behind one CloudFront origin: the built app from a private bucket (Origin
// Access Control), and `/api/*`, the email tracking links `/t/*` and the content tracking links `/r/*` forwarded to the HTTP API
// uncached. One origin keeps the refresh cookie (SameSite=Strict, path /api/auth) first-party and
// needs no CORS.
//
// Client-side routes get index.html from a CloudFront Function on the SPA behaviour only. Custom
// error responses (403/404 → /index.html) would be simpler but apply to every behaviour: they
// would turn the API's own 403 and 404 problems into the app shell with status 200.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Annotations, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { HSTS_MAX_AGE_SECONDS, contentSecurityPolicy as localContentSecurityPolicy } from '../../local/static-files';

export interface SpaHostingProps {
  /** Host name of the HTTP API (no scheme). */
  apiDomainName: string;
  logsBucket: s3.IBucket;
  /** The built app; deployed only when it holds an index.html at synth time. */
  distDir: string;
  /** Written as /config.json next to the app (pool and client ids for sign-in); `apiUrl` is added here. */
  runtimeConfig: Record<string, string>;
  /** Origins the browser calls besides our own (Cognito's API for sign-in). */
  connectSources: string[];
  /** Origins audio plays from besides our own (call recordings through presigned S3 URLs). */
  mediaSources?: string[];
}

/** The local stack's CSP, with connect-src and media-src widened to the given origins. */
export function contentSecurityPolicy(connectSources: readonly string[], mediaSources: readonly string[] = []): string {
  return localContentSecurityPolicy(connectSources, mediaSources);
}

/** Paths served by the HTTP API rather than the SPA bucket. */
export const API_PATHS = ['/api/*', '/t/*', '/r/*'] as const;

// A viewer-request function: paths without a file extension are client-side routes.
const SPA_ROUTING_CODE = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export class SpaHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly deployed: boolean;
  /** What /config.json holds (tokens resolved at deploy). */
  readonly runtimeConfig: Record<string, string>;

  constructor(scope: Construct, id: string, props: SpaHostingProps) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: props.logsBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Security headers of the SPA and API (the local stack sends the same ones)',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.connectSources, props.mediaSources), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    const spaRouting = new cloudfront.Function(this, 'SpaRouting', {
      code: cloudfront.FunctionCode.fromInline(SPA_ROUTING_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Client-side routes get index.html',
    });

    // The API and the email tracking links (open pixel, click redirect, unsubscribe) go to the HTTP
    // API uncached: every open and click must reach it, and a one-click unsubscribe is a POST.
    const apiBehavior: cloudfront.BehaviorOptions = {
      origin: new origins.HttpOrigin(props.apiDomainName, {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      // Every viewer header, cookie and query string except Host (API Gateway routes on its own
      // host name). Authorization is forwarded too: CloudFront allows it in an origin request
      // policy only when the cache policy disables caching, as here.
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
      compress: true,
    };

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Pivotal CRM',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.logsBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [{ function: spaRouting, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: Object.fromEntries(API_PATHS.map((pattern) => [pattern, apiBehavior])),
    });

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'Clients and agents work from many countries; access is controlled by sign-in, not geography.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason: 'No WAF web ACL yet (about 5 USD/month + per request): the API throttles at the stage and sign-in is rate-limited per IP and per account. Attach one with webAclId when traffic warrants it.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason: 'The default *.cloudfront.net certificate cannot pin a minimum TLS version; set minimumProtocolVersion TLSv1.2_2021 when a custom domain and certificate are attached.',
    });

    // The API answers under the distribution's own origin (/api/*).
    this.runtimeConfig = { ...props.runtimeConfig, apiUrl: `https://${this.distribution.distributionDomainName}/api` };

    this.deployed = existsSync(path.join(props.distDir, 'index.html'));
    if (!this.deployed) {
      Annotations.of(this).addInfo(`No ${path.join(props.distDir, 'index.html')} at synth time: the SPA is not deployed (run \`npm run build\` first).`);
      return;
    }
    // Hashed assets are immutable; index.html and config.json are revalidated on every load.
    // Neither deployment prunes, so a tab still running the previous build finds its chunks.
    new s3deploy.BucketDeployment(this, 'DeployAssets', {
      sources: [s3deploy.Source.asset(props.distDir, { exclude: ['index.html'] })],
      destinationBucket: this.bucket,
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
    });
    new s3deploy.BucketDeployment(this, 'DeployShell', {
      sources: [s3deploy.Source.asset(props.distDir, { exclude: ['*', '!index.html'] }), s3deploy.Source.jsonData('config.json', this.runtimeConfig)],
      destinationBucket: this.bucket,
      prune: false,
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      memoryLimit: 512,
    });
  }
}

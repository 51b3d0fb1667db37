import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventRules, s3Notifications } from '../../functions/src/events';
import { routeRoles } from '../../functions/src/http/route';
import { apiModules } from '../../functions/src/modules/index';
import { scheduledJobs } from '../../functions/src/schedules';
import { workflows } from '../../functions/src/workflows/index';
import { SECURITY_HEADERS } from '../local/static-files';
import { gatewayAuthorizerFor, planGatewayRoutes, servingRoute } from './constructs/module-api';
import { API_PATHS } from './constructs/spa-hosting';
import { accessFor, accessKeyMatches, functionAccess } from './function-access';
import { testStack } from './test-app';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] }>;

const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

function ofType(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

function logicalIdOf(resources: Resources, predicate: (props: Record<string, unknown>) => boolean): string {
  const found = Object.entries(resources).find(([, r]) => predicate(r.Properties));
  if (!found) throw new Error('no such resource');
  return found[0];
}

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

/** Every statement of the inline policies attached to a function's role. */
function statementsOf(template: Template, fn: Resources[string]): Statement[] {
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return Object.values(ofType(template, 'AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as { Ref?: string }[]).some((r) => r.Ref === roleId))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

describe('the CDK app, as deployed with a built SPA and an email domain', () => {
  let template: Template;
  let stack: ReturnType<typeof testStack>['stack'];
  let app: ReturnType<typeof testStack>['app'];
  let distDir: string;

  beforeAll(() => {
    distDir = mkdtempSync(path.join(tmpdir(), 'pivotal-dist-'));
    writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>Pivotal CRM</title>');
    ({ app, stack } = testStack({ context: { emailDomain: 'mail.example.com', adminEmail: 'ops@example.com', cognitoEmailFromSes: 'true' }, distDir }));
    // Synthesizes the stack and runs the AwsSolutions checks: any unacknowledged finding throws here.
    template = Template.fromStack(stack);
  });

  afterAll(() => {
    rmSync(distDir, { recursive: true, force: true });
  });

  it('is environment-agnostic, so synth needs no account or region lookups', () => {
    expect(Token.isUnresolved(stack.account)).toBe(true);
    expect(Token.isUnresolved(stack.region)).toBe(true);
  });

  it('passes the AwsSolutions checks with every finding fixed or acknowledged with a reason', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    const open = report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(open).toEqual([]);
  });

  describe('DynamoDB', () => {
    it('creates the main table on demand, with point-in-time recovery, encryption, TTL and gsi1', () => {
      template.resourceCountIs('AWS::DynamoDB::Table', 1);
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        DeletionProtectionEnabled: true,
        GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'gsi1', KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'gsi1sk', KeyType: 'RANGE' }] })],
      });
    });
  });

  describe('Aurora and RDS Proxy', () => {
    it('runs Aurora PostgreSQL 16 Serverless v2, encrypted, protected, backed up, with IAM auth', () => {
      template.hasResourceProperties('AWS::RDS::DBCluster', {
        Engine: 'aurora-postgresql',
        EngineVersion: Match.stringLikeRegexp('^16\\.'),
        StorageEncrypted: true,
        DeletionProtection: true,
        EnableIAMDatabaseAuthentication: true,
        BackupRetentionPeriod: 14,
        ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 8 },
        EnableCloudwatchLogsExports: ['postgresql'],
      });
      template.hasResourceProperties('AWS::RDS::DBInstance', { DBInstanceClass: 'db.serverless' });
      template.resourceCountIs('AWS::SecretsManager::RotationSchedule', 1);
    });

    it('puts RDS Proxy in front with TLS and IAM authentication required', () => {
      template.hasResourceProperties('AWS::RDS::DBProxy', {
        EngineFamily: 'POSTGRESQL',
        RequireTLS: true,
        Auth: [Match.objectLike({ AuthScheme: 'SECRETS', IAMAuth: 'REQUIRED' })],
      });
    });
  });

  describe('the HTTP API', () => {
    const functions = () => ofType(template, 'AWS::Lambda::Function');
    const moduleFunctions = () => Object.values(functions()).filter((f) => String(f.Properties.Description).startsWith('API module '));

    it('has one Node 22 arm64 function per API module, in the VPC', () => {
      expect(moduleFunctions().map((f) => f.Properties.Description).sort()).toEqual(apiModules.map((m) => `API module ${m.name}`).sort());
      for (const fn of moduleFunctions()) {
        const module = String(fn.Properties.Description).slice('API module '.length);
        expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: `${module}.handler` });
        expect(fn.Properties.VpcConfig).toBeDefined();
      }
    });

    it('gives the functions the configuration they parse, with Cognito auth and the proxy', () => {
      for (const fn of moduleFunctions()) {
        const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
        expect(Object.keys(env)).toEqual(
          expect.arrayContaining([
            'APP_VERSION',
            'TABLE_NAME',
            'BUCKET_NAME',
            'DB_PROXY_ENDPOINT',
            'DB_PORT',
            'DB_NAME',
            'DB_USER',
            'COGNITO_STAFF_POOL_ID',
            'COGNITO_STAFF_CLIENT_ID',
            'COGNITO_PORTAL_POOL_ID',
            'COGNITO_PORTAL_CLIENT_ID',
            'SES_CONFIGURATION_SET',
          ]),
        );
        expect(env).toMatchObject({ AUTH_MODE: 'cognito', SECURE_COOKIES: 'true', DB_PORT: '5432', DB_NAME: 'pivotal', SES_FROM_ADDRESS: 'no-reply@mail.example.com' });
        expect(env.ADMIN_PASSWORD).toBeUndefined();
      }
    });

    it('serves every METHOD path of every module by one gateway route of that module, within the 500-resource budget, plus $default', () => {
      const routeKeys = Object.values(ofType(template, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey);
      const plan = planGatewayRoutes(apiModules);
      expect(routeKeys.sort()).toEqual([...plan.map((r) => `${r.method} ${r.path}`), '$default'].sort());
      for (const module of apiModules) {
        for (const route of module.routes) expect(servingRoute(plan, route.method, route.path)?.module, `${route.method} ${route.path}`).toBe(module.name);
      }
      // A greedy route serves a prefix no other module has a route under.
      for (const greedy of plan.filter((r) => r.method === 'ANY')) {
        const prefix = greedy.path.slice(0, -'/{proxy+}'.length);
        const others = apiModules.filter((m) => m.name !== greedy.module && m.routes.some((r) => r.path === prefix || r.path.startsWith(`${prefix}/`)));
        expect(others.map((m) => m.name), greedy.path).toEqual([]);
      }
      expect(plan.length).toBeLessThan(apiModules.flatMap((m) => m.routes).length / 2);
    });

    it('puts the staff pool’s JWT authorizer on every staff-only route and none on public ones', () => {
      const authorizers = ofType(template, 'AWS::ApiGatewayV2::Authorizer');
      const routes = Object.values(ofType(template, 'AWS::ApiGatewayV2::Route'));
      const plan = planGatewayRoutes(apiModules);
      for (const module of apiModules) {
        for (const route of module.routes) {
          const serving = servingRoute(plan, route.method, route.path)!;
          const props = routes.find((r) => r.Properties.RouteKey === `${serving.method} ${serving.path}`)!.Properties;
          const kind = gatewayAuthorizerFor(routeRoles(route));
          if (kind === 'none') {
            expect(props.AuthorizationType, `${route.method} ${route.path}`).toBe('NONE');
            continue;
          }
          expect(props.AuthorizationType, `${route.method} ${route.path}`).toBe('JWT');
          const authorizer = authorizers[(props.AuthorizerId as { Ref: string }).Ref]!;
          expect(authorizer.Properties.Name).toBe(kind === 'staff' ? 'StaffAuthorizer' : 'PortalAuthorizer');
          expect(JSON.stringify(authorizer.Properties.JwtConfiguration)).toContain(kind === 'staff' ? 'UserPoolsStaffPool' : 'UserPoolsPortalPool');
        }
      }
      // Admin routes exist today, so the staff authorizer is in use.
      expect(Object.values(authorizers).map((a) => a.Properties.Name)).toContain('StaffAuthorizer');
    });

    it('sends unmatched paths to the first module and logs and throttles the stage', () => {
      const routes = ofType(template, 'AWS::ApiGatewayV2::Route');
      const integrations = ofType(template, 'AWS::ApiGatewayV2::Integration');
      const fallback = Object.values(routes).find((r) => r.Properties.RouteKey === '$default')!;
      const integrationId = (fallback.Properties.Target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1][1] as { Ref: string };
      const uri = JSON.stringify(integrations[integrationId.Ref]!.Properties.IntegrationUri);
      expect(uri).toContain('ApiPlatformFunction');
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') }),
        DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 }),
      });
    });
  });

  describe('Cognito', () => {
    it('has two user pools, staff on Plus and the portal on Essentials, admin-created accounts only', () => {
      template.resourceCountIs('AWS::Cognito::UserPool', 2);
      for (const tier of ['PLUS', 'ESSENTIALS']) {
        template.hasResourceProperties('AWS::Cognito::UserPool', {
          UserPoolTier: tier,
          AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
          MfaConfiguration: 'OPTIONAL',
          Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12 }) },
        });
      }
      template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } });
    });

    it('attaches the pre-token-generation trigger (V2_0) to both pools', () => {
      const preToken = logicalIdOf(ofType(template, 'AWS::Lambda::Function'), (p) => String(p.Description).startsWith('Cognito pre-token'));
      for (const pool of Object.values(ofType(template, 'AWS::Cognito::UserPool'))) {
        expect(pool.Properties.LambdaConfig).toEqual({ PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [preToken, 'Arn'] }, LambdaVersion: 'V2_0' } });
      }
      const pools = Object.keys(ofType(template, 'AWS::Cognito::UserPool'));
      for (const pool of pools) {
        template.hasResourceProperties('AWS::Lambda::Permission', {
          Action: 'lambda:InvokeFunction',
          FunctionName: { 'Fn::GetAtt': [preToken, 'Arn'] },
          Principal: 'cognito-idp.amazonaws.com',
          SourceArn: { 'Fn::GetAtt': [pool, 'Arn'] },
        });
      }
    });

    it('gives each pool a public client with password, SRP and refresh flows', () => {
      template.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
      for (const client of Object.values(ofType(template, 'AWS::Cognito::UserPoolClient'))) {
        expect(client.Properties.GenerateSecret).toBe(false);
        expect(client.Properties.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']));
      }
    });
  });

  describe('storage', () => {
    it('blocks public access and refuses plain HTTP on every bucket', () => {
      const buckets = ofType(template, 'AWS::S3::Bucket');
      // Data, content, site and access logs.
      expect(Object.keys(buckets)).toHaveLength(4);
      for (const bucket of Object.values(buckets)) {
        expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
        expect(bucket.Properties.BucketEncryption).toBeDefined();
      }
      const policies = Object.values(ofType(template, 'AWS::S3::BucketPolicy'));
      expect(policies).toHaveLength(4);
      for (const policy of policies) {
        expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
      }
    });

    it('versions the data bucket and expires exports, imports and old versions', () => {
      template.hasResourceProperties('AWS::S3::Bucket', {
        VersioningConfiguration: { Status: 'Enabled' },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } }),
            Match.objectLike({ Prefix: 'exports/', ExpirationInDays: 14 }),
            Match.objectLike({ Prefix: 'imports/', ExpirationInDays: 90 }),
          ]),
        },
        CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['PUT', 'GET'], AllowedOrigins: ['https://*.cloudfront.net'], ExposedHeaders: ['ETag'] })] },
      });
    });
  });

  describe('the SPA on CloudFront', () => {
    it('sends the local stack’s security headers, with HSTS, and Cognito and the data bucket added to connect-src', () => {
      const policy = Object.values(ofType(template, 'AWS::CloudFront::ResponseHeadersPolicy'))[0]!;
      const headers = (policy.Properties.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, Record<string, unknown>> }).SecurityHeadersConfig;
      expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true });
      expect(headers.ContentTypeOptions).toEqual({ Override: true });
      expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
      expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true });
      const csp = JSON.stringify(headers.ContentSecurityPolicy!.ContentSecurityPolicy);
      for (const directive of SECURITY_HEADERS['content-security-policy']!.split('; ').filter((d) => !d.startsWith('connect-src'))) {
        expect(csp).toContain(directive);
      }
      expect(csp).toContain("connect-src 'self' https://cognito-idp.");
      // Presigned uploads go to the bucket's regional host, and to no other bucket.
      expect(csp).toMatch(/ https:\/\/",\{"Fn::GetAtt":\["DataStoresDataBucket[0-9A-F]+","RegionalDomainName"\]\}/);
      expect(csp).not.toContain('*.s3');
    });

    it('serves the app from a private bucket through OAC and forwards /api/* uncached with cookies and headers', () => {
      template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
      const distribution = Object.values(ofType(template, 'AWS::CloudFront::Distribution'))[0]!;
      const config = distribution.Properties.DistributionConfig as Record<string, unknown>;
      expect(config.DefaultRootObject).toBe('index.html');
      // API 403/404 problems must reach the client: no distribution-wide error pages.
      expect(config.CustomErrorResponses).toBeUndefined();
      expect(config.DefaultCacheBehavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', FunctionAssociations: [{ EventType: 'viewer-request' }] });
      // The email tracking links (/t/*) and the content tracking URLs (/r/*) too: never cached, so
      // every open and click reaches the API.
      expect(config.CacheBehaviors).toEqual(
        ['/api/*', '/t/*', '/r/*'].map((PathPattern) =>
          expect.objectContaining({
            PathPattern,
            CachePolicyId: CACHING_DISABLED,
            OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
            AllowedMethods: expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE']),
          }),
        ),
      );
      expect(JSON.stringify(config.Logging)).toContain('cloudfront/');
    });

    it('forwards every path of the route tables to the API, so none is answered with the app shell', () => {
      const prefixes = API_PATHS.map((p) => p.slice(0, -1));
      // The local issuer's keys (/.well-known/jwks.json) have no use on AWS, where Cognito signs tokens.
      for (const route of apiModules.flatMap((m) => m.routes).filter((r) => !r.path.startsWith('/.well-known/'))) {
        expect(prefixes.some((prefix) => route.path.startsWith(prefix)), `${route.method} ${route.path}`).toBe(true);
      }
    });

    it('deploys the built app (hashed assets and the shell) when dist/index.html exists', () => {
      template.resourceCountIs('Custom::CDKBucketDeployment', 2);
    });

    it("writes /config.json next to the shell from the stack's own pools, app clients, region and distribution", () => {
      const shell = Object.values(ofType(template, 'Custom::CDKBucketDeployment')).find((d) => JSON.stringify(d.Properties).includes('/config.json'))!;
      const markers = Object.assign({}, ...(shell.Properties.SourceMarkers as Record<string, unknown>[])) as Record<string, unknown>;
      // The jsonData source is staged as a folder holding config.json, with a marker for each token.
      const staged = readdirSync(app.outdir)
        .filter((name) => name.startsWith('asset.'))
        .map((name) => path.join(app.outdir, name, 'config.json'))
        .filter((file) => existsSync(file));
      expect(staged).toHaveLength(1);
      const written = JSON.parse(readFileSync(staged[0]!, 'utf8')) as Record<string, string>;
      const resolved = (value: string) => {
        const only = /^<<marker:0xbaba:\d+>>$/.exec(value);
        return only ? markers[value] : value;
      };

      const pools = ofType(template, 'AWS::Cognito::UserPool');
      const staffPool = logicalIdOf(pools, (p) => p.UserPoolTier === 'PLUS');
      const portalPool = logicalIdOf(pools, (p) => p.UserPoolTier === 'ESSENTIALS');
      const clients = ofType(template, 'AWS::Cognito::UserPoolClient');
      const clientOf = (pool: string) => logicalIdOf(clients, (p) => (p.UserPoolId as { Ref: string }).Ref === pool);
      const distribution = Object.keys(ofType(template, 'AWS::CloudFront::Distribution'))[0]!;

      expect(Object.keys(written).sort()).toEqual(['apiUrl', 'authMode', 'portalClientId', 'portalUserPoolId', 'region', 'staffClientId', 'staffUserPoolId']);
      expect(written.authMode).toBe('cognito');
      expect(resolved(written.staffUserPoolId!)).toEqual({ Ref: staffPool });
      expect(resolved(written.staffClientId!)).toEqual({ Ref: clientOf(staffPool) });
      expect(resolved(written.portalUserPoolId!)).toEqual({ Ref: portalPool });
      expect(resolved(written.portalClientId!)).toEqual({ Ref: clientOf(portalPool) });
      expect(resolved(written.region!)).toEqual({ Ref: 'AWS::Region' });
      expect(JSON.stringify(markers)).toContain(`"${distribution}","DomainName"`);
      expect(written.apiUrl).toMatch(/^https:\/\/<<marker:0xbaba:\d+>>\/api$/);
      // Never an emulator's endpoint on AWS: the SPA then signs in with SRP.
      expect(written).not.toHaveProperty('userPoolEndpoint');
    });
  });

  describe('deploy-time work', () => {
    it('runs the migrate function through a Trigger after the database and the user pools', () => {
      const trigger = Object.values(template.findResources('Custom::Trigger') as Resources)[0]!;
      const dependsOn = trigger.DependsOn ?? [];
      for (const prefix of ['DatabaseCluster', 'DatabaseClusterProxy', 'UserPoolsStaffPool']) {
        expect(dependsOn.some((id) => id.startsWith(prefix)), prefix).toBe(true);
      }
      expect(trigger.Properties).toMatchObject({ InvocationType: 'RequestResponse', ExecuteOnHandlerChange: true });
    });

    it('gives only the migrate function the secret holding the admin’s temporary password, never the password', () => {
      const fns = Object.values(ofType(template, 'AWS::Lambda::Function'));
      const migrate = fns.find((f) => f.Properties.Description === 'Applies the database migrations and the one-time bootstrap')!;
      const env = (migrate.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env).toMatchObject({ ADMIN_USERNAME: 'admin', ADMIN_EMAIL: 'ops@example.com', AUTH_MODE: 'cognito' });
      const secretId = logicalIdOf(ofType(template, 'AWS::SecretsManager::Secret'), (p) => String(p.Description).startsWith('Temporary password of the first admin'));
      expect(env.ADMIN_PASSWORD_SECRET_ARN).toEqual({ Ref: secretId });
      expect(migrate.Properties.Timeout).toBe(600);
      // No function's configuration holds a password, resolved or not.
      for (const fn of fns) {
        const variables = (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
        expect(variables.ADMIN_PASSWORD).toBeUndefined();
        expect(JSON.stringify(variables)).not.toContain('resolve:secretsmanager');
      }
      const statements = statementsOf(template, migrate);
      expect(statements).toContainEqual({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: secretId } });
      expect(statements).toContainEqual(
        expect.objectContaining({ Action: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser'], Resource: { 'Fn::GetAtt': [expect.stringMatching(/^UserPoolsStaffPool/), 'Arn'] } }),
      );
      const readers = Object.values(ofType(template, 'AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties).includes(`{"Ref":"${secretId}"}`));
      expect(readers).toHaveLength(1);
    });

    it('gives background functions longer than the API’s 29 seconds', () => {
      const fns = Object.values(ofType(template, 'AWS::Lambda::Function')).map((f) => f.Properties);
      expect(fns.find((p) => p.Description === 'Scheduled jobs')!.Timeout).toBe(300);
      const tasks = fns.filter((p) => workflows.some((w) => String(p.Description).startsWith(`${w.name}: `)));
      expect(tasks).toHaveLength(workflows.reduce((n, w) => n + Object.keys(w.tasks).length, 0));
      for (const task of tasks) expect(task.Timeout).toBe(300);
      for (const api of fns.filter((p) => String(p.Description).startsWith('API module '))) expect(api.Timeout).toBe(29);
    });

    it('deploys one state machine per workflow, named after it, and one notification per drop-folder entry', () => {
      const machines = Object.values(ofType(template, 'AWS::StepFunctions::StateMachine')).map((m) => m.Properties.StateMachineName);
      expect(machines.sort()).toEqual(workflows.map((w) => w.name).sort());
      const notifications = Object.values(template.findResources('Custom::S3BucketNotifications') as Resources);
      const configs = notifications.flatMap(
        (n) => (n.Properties.NotificationConfiguration as { LambdaFunctionConfigurations?: unknown[] }).LambdaFunctionConfigurations ?? [],
      );
      expect(configs).toHaveLength(s3Notifications.length);
    });

    it('schedules every job of functions/src/schedules.ts on the jobs function, and a looping job by starting its workflow each minute', () => {
      template.resourceCountIs('AWS::Scheduler::Schedule', scheduledJobs.length);
      for (const job of scheduledJobs.filter((j) => !j.loop)) {
        template.hasResourceProperties('AWS::Scheduler::Schedule', {
          ScheduleExpression: Match.stringLikeRegexp('^rate\\('),
          Target: Match.objectLike({ Input: JSON.stringify({ job: job.name }) }),
        });
      }
      const looping = scheduledJobs.filter((j) => j.loop);
      expect(looping.map((j) => j.name)).toContain('telephony.dialer-tick');
      const machines = ofType(template, 'AWS::StepFunctions::StateMachine');
      for (const job of looping) {
        const machineId = logicalIdOf(machines, (p) => p.StateMachineName === job.loop!.workflow);
        template.hasResourceProperties('AWS::Scheduler::Schedule', {
          ScheduleExpression: 'rate(1 minute)',
          Target: Match.objectLike({ Arn: { Ref: machineId }, Input: JSON.stringify({ round: 0 }) }),
        });
      }
    });

    it('keeps the Telnyx keys in a secret only the telephony functions read, by ARN, and expires recordings', () => {
      const secretId = logicalIdOf(ofType(template, 'AWS::SecretsManager::Secret'), (p) => String(p.Description).startsWith('Telnyx API key'));
      const fns = Object.values(ofType(template, 'AWS::Lambda::Function'));
      const readers = fns.filter((f) => JSON.stringify(f.Properties.Environment ?? {}).includes(`{"Ref":"${secretId}"}`));
      expect(readers.map((f) => f.Properties.Description).sort()).toEqual(['API module telephony', 'pivotal-dialer: DialerTick']);
      for (const f of readers) expect(statementsOf(template, f).flatMap((st) => [st.Action].flat())).toContain('secretsmanager:GetSecretValue');
      // No function's configuration holds the keys themselves.
      for (const f of fns) expect(JSON.stringify(f.Properties.Environment ?? {})).not.toMatch(/TELNYX_(API|PUBLIC)_KEY/);
      const bucket = Object.values(ofType(template, 'AWS::S3::Bucket')).find((b) => JSON.stringify(b.Properties).includes('recordings/'))!;
      expect(JSON.stringify(bucket.Properties.LifecycleConfiguration)).toContain('"Prefix":"recordings/"');
    });
  });

  describe('lead QA', () => {
    const fns = () => Object.values(ofType(template, 'AWS::Lambda::Function'));
    /** The lead workflows' task functions (`<workflow>: <task>`), with their entries. */
    const leadTasks = () =>
      workflows
        .filter((w) => w.name.startsWith('pivotal-lead-'))
        .flatMap((w) => Object.entries(w.tasks).map(([task, t]) => ({ description: `${w.name}: ${task}`, entry: t.entry })));
    const deliveryTask = (entry: string) => /\/lead-delivery-[^/]*\.ts$/.test(entry);

    it('keeps the vendor keys in a secret read, by ARN, only by the leads API and the pipeline’s tasks, with the model settings and no base URLs', () => {
      const secretId = logicalIdOf(ofType(template, 'AWS::SecretsManager::Secret'), (p) => String(p.Description).startsWith('Lead QA vendor keys'));
      const readers = fns().filter((f) => JSON.stringify(f.Properties.Environment ?? {}).includes(`{"Ref":"${secretId}"}`));
      const pipeline = leadTasks().filter((t) => !deliveryTask(t.entry));
      // The content API drafts with the same OpenAI key.
      expect(readers.map((f) => f.Properties.Description).sort()).toEqual(['API module content', 'API module leads', ...pipeline.map((t) => t.description)].sort());
      for (const f of readers) {
        const variables = (f.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
        expect(variables).toMatchObject({ LEADS_AI_SECRET_ARN: { Ref: secretId }, OPENAI_MODEL: 'gpt-4.1-mini', LEADS_ENRICHMENT: 'off' });
        expect(Object.keys(variables)).not.toContain('OPENAI_BASE_URL');
        expect(Object.keys(variables)).not.toContain('ASSEMBLYAI_BASE_URL');
        expect(statementsOf(template, f)).toContainEqual(expect.objectContaining({ Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'], Resource: { Ref: secretId } }));
      }
      for (const f of fns()) expect(JSON.stringify(f.Properties.Environment ?? {})).not.toMatch(/OPENAI_API_KEY|ASSEMBLYAI_(API_KEY|WEBHOOK_SECRET)/);
      template.hasOutput('LeadsAiSecretName', { Value: { 'Fn::Join': Match.anyValue() } });
    });

    it('lets the leads API keep delivery secrets under its prefix and the delivery tasks only read them', () => {
      const secretStatements = (description: string) =>
        statementsOf(template, fns().find((f) => f.Properties.Description === description)!).filter((st) => JSON.stringify(st.Resource).includes('/leads/delivery/*'));
      const api = secretStatements('API module leads');
      expect(api).toHaveLength(1);
      expect(api[0]!.Action).toEqual([
        'secretsmanager:CreateSecret',
        'secretsmanager:DeleteSecret',
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
        'secretsmanager:PutSecretValue',
      ]);
      const leads = fns().find((f) => f.Properties.Description === 'API module leads')!;
      expect((leads.Properties.Environment as { Variables: Record<string, unknown> }).Variables.DELIVERY_SECRET_PREFIX).toBe('PivotalTest/leads/delivery');
      for (const task of leadTasks().filter((t) => deliveryTask(t.entry))) {
        expect(secretStatements(task.description).map((st) => st.Action)).toEqual(['secretsmanager:GetSecretValue']);
      }
      // Nobody else reaches them.
      const holders = fns().filter((f) => JSON.stringify(statementsOf(template, f)).includes('/leads/delivery/*'));
      expect(holders.map((f) => f.Properties.Description).sort()).toEqual(['API module leads', ...leadTasks().filter((t) => deliveryTask(t.entry)).map((t) => t.description)].sort());
    });

    it('lets the leads API read recordings, read and write CSV deliveries and start workflows, and the telephony API start the pipeline', () => {
      const leads = fns().find((f) => f.Properties.Description === 'API module leads')!;
      const reads = statementsOf(template, leads).filter((st) => [st.Action].flat().includes('s3:GetObject'));
      expect(JSON.stringify(reads)).toContain('/recordings/*');
      expect(JSON.stringify(reads)).toContain('/lead-deliveries/*');
      // It writes a configuration's CSV file of delivered leads, there and nowhere else.
      const writes = statementsOf(template, leads).filter((st) => [st.Action].flat().includes('s3:PutObject'));
      expect(JSON.stringify(writes)).toContain('/lead-deliveries/*');
      expect(JSON.stringify(writes)).not.toContain('/recordings/*');
      expect(statementsOf(template, leads).flatMap((st) => [st.Action].flat())).toContain('states:StartExecution');
      const telephony = fns().find((f) => f.Properties.Description === 'API module telephony')!;
      expect(statementsOf(template, telephony).flatMap((st) => [st.Action].flat())).toContain('states:StartExecution');
    });

    it('builds every lead workflow with its task functions, and routes the transcription webhook without an authorizer', () => {
      const machines = Object.values(ofType(template, 'AWS::StepFunctions::StateMachine')).map((m) => m.Properties.StateMachineName);
      for (const w of workflows.filter((w) => w.name.startsWith('pivotal-lead-'))) expect(machines).toContain(w.name);
      const descriptions = fns().map((f) => f.Properties.Description);
      for (const task of leadTasks()) expect(descriptions).toContain(task.description);
      const routes = Object.values(ofType(template, 'AWS::ApiGatewayV2::Route'));
      const webhooks = apiModules.flatMap((m) => m.routes).filter((r) => r.path.startsWith('/api/leads/webhooks/'));
      for (const route of webhooks) {
        const found = routes.find((r) => r.Properties.RouteKey === `${route.method} ${route.path}`);
        expect(found?.Properties.AuthorizationType, `${route.method} ${route.path}`).toBe('NONE');
      }
      // The rest of the leads API shares one greedy route behind the staff pool's authorizer.
      const rest = routes.find((r) => r.Properties.RouteKey === 'ANY /api/leads/{proxy+}');
      expect(rest?.Properties.AuthorizationType).toBe('JWT');
    });
  });

  describe('email and permissions', () => {
    it('creates the SES configuration set with reputation metrics and the domain identity', () => {
      template.hasResourceProperties('AWS::SES::ConfigurationSet', { ReputationOptions: { ReputationMetricsEnabled: true } });
      template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'mail.example.com' });
      template.hasOutput('DkimRecord1', { Value: Match.anyValue() });
    });

    it('publishes the configuration set’s sending events to the default EventBridge bus', () => {
      const sets = Object.keys(ofType(template, 'AWS::SES::ConfigurationSet'));
      expect(sets).toHaveLength(1);
      template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        ConfigurationSetName: { Ref: sets[0] },
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: ['send', 'reject', 'bounce', 'complaint', 'delivery', 'deliveryDelay'],
          EventBridgeDestination: { EventBusArn: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([':event-bus/default'])] }) },
        },
      });
    });

    it('hands SES events (source aws.ses) to the email feedback Lambda through an EventBridge rule', () => {
      const feedback = logicalIdOf(ofType(template, 'AWS::Lambda::Function'), (p) => p.Description === 'EventBridge email-feedback');
      template.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: { source: ['aws.ses'], 'detail-type': Match.arrayWith(['Email Bounced', 'Email Complaint Received', 'Email Delivered']) },
        State: 'ENABLED',
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [feedback, 'Arn'] } })],
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [feedback, 'Arn'] },
        Principal: 'events.amazonaws.com',
      });
      template.resourceCountIs('AWS::Events::Rule', eventRules.length);
    });

    it('routes every public /t/ and /r/ tracking path of the route tables through API Gateway without an authorizer', () => {
      const routes = Object.values(ofType(template, 'AWS::ApiGatewayV2::Route'));
      const tracking = apiModules.flatMap((m) => m.routes).filter((r) => r.path.startsWith('/t/') || r.path.startsWith('/r/'));
      const plan = planGatewayRoutes(apiModules);
      for (const route of tracking) {
        const serving = servingRoute(plan, route.method, route.path)!;
        const found = routes.find((r) => r.Properties.RouteKey === `${serving.method} ${serving.path}`);
        expect(found?.Properties.AuthorizationType, `${route.method} ${route.path}`).toBe('NONE');
      }
    });

    it('sends Cognito’s own mail through SES from the domain when asked to', () => {
      for (const pool of Object.values(ofType(template, 'AWS::Cognito::UserPool'))) {
        expect(pool.Properties.EmailConfiguration).toMatchObject({ EmailSendingAccount: 'DEVELOPER', From: 'Pivotal CRM <no-reply@mail.example.com>' });
      }
    });

    it('lets the pre-token trigger reach only the database', () => {
      const roles = ofType(template, 'AWS::IAM::Role');
      const preTokenRole = Object.keys(roles).find((id) => id.startsWith('CognitoPreTokenServiceRole'))!;
      const policies = Object.values(ofType(template, 'AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles).includes(preTokenRole));
      const actions = policies.flatMap((p) => (p.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement.flatMap((s) => s.Action));
      expect(actions).toEqual(['rds-db:connect']);
    });
  });

  describe('least privilege, function by function', () => {
    const fn = (description: string) => Object.values(ofType(template, 'AWS::Lambda::Function')).find((f) => f.Properties.Description === description)!;
    const allFunctions = () => Object.values(ofType(template, 'AWS::Lambda::Function')).filter((f) => f.Properties.Description);
    const actionsOf = (f: Resources[string]) => statementsOf(template, f).flatMap((s) => [s.Action].flat());
    /** The key patterns (after the bucket ARN) an action is allowed on in the data bucket (the content bucket's: ./content.test.ts). */
    const objectPatterns = (f: Resources[string], action: string) =>
      statementsOf(template, f)
        .filter((s) => [s.Action].flat().includes(action))
        .flatMap((s) => [s.Resource].flat())
        .map((r) => (r as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1])
        .filter((parts) => !/^ContentBucket/.test((parts[0] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]))
        .map((parts) => {
          expect(parts[0]).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^DataStoresDataBucket/), 'Arn'] });
          return parts[1];
        })
        .sort();

    it('declares access only for entries the stack builds, so a renamed handler cannot silently lose it', () => {
      const entries = new Set([
        ...apiModules.map((m) => `functions/src/handlers/${m.name}.ts`),
        ...workflows.flatMap((w) => Object.values(w.tasks).map((t) => t.entry)),
        ...s3Notifications.map((n) => n.entry),
        ...eventRules.map((r) => r.entry),
        'functions/src/handlers/jobs.ts',
        'functions/src/handlers/content-publish.ts',
      ]);
      // A pattern (a workflow's family of tasks) must name a built entry once its workflow exists.
      const leadWorkflows = workflows.some((w) => w.name.startsWith('pivotal-lead-'));
      for (const key of Object.keys(functionAccess)) {
        if (key.includes('*') && !leadWorkflows) continue;
        expect([...entries].some((entry) => accessKeyMatches(key, entry)), key).toBe(true);
      }
    });

    it('lets the identity function manage the users of both pools, and nothing of the bucket, table or mail', () => {
      const statements = statementsOf(template, fn('API module identity'));
      const cognito = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('cognito-idp:')));
      expect(cognito).toHaveLength(1);
      expect([cognito[0]!.Action].flat().sort()).toEqual([
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminDisableUser',
        'cognito-idp:AdminEnableUser',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminUserGlobalSignOut',
      ]);
      const pools = [cognito[0]!.Resource].flat().map((r) => (r as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]).sort();
      expect(pools).toEqual([expect.stringMatching(/^UserPoolsPortalPool/), expect.stringMatching(/^UserPoolsStaffPool/)]);
      expect(actionsOf(fn('API module identity')).filter((a) => !a.startsWith('cognito-idp:'))).toEqual(['rds-db:connect']);
    });

    it('gives the user-management calls only to identity and the portal (client admins invite and deactivate their users)', () => {
      const managers = allFunctions().filter((f) => actionsOf(f).includes('cognito-idp:AdminDisableUser'));
      expect(managers.map((f) => f.Properties.Description).sort()).toEqual(['API module identity', 'API module portal']);
    });

    it('lets the imports API write only under imports/ and read only imports/ and exports/', () => {
      const imports = fn('API module imports');
      expect(objectPatterns(imports, 's3:PutObject')).toEqual(['/imports/*']);
      expect(objectPatterns(imports, 's3:GetObject')).toEqual(['/exports/*', '/imports/*']);
      expect(actionsOf(imports)).not.toContain('s3:DeleteObject');
      expect(actionsOf(imports)).toEqual(expect.arrayContaining(['states:StartExecution', 'states:StopExecution', 'states:ListStateMachines']));
    });

    it('lets the compliance API reach only uploaded suppression files', () => {
      const compliance = fn('API module compliance');
      expect(objectPatterns(compliance, 's3:PutObject')).toEqual(['/suppressions/uploads/*']);
      expect(objectPatterns(compliance, 's3:GetObject')).toEqual(['/suppressions/uploads/*']);
      expect(actionsOf(compliance).filter((a) => a.startsWith('states:') || a.startsWith('ses:') || a.startsWith('dynamodb:'))).toEqual([]);
    });

    it('gives the export task only exports/ and the drop-folder handler only imports/', () => {
      expect(objectPatterns(fn('pivotal-export: RunExport'), 's3:PutObject')).toEqual(['/exports/*']);
      expect(actionsOf(fn('pivotal-export: RunExport'))).not.toContain('s3:GetObject');
      const drop = fn('S3 imports/inbox/');
      for (const action of ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']) expect(objectPatterns(drop, action)).toEqual(['/imports/*']);
    });

    it('keeps audience to the database, accounts to it and starting exports, and the scheduled jobs to it and resuming jobs', () => {
      expect(actionsOf(fn('API module audience'))).toEqual(['rds-db:connect']);
      // The job sweeper: is an execution still running, start a new one; a job it gives up on moves its drop-folder file.
      const jobs = fn('Scheduled jobs');
      expect(actionsOf(jobs).filter((a) => a.startsWith('states:')).sort()).toEqual(['states:DescribeExecution', 'states:ListStateMachines', 'states:StartExecution']);
      for (const action of ['s3:GetObject', 's3:PutObject']) expect(objectPatterns(jobs, action)).toEqual(['/imports/*']);
      // The recordings' retention job deletes recordings past their campaign's retention, and reads none.
      expect(objectPatterns(jobs, 's3:DeleteObject').sort()).toEqual(['/imports/*', '/recordings/*']);
      // A bulk export starts the export workflow: start (and find) executions, never stop them.
      expect(actionsOf(fn('API module accounts')).sort()).toEqual(['rds-db:connect', 'states:ListStateMachines', 'states:StartExecution']);
    });

    it('gives the health check read-only calls, and item writes and mail sending only to the functions whose entry declares them', () => {
      expect(actionsOf(fn('API module platform')).sort()).toEqual(['dynamodb:DescribeTable', 'rds-db:connect', 's3:ListBucket', 'ses:GetAccount', 'states:ListStateMachines']);
      // Workflow tasks are described as `<workflow>: <task>`.
      const taskEntries = new Map<string, string>(workflows.flatMap((w) => Object.entries(w.tasks).map(([task, t]) => [`${w.name}: ${task}`, t.entry] as const)));
      const entryOf = (f: Resources[string]) =>
        taskEntries.get(String(f.Properties.Description)) ??
        Object.keys(functionAccess).find((entry) => {
          const d = String(f.Properties.Description);
          return d === `API module ${entry.replace(/^functions\/src\/handlers\/|\.ts$/g, '')}` || (entry.endsWith('/jobs.ts') && d === 'Scheduled jobs');
        });
      for (const f of allFunctions()) {
        const actions = actionsOf(f);
        const entry = entryOf(f);
        const access = entry ? accessFor(functionAccess, entry) : {};
        if (access.table !== 'read-write') expect(actions.filter((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a)), String(f.Properties.Description)).toEqual([]);
        if (!access.sendEmail) expect(actions.filter((a) => a.startsWith('ses:Send')), String(f.Properties.Description)).toEqual([]);
        if (access.sendingIdentities !== 'manage') expect(actions.filter((a) => /^ses:(Create|Delete|Put)/.test(a)), String(f.Properties.Description)).toEqual([]);
        for (const action of ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']) {
          if (actions.includes(action)) expect(objectPatterns(f, action)).not.toContain('/*');
        }
      }
    });
  });
});

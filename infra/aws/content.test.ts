import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineRoute, type ApiModule } from '../../functions/src/http/route';
import { apiModules } from '../../functions/src/modules/index';
import { testStack } from './test-app';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Resources = Record<string, Resource>;
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: Record<string, unknown> };

// The content module as its route table will be: the Resources Centre's signed inbound endpoint is
// public (it verifies its caller's HMAC signature itself), the rest are staff routes.
const contentModule: ApiModule = {
  name: 'content',
  routes: [
    defineRoute({ method: 'POST', path: '/api/content/resources-centre/inbound', public: true, rawBody: true, summary: 'Signed reference data from the Resources Centre', handler: async () => null }),
    defineRoute({ method: 'GET', path: '/api/content/assets', capability: 'content.read', summary: 'Assets', handler: async () => null }),
    defineRoute({ method: 'POST', path: '/api/content/assets/uploads', capability: 'content.create', summary: 'Presigned upload', handler: async () => null }),
    defineRoute({ method: 'GET', path: '/api/content/assets/{assetId}', capability: 'content.read', summary: 'One asset', handler: async () => null }),
    defineRoute({ method: 'PUT', path: '/api/content/resources-centre/settings', capability: 'content.configure', summary: 'Resources Centre settings', handler: async () => null }),
  ],
};

describe('the content module on AWS', () => {
  let template: Template;
  let app: ReturnType<typeof testStack>['app'];
  const of = (type: string) => template.findResources(type) as Resources;
  const fns = () => Object.values(of('AWS::Lambda::Function'));
  const fn = (description: string) => {
    const found = fns().find((f) => f.Properties.Description === description);
    if (!found) throw new Error(`no function ${description}`);
    return found;
  };
  const envOf = (f: Resource) => (f.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
  const idOf = (type: string, predicate: (props: Record<string, unknown>) => boolean) => {
    const found = Object.entries(of(type)).find(([, r]) => predicate(r.Properties));
    if (!found) throw new Error(`no ${type}`);
    return found[0];
  };
  /** The statements of the inline policies of a role (by logical id). */
  const statementsOfRole = (roleId: string): Statement[] =>
    Object.values(of('AWS::IAM::Policy'))
      .filter((p) => (p.Properties.Roles as { Ref?: string }[]).some((r) => r.Ref === roleId))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  const statementsOf = (f: Resource) => statementsOfRole((f.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]);
  const contentBucketId = () => idOf('AWS::S3::Bucket', (p) => JSON.stringify(p.LoggingConfiguration ?? {}).includes('content-bucket/'));
  /** The content-bucket key patterns an action is allowed on. */
  const contentObjects = (f: Resource, action: string) =>
    statementsOf(f)
      .filter((s) => [s.Action].flat().includes(action))
      .flatMap((s) => [s.Resource].flat())
      .map((r) => (r as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join']?.[1])
      .filter((parts) => JSON.stringify(parts?.[0]) === JSON.stringify({ 'Fn::GetAtt': [contentBucketId(), 'Arn'] }))
      .map((parts) => parts![1])
      .sort();

  beforeAll(() => {
    const built = testStack({ distDir: '/nonexistent/dist', app: { apiModules: apiModules.map((m) => (m.name === 'content' ? contentModule : m)) } });
    app = built.app;
    template = Template.fromStack(built.stack);
  });

  it('passes the AwsSolutions checks', () => {
    const open = new AwsSolutionsChecks().validateScope(app).violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(open).toEqual([]);
  });

  describe('the content bucket', () => {
    it('blocks public access, encrypts, logs access and refuses plain HTTP', () => {
      const bucket = of('AWS::S3::Bucket')[contentBucketId()]!.Properties;
      expect(bucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(bucket.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
      expect(bucket.LoggingConfiguration).toMatchObject({ DestinationBucketName: { Ref: expect.stringMatching(/^DataStoresAccessLogs/) }, LogFilePrefix: 'content-bucket/' });
      const policy = Object.values(of('AWS::S3::BucketPolicy')).find((p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: contentBucketId() }))!;
      const statements = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
      expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    });

    it('lets the app’s pages PUT uploads and GET files with presigned URLs, reading the ETag of each part', () => {
      const bucket = of('AWS::S3::Bucket')[contentBucketId()]!.Properties;
      expect(bucket.CorsConfiguration).toEqual({
        CorsRules: [{ AllowedOrigins: ['https://*.cloudfront.net'], AllowedMethods: ['PUT', 'GET'], AllowedHeaders: ['*'], ExposedHeaders: ['ETag'], MaxAge: 3000 }],
      });
    });

    it('aborts unfinished multipart uploads and drops replaced versions after a month', () => {
      const rules = (of('AWS::S3::Bucket')[contentBucketId()]!.Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
      expect(rules).toContainEqual(expect.objectContaining({ Id: 'abort-uploads', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 }, Status: 'Enabled' }));
      expect(rules).toContainEqual(expect.objectContaining({ Id: 'old-versions', NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }));
    });

    it('is named in CONTENT_BUCKET_NAME of the content API, the jobs and the publish function, and in the CSP’s connect-src', () => {
      for (const d of ['API module content', 'Scheduled jobs', 'Content: publish a scheduled social post']) {
        expect(envOf(fn(d)).CONTENT_BUCKET_NAME, d).toEqual({ Ref: contentBucketId() });
      }
      const holders = fns().filter((f) => JSON.stringify(f.Properties.Environment ?? {}).includes('CONTENT_BUCKET_NAME'));
      expect(holders.map((f) => f.Properties.Description).sort()).toEqual(['API module content', 'Content: publish a scheduled social post', 'Scheduled jobs']);
      const csp = JSON.stringify(Object.values(of('AWS::CloudFront::ResponseHeadersPolicy'))[0]!.Properties);
      expect(csp).toMatch(new RegExp(`connect-src [^;]*\\{"Fn::GetAtt":\\["${contentBucketId()}","RegionalDomainName"\\]\\}`));
      // Previews are read through fetch into blob: URLs: images still load from the app alone.
      expect(csp).toContain("img-src 'self' data: blob:;");
    });

    it('lets the content API and the jobs read, write and delete asset files and previews, the publish function only read them, and nobody else reach them', () => {
      for (const d of ['API module content', 'Scheduled jobs']) {
        for (const action of ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']) expect(contentObjects(fn(d), action), `${d} ${action}`).toEqual(['/assets/*', '/previews/*']);
      }
      const publish = fn('Content: publish a scheduled social post');
      expect(contentObjects(publish, 's3:GetObject')).toEqual(['/assets/*', '/previews/*']);
      expect(contentObjects(publish, 's3:PutObject')).toEqual([]);
      expect(contentObjects(publish, 's3:DeleteObject')).toEqual([]);
      const reaching = fns().filter((f) => JSON.stringify(statementsOf(f)).includes(`"${contentBucketId()}"`));
      expect(reaching.map((f) => f.Properties.Description).sort()).toEqual(['API module content', 'Content: publish a scheduled social post', 'Scheduled jobs']);
    });
  });

  describe('content secrets', () => {
    const secretStatements = (f: Resource) => statementsOf(f).filter((s) => [s.Action].flat().some((a) => a.startsWith('secretsmanager:')) && JSON.stringify(s.Resource).includes('/content/'));

    it('lets the content API keep its secrets under its prefix alone, and the jobs and the publish function only read them', () => {
      const api = secretStatements(fn('API module content'));
      expect(api).toHaveLength(1);
      expect(api[0]!.Action).toEqual(['secretsmanager:CreateSecret', 'secretsmanager:DeleteSecret', 'secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue']);
      expect(JSON.stringify(api[0]!.Resource)).toMatch(/:secret:PivotalTest\/content\/\*"\]\]\}$/);
      for (const d of ['Scheduled jobs', 'Content: publish a scheduled social post']) {
        const read = secretStatements(fn(d));
        expect(read.map((s) => s.Action), d).toEqual(['secretsmanager:GetSecretValue']);
        expect(JSON.stringify(read[0]!.Resource)).toMatch(/:secret:PivotalTest\/content\/\*"\]\]\}$/);
      }
      for (const d of ['API module content', 'Scheduled jobs', 'Content: publish a scheduled social post']) expect(envOf(fn(d)).CONTENT_SECRET_PREFIX).toBe('PivotalTest/content');
      const holders = fns().filter((f) => secretStatements(f).length > 0);
      expect(holders.map((f) => f.Properties.Description).sort()).toEqual(['API module content', 'Content: publish a scheduled social post', 'Scheduled jobs']);
      // The content API's only other secret is the vendors' (the OpenAI key AI drafting uses), by ARN.
      const leadsSecretId = idOf('AWS::SecretsManager::Secret', (p) => String(p.Description).startsWith('Lead QA vendor keys'));
      expect(envOf(fn('API module content')).LEADS_AI_SECRET_ARN).toEqual({ Ref: leadsSecretId });
      for (const s of statementsOf(fn('API module content')).filter((st) => [st.Action].flat().some((a) => a.startsWith('secretsmanager:')))) {
        expect([JSON.stringify(s.Resource).includes('/content/*'), JSON.stringify(s.Resource) === JSON.stringify({ Ref: leadsSecretId })]).toContain(true);
      }
    });
  });

  describe('scheduled social posts', () => {
    const groupName = () => Object.values(of('AWS::Scheduler::ScheduleGroup'))[0]!.Properties.Name as string;
    const roleId = () => idOf('AWS::IAM::Role', (p) => String(p.Description).startsWith('EventBridge Scheduler: invokes the content publish function'));
    const publishId = () => Object.entries(of('AWS::Lambda::Function')).find(([, f]) => f.Properties.Description === 'Content: publish a scheduled social post')![0];

    it('has one schedule group and a publish function in the app subnets (out to the platforms through the NAT gateway)', () => {
      template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
      expect(groupName()).toMatch(/^[0-9A-Za-z_.-]{1,64}$/);
      template.hasOutput('ContentScheduleGroup', { Value: groupName() });
      const publish = fn('Content: publish a scheduled social post');
      expect(publish.Properties).toMatchObject({ Runtime: 'nodejs22.x', Timeout: 60 });
      const subnets = JSON.stringify((publish.Properties.VpcConfig as { SubnetIds: unknown[] }).SubnetIds);
      expect(subnets).toContain('appSubnet');
      const routes = Object.values(of('AWS::EC2::Route')).filter((r) => JSON.stringify(r.Properties.RouteTableId).includes('appSubnet'));
      expect(routes.length).toBeGreaterThan(0);
      for (const route of routes) expect(route.Properties).toMatchObject({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: expect.anything() });
      // Like every function, it reaches the database.
      expect(statementsOf(publish).flatMap((s) => [s.Action].flat())).toContain('rds-db:connect');
      expect(statementsOf(publish).flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith('scheduler:') || a === 'iam:PassRole')).toEqual([]);
    });

    it('invokes the publish function as a role only Scheduler assumes, for this account’s content group, which may invoke nothing else', () => {
      const role = of('AWS::IAM::Role')[roleId()]!.Properties;
      const trust = (role.AssumeRolePolicyDocument as { Statement: Statement[] & { Principal?: unknown }[] }).Statement;
      expect(trust).toHaveLength(1);
      expect(trust[0]).toMatchObject({
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }, ArnLike: { 'aws:SourceArn': expect.anything() } },
      });
      expect(JSON.stringify(trust[0]!.Condition)).toContain('ContentSchedulesGroup');
      expect(role.ManagedPolicyArns).toBeUndefined();
      expect(statementsOfRole(roleId())).toEqual([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [publishId(), 'Arn'] } }]);
    });

    it('gives the content API the group, the role and the target, lets it manage schedules of that group only and pass that role only, to Scheduler only', () => {
      const content = fn('API module content');
      expect(envOf(content)).toMatchObject({
        CONTENT_SCHEDULE_GROUP: groupName(),
        CONTENT_SCHEDULE_ROLE_ARN: { 'Fn::GetAtt': [roleId(), 'Arn'] },
        CONTENT_SCHEDULE_TARGET_ARN: { 'Fn::GetAtt': [publishId(), 'Arn'] },
      });
      const scheduling = statementsOf(content).filter((s) => [s.Action].flat().some((a) => a.startsWith('scheduler:')));
      expect(scheduling).toHaveLength(1);
      expect(scheduling[0]!.Action).toEqual(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule', 'scheduler:UpdateSchedule']);
      expect(JSON.stringify(scheduling[0]!.Resource)).toMatch(new RegExp(`:schedule/${groupName()}/\\*"\\]\\]\\}$`));
      const passing = statementsOf(content).filter((s) => [s.Action].flat().includes('iam:PassRole'));
      expect(passing).toEqual([
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: { 'Fn::GetAtt': [roleId(), 'Arn'] }, Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } } },
      ]);
      // No other function schedules posts or passes a role.
      const schedulers = fns().filter((f) => statementsOf(f).some((s) => [s.Action].flat().some((a) => a.startsWith('scheduler:') || a === 'iam:PassRole')));
      expect(schedulers.map((f) => f.Properties.Description)).toEqual(['API module content']);
    });
  });

  describe('the content routes at the gateway', () => {
    const routes = () => Object.values(of('AWS::ApiGatewayV2::Route'));
    const byKey = (key: string) => routes().find((r) => r.Properties.RouteKey === key)?.Properties;

    it('serves the Resources Centre’s inbound endpoint without a JWT authorizer (it verifies the signature itself)', () => {
      const inbound = byKey('POST /api/content/resources-centre/inbound');
      expect(inbound).toBeDefined();
      expect(inbound!.AuthorizationType).toBe('NONE');
      expect(inbound!.AuthorizerId).toBeUndefined();
      expect(JSON.stringify(of('AWS::ApiGatewayV2::Integration'))).toContain('ApiContentFunction');
    });

    it('puts the staff pool’s authorizer on the content routes that need a capability', () => {
      const rest = byKey('ANY /api/content/{proxy+}');
      expect(rest?.AuthorizationType).toBe('JWT');
      const authorizer = of('AWS::ApiGatewayV2::Authorizer')[(rest!.AuthorizerId as { Ref: string }).Ref]!;
      expect(authorizer.Properties.Name).toBe('StaffAuthorizer');
      const content = routes().filter((r) => String(r.Properties.RouteKey).includes(' /api/content'));
      expect(content.map((r) => r.Properties.RouteKey).sort()).toEqual(['ANY /api/content/{proxy+}', 'POST /api/content/resources-centre/inbound']);
    });
  });
});

import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../functions/src/workflows/index';
import { platformModule } from '../../functions/src/modules/platform';
import { defineRoute, type ApiModule } from '../../functions/src/http/route';
import { testStack } from './test-app';

// Declarations the product does not have yet, so the wiring for them is proved before it is needed.
// Its name picks the entry functions/src/handlers/<name>.ts, which must exist even unbundled: an
// existing one stands in.
const portalModule: ApiModule = {
  name: 'identity',
  routes: [
    defineRoute({ method: 'GET', path: '/api/portal/orders', capability: 'portal.client', summary: 'The client’s orders', handler: async () => null }),
    defineRoute({ method: 'GET', path: '/api/portal/deliveries', authenticated: true, summary: 'Deliveries', handler: async () => null }),
  ],
};

// Email tracking links: public routes under /t/ (an existing entry stands in for the module's Lambda).
const trackingModule: ApiModule = {
  name: 'audience',
  routes: [
    defineRoute({ method: 'GET', path: '/t/o/{token}', public: true, summary: 'Open pixel', handler: async () => null }),
    defineRoute({ method: 'POST', path: '/t/u/{token}', public: true, summary: 'One-click unsubscribe', handler: async () => null }),
  ],
};

const digest: WorkflowDefinition = {
  name: 'nightly-digest',
  tasks: { BuildDigest: { entry: 'functions/src/handlers/jobs.ts' } },
  definition: {
    StartAt: 'Build',
    TimeoutSeconds: 900,
    States: {
      Build: {
        Type: 'Task',
        Resource: '${BuildDigest}',
        TimeoutSeconds: 300,
        Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException', 'States.TaskFailed'], MaxAttempts: 3 }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
        End: true,
      },
      Failed: { Type: 'Fail', Error: 'DigestFailed' },
    },
  },
};

describe('the CDK app without an email domain or a built SPA, with bucket events, an event rule, a workflow, portal routes and tracking routes', () => {
  let template: Template;
  let app: ReturnType<typeof testStack>['app'];

  beforeAll(() => {
    const built = testStack({
      distDir: '/nonexistent/dist',
      app: {
        apiModules: [platformModule, portalModule, trackingModule],
        scheduledJobs: [{ name: 'reports.refresh', everySeconds: 20 }],
        workflows: [digest],
        s3Notifications: [{ prefix: 'imports/inbox/', suffix: '.csv', entry: 'functions/src/handlers/jobs.ts' }],
        eventRules: [{ name: 'ses-feedback', source: 'aws.ses', entry: 'functions/src/handlers/jobs.ts' }],
        // Every kind of access at once, so each grant and its acknowledgements are checked without an email domain.
        access: {
          'functions/src/handlers/identity.ts': { sendEmail: true, table: 'read-write', workflows: { start: true, stop: true }, objects: { read: ['reports/*'] }, sendingIdentities: 'manage' },
          'functions/src/handlers/jobs.ts': { sendingIdentities: 'read' },
        },
      },
    });
    app = built.app;
    template = Template.fromStack(built.stack);
  });

  it('still passes the AwsSolutions checks', () => {
    expect(new AwsSolutionsChecks().validateScope(app).violations.map((v) => v.ruleName)).toEqual([]);
  });

  it('synthesizes without a build: the SPA deployment is skipped', () => {
    template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    template.hasOutput('SpaDeployed', { Value: 'false' });
  });

  it('sends email through any verified identity, bound to the configuration set', () => {
    template.resourceCountIs('AWS::SES::EmailIdentity', 0);
    for (const pool of Object.values(template.findResources('AWS::Cognito::UserPool')) as { Properties: Record<string, unknown> }[]) {
      expect(pool.Properties.EmailConfiguration).toBeUndefined();
    }
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policies).toContain(':identity/*');
    expect(policies).toContain(':configuration-set/');
  });

  it('puts the portal pool’s authorizer on client-only routes and none on routes open to both pools', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as { Properties: Record<string, unknown> }[];
    const byKey = (key: string) => routes.find((r) => r.Properties.RouteKey === key)!.Properties;
    expect(byKey('GET /api/portal/orders').AuthorizationType).toBe('JWT');
    expect(byKey('GET /api/portal/deliveries').AuthorizationType).toBe('NONE');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { Name: 'PortalAuthorizer', AuthorizerType: 'JWT' });
  });

  it('invokes the entry’s Lambda for new objects in the drop folder', () => {
    const [notifications] = Object.values(template.findResources('Custom::S3BucketNotifications')) as { Properties: Record<string, unknown> }[];
    const config = (notifications!.Properties.NotificationConfiguration as { LambdaFunctionConfigurations: Record<string, unknown>[] }).LambdaFunctionConfigurations;
    expect(config).toHaveLength(1);
    expect(config[0]!.Events).toEqual(['s3:ObjectCreated:*']);
    expect((config[0]!.Filter as { Key: { FilterRules: unknown[] } }).Key.FilterRules).toEqual(
      expect.arrayContaining([
        { Name: 'prefix', Value: 'imports/inbox/' },
        { Name: 'suffix', Value: '.csv' },
      ]),
    );
  });

  it('deploys the workflow under its own name and lets the API start it', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', { StateMachineName: 'nightly-digest' });
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policies).toContain('states:StartExecution');
    expect(policies).toContain('states:ListStateMachines');
    expect(policies).toContain('states:StopExecution');
  });

  it('grants only what the access table declares: the module without an entry reaches the database alone', () => {
    const fns = template.findResources('AWS::Lambda::Function') as Record<string, { Properties: { Description?: string; Role: { 'Fn::GetAtt': [string] } } }>;
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as { Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: { Action: string | string[] }[] } } }[];
    const actionsOf = (description: string) => {
      const role = Object.values(fns).find((f) => f.Properties.Description === description)!.Properties.Role['Fn::GetAtt'][0];
      return policies.filter((p) => p.Properties.Roles.some((r) => r.Ref === role)).flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((st) => [st.Action].flat()));
    };
    expect(actionsOf('API module platform')).not.toContain('ses:SendEmail');
    expect(actionsOf('Scheduled jobs')).toEqual(['rds-db:connect', 'ses:GetEmailIdentity']);
    expect(actionsOf('API module identity')).toEqual(expect.arrayContaining(['ses:SendEmail', 'dynamodb:PutItem', 's3:GetObject', 's3:ListBucket', 'states:StartExecution']));
  });

  it('routes the public /t/ tracking paths through API Gateway with no authorizer, to the module’s Lambda', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as { Properties: Record<string, unknown> }[];
    for (const key of ['GET /t/o/{token}', 'POST /t/u/{token}']) {
      expect(routes.find((r) => r.Properties.RouteKey === key)?.Properties.AuthorizationType, key).toBe('NONE');
    }
  });

  it('invokes an event rule’s Lambda for every event of its source when it names no detail types', () => {
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: { source: ['aws.ses'] } });
    const [rule] = Object.values(template.findResources('AWS::Events::Rule')) as { Properties: { EventPattern: Record<string, unknown> } }[];
    expect(rule!.Properties.EventPattern['detail-type']).toBeUndefined();
  });

  it('lets Settings → Email manage SES identities, pools’ configuration sets and dedicated pools, and the refresh job only read identities', () => {
    const fns = template.findResources('AWS::Lambda::Function') as Record<string, { Properties: { Description?: string; Role: { 'Fn::GetAtt': [string] } } }>;
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as { Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } } }[];
    const statementsOf = (description: string) => {
      const role = Object.values(fns).find((f) => f.Properties.Description === description)!.Properties.Role['Fn::GetAtt'][0];
      return policies.filter((p) => p.Properties.Roles.some((r) => r.Ref === role)).flatMap((p) => p.Properties.PolicyDocument.Statement);
    };
    const ses = (description: string) => statementsOf(description).filter((st) => [st.Action].flat().some((a) => a.startsWith('ses:') && a !== 'ses:SendEmail' && a !== 'ses:SendRawEmail'));
    const managed = ses('API module identity');
    expect(managed.flatMap((st) => [st.Action].flat())).toEqual(
      expect.arrayContaining(['ses:CreateEmailIdentity', 'ses:GetEmailIdentity', 'ses:DeleteEmailIdentity', 'ses:CreateConfigurationSet', 'ses:CreateConfigurationSetEventDestination', 'ses:CreateDedicatedIpPool']),
    );
    expect(JSON.stringify(managed.find((st) => [st.Action].flat().includes('ses:CreateConfigurationSet'))!.Resource)).toContain(':configuration-set/pivotal-pool-*');
    expect(ses('Scheduled jobs').flatMap((st) => [st.Action].flat())).toEqual(['ses:GetEmailIdentity']);
  });

  it('rounds a sub-minute job up to Scheduler’s one-minute rate', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 minute)', Target: Match.objectLike({ Input: '{"job":"reports.refresh"}' }) });
  });
});

// A workflow's family of tasks granted by an entry pattern, as the lead pipeline's and delivery's
// are (`lead-*.ts`, `lead-delivery-*.ts`); existing entries stand in for theirs.
const leadScoring: WorkflowDefinition = {
  name: 'pivotal-lead-scoring',
  tasks: { ScoreLead: { entry: 'functions/src/handlers/email-prepare.ts' }, SendDelivery: { entry: 'functions/src/handlers/email-finalise.ts' } },
  definition: {
    StartAt: 'Score',
    TimeoutSeconds: 900,
    States: {
      Score: {
        Type: 'Task',
        Resource: '${ScoreLead}',
        TimeoutSeconds: 300,
        Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 3 }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
        Next: 'Send',
      },
      Send: {
        Type: 'Task',
        Resource: '${SendDelivery}',
        TimeoutSeconds: 300,
        Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 3 }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
        End: true,
      },
      Failed: { Type: 'Fail', Error: 'ScoringFailed' },
    },
  },
};

describe('the CDK app with a workflow whose tasks are granted by entry pattern, and the lead secrets', () => {
  let template: Template;
  let app: ReturnType<typeof testStack>['app'];

  beforeAll(() => {
    const built = testStack({
      distDir: '/nonexistent/dist',
      context: { openaiModel: 'gpt-4.1', leadsEnrichment: 'true' },
      app: {
        apiModules: [platformModule],
        scheduledJobs: [],
        workflows: [leadScoring],
        s3Notifications: [],
        eventRules: [],
        access: {
          'functions/src/handlers/platform.ts': { leadsAi: true, deliverySecrets: 'manage', objects: { read: ['recordings/*', 'deliveries/*'] } },
          'functions/src/handlers/email-*.ts': { leadsAi: true, objects: { read: ['recordings/*'] }, workflows: { start: true } },
          'functions/src/handlers/email-finalise*.ts': { deliverySecrets: 'read', objects: { write: ['deliveries/*'] } },
        },
      },
    });
    app = built.app;
    template = Template.fromStack(built.stack);
  });

  const fn = (description: string) => {
    const fns = template.findResources('AWS::Lambda::Function') as Record<string, { Properties: { Description?: string; Role: { 'Fn::GetAtt': [string] }; Environment?: { Variables: Record<string, unknown> } } }>;
    return Object.values(fns).find((f) => f.Properties.Description === description)!;
  };
  const statementsOf = (description: string) => {
    const role = fn(description).Properties.Role['Fn::GetAtt'][0];
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as { Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } } }[];
    return policies.filter((p) => p.Properties.Roles.some((r) => r.Ref === role)).flatMap((p) => p.Properties.PolicyDocument.Statement);
  };

  it('still passes the AwsSolutions checks', () => {
    expect(new AwsSolutionsChecks().validateScope(app).violations.map((v) => v.ruleName)).toEqual([]);
  });

  it('gives each task the grants of the longest pattern its entry matches', () => {
    const score = fn('pivotal-lead-scoring: ScoreLead').Properties.Environment!.Variables;
    expect(score).toMatchObject({ LEADS_AI_SECRET_ARN: expect.anything(), OPENAI_MODEL: 'gpt-4.1', LEADS_ENRICHMENT: 'on' });
    expect(score.DELIVERY_SECRET_PREFIX).toBeUndefined();
    expect(statementsOf('pivotal-lead-scoring: ScoreLead').flatMap((st) => [st.Action].flat())).toEqual(expect.arrayContaining(['s3:GetObject', 'states:StartExecution']));
    // Its own machine by name: by reference the task's policy and the machine would depend on each other.
    const start = statementsOf('pivotal-lead-scoring: ScoreLead').find((st) => st.Action === 'states:StartExecution')!;
    expect(JSON.stringify(start.Resource)).toContain(':stateMachine:pivotal-lead-scoring');
    expect(JSON.stringify(start.Resource)).not.toMatch(/"Ref":"Workflow/);

    const send = fn('pivotal-lead-scoring: SendDelivery').Properties.Environment!.Variables;
    expect(send.LEADS_AI_SECRET_ARN).toBeUndefined();
    expect(send.DELIVERY_SECRET_PREFIX).toBe('PivotalTest/leads/delivery');
    const secrets = statementsOf('pivotal-lead-scoring: SendDelivery').filter((st) => JSON.stringify(st.Resource).includes('secretsmanager'));
    expect(secrets.map((st) => st.Action)).toEqual(['secretsmanager:GetSecretValue']);
    expect(statementsOf('pivotal-lead-scoring: SendDelivery').flatMap((st) => [st.Action].flat())).not.toContain('s3:GetObject');
  });

  it('lets the API keep delivery secrets under the stack’s prefix', () => {
    const manage = statementsOf('API module platform').find((st) => JSON.stringify(st.Resource).includes('/leads/delivery/*'))!;
    expect([manage.Action].flat()).toEqual(['secretsmanager:CreateSecret', 'secretsmanager:DeleteSecret', 'secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue']);
  });
});

// The whole product in one stack; each concern is a construct under ./constructs and this file
// only wires them together and hands every Lambda the configuration and the grants its entry
// declares in ./function-access.
import path from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { eventRules as defaultEventRules, s3Notifications as defaultS3Notifications, type EventRule, type S3Notification } from '../../functions/src/events';
import type { ApiModule } from '../../functions/src/http/route';
import { apiModules as defaultApiModules } from '../../functions/src/modules/index';
import { scheduledJobs as defaultScheduledJobs } from '../../functions/src/schedules';
import type { ScheduledJob } from '../../functions/src/core/deps';
import { workflows as defaultWorkflows, type WorkflowDefinition } from '../../functions/src/workflows/index';
import { BucketEvents } from './constructs/bucket-events';
import { ContentAssets } from './constructs/content-assets';
import { ContentSchedules } from './constructs/content-schedules';
import { Database } from './constructs/database';
import { DatabaseMigrations } from './constructs/database-migrations';
import { DataStores } from './constructs/data-stores';
import { EmailSending } from './constructs/email-sending';
import { EventRules } from './constructs/event-rules';
import { ModuleApi } from './constructs/module-api';
import { Network } from './constructs/network';
import { ScheduledJobs } from './constructs/scheduled-jobs';
import { ServerFunction, type ServerFunctionDefaults } from './constructs/server-function';
import { SpaHosting } from './constructs/spa-hosting';
import { LeadsAiSecret } from './constructs/leads-ai-secret';
import { TelnyxSecret } from './constructs/telnyx-secret';
import { UserPools } from './constructs/user-pools';
import { Workflow } from './constructs/workflow';
import { grantAccess } from './grant-access';
import { accessFor, functionAccess, type FunctionAccessTable } from './function-access';
import { acknowledgeCdkProvidedFunctions } from './nag';
import { REPO_ROOT, type DeploySettings } from './settings';

export interface PivotalStackProps extends StackProps {
  settings: DeploySettings;
  /** What the product declares; tests pass their own. */
  app?: {
    apiModules?: readonly ApiModule[];
    scheduledJobs?: readonly Pick<ScheduledJob, 'name' | 'everySeconds' | 'loop'>[];
    workflows?: readonly WorkflowDefinition[];
    s3Notifications?: readonly S3Notification[];
    eventRules?: readonly EventRule[];
    /** What each function may reach beyond Postgres, by entry file. */
    access?: FunctionAccessTable;
  };
  /** The built SPA (default: dist/ at the repository root). */
  distDir?: string;
}

const pascal = (name: string) => name.replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase());

export class PivotalStack extends Stack {
  constructor(scope: Construct, id: string, props: PivotalStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const apiModules = props.app?.apiModules ?? defaultApiModules;
    const jobs = props.app?.scheduledJobs ?? defaultScheduledJobs;
    const workflowDefinitions = props.app?.workflows ?? defaultWorkflows;
    const notifications = props.app?.s3Notifications ?? defaultS3Notifications;
    const rules = props.app?.eventRules ?? defaultEventRules;
    const access = props.app?.access ?? functionAccess;

    const network = new Network(this, 'Network');
    const database = new Database(this, 'Database', { network });
    const stores = new DataStores(this, 'DataStores');
    // The content module's files. Browsers PUT uploads and GET previews with presigned URLs; the
    // origin is any CloudFront domain for the reason given at the data bucket's CORS rule below.
    const contentAssets = new ContentAssets(this, 'Content', { logsBucket: stores.logsBucket, allowedOrigins: ['https://*.cloudfront.net'] });
    const email = new EmailSending(this, 'Email', { ...(settings.emailDomain ? { domain: settings.emailDomain } : {}) });
    const telnyx = new TelnyxSecret(this, 'Telnyx');
    const leadsAi = new LeadsAiSecret(this, 'LeadsAi', { openaiModel: settings.openaiModel, enrichment: settings.leadsEnrichment });

    const lambdaSecurityGroup = new ec2.SecurityGroup(this, 'LambdaSecurityGroup', {
      vpc: network.vpc,
      description: 'Lambdas: out to RDS Proxy, AWS APIs and vendors',
      allowAllOutbound: true,
    });
    const databaseEnvironment = {
      DB_PROXY_ENDPOINT: database.proxy.endpoint,
      DB_PORT: String(database.port),
      DB_NAME: database.name,
      DB_USER: database.user,
    };
    const baseDefaults: ServerFunctionDefaults = {
      vpc: network.vpc,
      vpcSubnets: network.appSubnets,
      securityGroup: lambdaSecurityGroup,
      environment: { APP_VERSION: settings.appVersion, LOG_LEVEL: 'INFO', ...databaseEnvironment },
    };

    // The trigger reads only Postgres; it gets no pool ids (they would make a dependency cycle).
    const preToken = new ServerFunction(this, 'CognitoPreToken', {
      entry: 'functions/src/handlers/cognito-pre-token.ts',
      description: 'Cognito pre-token generation: roles and organisation into the tokens',
      defaults: baseDefaults,
      memorySize: 512,
      // Cognito gives a trigger 5 seconds; a cold start in the VPC plus one query fits.
      timeout: Duration.seconds(5),
    });
    database.grantConnect(preToken);

    const pools = new UserPools(this, 'UserPools', {
      preTokenGeneration: preToken,
      ...(settings.emailDomain && settings.cognitoEmailFromSes ? { email: { domain: settings.emailDomain, configurationSet: email.configurationSet } } : {}),
    });

    const defaults: ServerFunctionDefaults = {
      ...baseDefaults,
      environment: {
        ...baseDefaults.environment,
        TABLE_NAME: stores.table.tableName,
        BUCKET_NAME: stores.bucket.bucketName,
        AUTH_MODE: 'cognito',
        COGNITO_STAFF_POOL_ID: pools.staff.pool.userPoolId,
        COGNITO_STAFF_CLIENT_ID: pools.staff.client.userPoolClientId,
        COGNITO_PORTAL_POOL_ID: pools.portal.pool.userPoolId,
        COGNITO_PORTAL_CLIENT_ID: pools.portal.client.userPoolClientId,
        SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
        EMAIL_EVENT_BUS_ARN: email.eventBusArn,
        ...(email.fromAddress ? { SES_FROM_ADDRESS: email.fromAddress } : {}),
        SECURE_COOKIES: 'true',
      },
    };

    // Every server function reaches Postgres; the rest is granted per entry (see ./function-access)
    // once the workflows it may start exist.
    const built: { fn: ServerFunction; entry: string }[] = [];
    // API functions answer within API Gateway's 30 s; background work gets longer.
    const serverFunction = (scope: Construct, id: string, entry: string, description: string, timeout = Duration.seconds(29)): ServerFunction => {
      const fn = new ServerFunction(scope, id, { entry, description, defaults, timeout });
      database.grantConnect(fn);
      built.push({ fn, entry });
      return fn;
    };

    const workflows = workflowDefinitions.map(
      (workflow) =>
        new Workflow(this, `Workflow${pascal(workflow.name)}`, {
          workflow,
          // Functions find a state machine by this name (ListStateMachines), as they do locally.
          stateMachineName: workflow.name,
          createTaskFunction: (scope, taskName, task) =>
            serverFunction(scope, `Task${pascal(taskName)}`, task.entry, `${workflow.name}: ${taskName}`, Duration.minutes(5)),
        }),
    );

    const api = new ModuleApi(this, 'Api', {
      modules: apiModules,
      pools,
      createFunction: (scope, module) =>
        serverFunction(scope, `${pascal(module.name)}Function`, `functions/src/handlers/${module.name}.ts`, `API module ${module.name}`),
    });

    const jobsFunction = serverFunction(this, 'JobsFunction', 'functions/src/handlers/jobs.ts', 'Scheduled jobs', Duration.minutes(5));
    new ScheduledJobs(this, 'Schedules', {
      jobs,
      handler: jobsFunction,
      stateMachines: new Map(workflows.map((w, i) => [workflowDefinitions[i]!.name, w.stateMachine])),
    });

    // A scheduled social post's one-off schedule invokes this function, which publishes it to the
    // platform's API (the internet through the NAT gateway, like every function in the app subnets).
    const contentPublish = serverFunction(this, 'ContentPublishFunction', 'functions/src/handlers/content-publish.ts', 'Content: publish a scheduled social post', Duration.minutes(1));
    const contentSchedules = new ContentSchedules(this, 'ContentSchedules', { target: contentPublish });

    new BucketEvents(this, 'BucketEvents', {
      bucket: stores.bucket,
      notifications,
      createFunction: (scope, id, n) => serverFunction(scope, id, n.entry, `S3 ${n.prefix}${n.suffix ? `*${n.suffix}` : ''}`, Duration.minutes(1)),
    });

    new EventRules(this, 'EventRules', {
      rules,
      createFunction: (scope, id, rule) => serverFunction(scope, id, rule.entry, `EventBridge ${rule.name}`, Duration.minutes(1)),
    });

    for (const { fn, entry } of built) {
      grantAccess(fn, accessFor(access, entry), { stores, email, pools, workflows, telnyx, leadsAi, content: { assets: contentAssets, schedules: contentSchedules } });
    }

    const migrations = new DatabaseMigrations(this, 'Migrations', {
      defaults,
      database,
      staffPool: pools.staff,
      admin: { username: settings.adminUsername, email: settings.adminEmail },
      after: [pools],
    });

    const spa = new SpaHosting(this, 'Spa', {
      apiDomainName: api.domainName,
      logsBucket: stores.logsBucket,
      distDir: props.distDir ?? path.join(REPO_ROOT, 'dist'),
      // Cognito for sign-in; the data bucket for presigned uploads straight from the browser.
      // Telnyx's WebRTC signalling: the agent console's softphone logs in there.
      // The content bucket takes uploaded asset files and serves downloads and previews (read
      // through fetch into blob: URLs, so img-src stays the app's own).
      connectSources: [
        `https://cognito-idp.${this.region}.amazonaws.com`,
        `https://${stores.bucket.bucketRegionalDomainName}`,
        `https://${contentAssets.bucket.bucketRegionalDomainName}`,
        'wss://rtc.telnyx.com',
      ],
      // Call recordings play from presigned links to the data bucket.
      mediaSources: [`https://${stores.bucket.bucketRegionalDomainName}`],
      // /config.json: the SPA signs staff and clients in with these pools (SRP towards Cognito).
      runtimeConfig: {
        authMode: 'cognito',
        region: this.region,
        staffUserPoolId: pools.staff.pool.userPoolId,
        staffClientId: pools.staff.client.userPoolClientId,
        portalUserPoolId: pools.portal.pool.userPoolId,
        portalClientId: pools.portal.client.userPoolClientId,
      },
    });
    // Browsers upload imports straight to the bucket with presigned PUTs. The origin cannot be the
    // distribution's own domain: the distribution's CSP names the bucket (connect-src), so the
    // bucket naming the distribution would be a dependency cycle. CORS is not the access control
    // here: every object is private and each request needs a URL our API presigned.
    stores.bucket.addCorsRule({
      allowedOrigins: ['https://*.cloudfront.net'],
      allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET],
      allowedHeaders: ['*'],
      // Multipart uploads read each part's ETag to complete the upload.
      exposedHeaders: ['ETag'],
      maxAge: 3000,
    });

    new CfnOutput(this, 'AppUrl', { value: `https://${spa.distribution.distributionDomainName}`, description: 'The app, its API (/api/*), email tracking links (/t/*) and content tracking URLs (/r/*)' });
    new CfnOutput(this, 'ApiEndpoint', { value: api.httpApi.apiEndpoint });
    new CfnOutput(this, 'StaffUserPoolId', { value: pools.staff.pool.userPoolId });
    new CfnOutput(this, 'StaffClientId', { value: pools.staff.client.userPoolClientId });
    new CfnOutput(this, 'PortalUserPoolId', { value: pools.portal.pool.userPoolId });
    new CfnOutput(this, 'PortalClientId', { value: pools.portal.client.userPoolClientId });
    new CfnOutput(this, 'AdminTemporaryPasswordSecret', {
      value: migrations.adminPassword.secretName,
      description: `Temporary password of ${settings.adminUsername}: aws secretsmanager get-secret-value --secret-id <this> --query SecretString --output text`,
    });
    if (email.identity) {
      // Easy DKIM: three CNAME records to publish in the domain's DNS before SES sends from it.
      email.identity.dkimRecords.forEach((record, index) => {
        new CfnOutput(this, `DkimRecord${index + 1}`, { value: `${record.name} CNAME ${record.value}` });
      });
    }
    new CfnOutput(this, 'DataBucketName', { value: stores.bucket.bucketName });
    new CfnOutput(this, 'ContentBucketName', { value: contentAssets.bucket.bucketName, description: 'Content files: assets/<asset id>/<version id>/<file> and previews/' });
    new CfnOutput(this, 'ContentScheduleGroup', { value: contentSchedules.group.scheduleGroupName, description: 'EventBridge Scheduler group of scheduled social posts (one one-off schedule a post)' });
    new CfnOutput(this, 'TelnyxSecretName', {
      value: telnyx.secret.secretName,
      description: 'Telnyx keys: aws secretsmanager put-secret-value --secret-id <this> --secret-string \'{"apiKey":"…","publicKey":"…"}\'',
    });
    new CfnOutput(this, 'LeadsAiSecretName', {
      value: leadsAi.secret.secretName,
      description:
        'Lead QA vendor keys: aws secretsmanager put-secret-value --secret-id <this> --secret-string \'{"openaiApiKey":"…","assemblyaiApiKey":"…","assemblyaiWebhookSecret":"…"}\'',
    });
    new CfnOutput(this, 'DatabaseSecretArn', { value: database.cluster.secret!.secretArn });
    new CfnOutput(this, 'SpaDeployed', { value: String(spa.deployed) });

    acknowledgeCdkProvidedFunctions(this);
  }
}

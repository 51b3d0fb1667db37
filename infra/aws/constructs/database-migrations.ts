// Runs functions/src/handlers/migrate.ts on deploy through a CDK Trigger: after the database and
// the user pools exist, and again whenever the function's code (so its migrations) changes. A
// failed migration fails the deploy, which CloudFormation then rolls back.
//
// The first admin is created in the staff pool with a temporary password that Cognito makes them
// replace at first sign-in. That password is generated into Secrets Manager (the operator reads
// it from there once); this one function gets the secret's ARN and reads it at run time, so the
// password is never in the template, the cloud assembly or the function's configuration.
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as triggers from 'aws-cdk-lib/triggers';
import { Construct } from 'constructs';
import type { Database } from './database';
import { ServerFunction, type ServerFunctionDefaults } from './server-function';
import type { PoolWithClient } from './user-pools';

export interface DatabaseMigrationsProps {
  defaults: ServerFunctionDefaults;
  database: Database;
  staffPool: PoolWithClient;
  admin: { username: string; email: string };
  /** Constructs the migrations must wait for. */
  after: Construct[];
}

export class DatabaseMigrations extends Construct {
  readonly function: ServerFunction;
  readonly adminPassword: secretsmanager.Secret;
  readonly trigger: triggers.Trigger;

  constructor(scope: Construct, id: string, props: DatabaseMigrationsProps) {
    super(scope, id);
    this.adminPassword = new secretsmanager.Secret(this, 'AdminTemporaryPassword', {
      description: 'Temporary password of the first admin (Cognito asks for a new one at first sign-in)',
      generateSecretString: { passwordLength: 20, excludeCharacters: '"\'\\`$ ', requireEachIncludedType: true },
    });
    Validations.of(this.adminPassword).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'A one-time temporary password: Cognito forces its replacement at first sign-in and refuses it after 7 days, so rotating it would achieve nothing.',
    });

    this.function = new ServerFunction(this, 'Migrate', {
      entry: 'functions/src/handlers/migrate.ts',
      description: 'Applies the database migrations and the one-time bootstrap',
      defaults: props.defaults,
      timeout: Duration.minutes(10),
      environment: {
        ADMIN_USERNAME: props.admin.username,
        ADMIN_EMAIL: props.admin.email,
        ADMIN_PASSWORD_SECRET_ARN: this.adminPassword.secretArn,
      },
    });
    props.database.grantConnect(this.function);
    // Only the current value of this one secret (grantRead would add DescribeSecret, never called).
    this.function.addToRolePolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [this.adminPassword.secretArn] }));
    this.function.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser'], resources: [props.staffPool.pool.userPoolArn] }),
    );

    this.trigger = new triggers.Trigger(this, 'Run', {
      handler: this.function,
      executeAfter: [props.database, ...props.after],
      executeOnHandlerChange: true,
      invocationType: triggers.InvocationType.REQUEST_RESPONSE,
      timeout: Duration.minutes(10),
    });
  }
}

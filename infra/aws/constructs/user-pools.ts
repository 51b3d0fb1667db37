// The two Cognito user pools (see docs/decisions/0002-two-cognito-pools.md): staff, and the
// client portal. Each has one public app client (no secret: the SPA is a public client) allowing
// USER_PASSWORD_AUTH, SRP and refresh. The pre-token-generation trigger of both pools puts the
// user's roles (and a client user's organisation) from Postgres into the tokens.
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { PASSWORD_MIN_LENGTH } from '@shared/contracts/identity';

export interface UserPoolsProps {
  preTokenGeneration: lambda.IFunction;
  /** Send Cognito's own mail (temporary passwords, codes) through SES from this domain. */
  email?: { domain: string; configurationSet: ses.IConfigurationSet };
}

export interface PoolWithClient {
  pool: cognito.UserPool;
  client: cognito.UserPoolClient;
}

/**
 * The user-management calls of functions/src/adapters/cognito.ts: create (and look up an existing)
 * user, disable and sign out everywhere, re-enable.
 */
export const MANAGE_USERS_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:AdminEnableUser',
] as const;

export class UserPools extends Construct {
  readonly staff: PoolWithClient;
  readonly portal: PoolWithClient;

  /** Lets the grantee manage the users of both pools (staff users and client users). */
  grantManageUsers(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: [...MANAGE_USERS_ACTIONS], resources: [this.staff.pool.userPoolArn, this.portal.pool.userPoolArn] }),
    );
  }

  constructor(scope: Construct, id: string, props: UserPoolsProps) {
    super(scope, id);
    this.staff = this.createPool('Staff', props, {
      // Plus: threat protection (compromised credentials, risky sign-ins blocked) for the accounts
      // that can read every client's data.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      passwordHistorySize: 5,
    });
    this.portal = this.createPool('Portal', props, {
      // Essentials is the cheapest plan whose pre-token trigger can customise access tokens.
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
    });
    Validations.of(this.portal.pool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason: 'Client-portal users see only their own organisation’s orders and leads; the Plus plan’s threat protection is kept for the staff pool (see docs/decisions/0002-two-cognito-pools.md).',
    });
  }

  private createPool(
    name: 'Staff' | 'Portal',
    props: UserPoolsProps,
    plan: Pick<cognito.UserPoolProps, 'featurePlan' | 'standardThreatProtectionMode'> & { passwordHistorySize?: number },
  ): PoolWithClient {
    const pool = new cognito.UserPool(this, `${name}Pool`, {
      featurePlan: plan.featurePlan,
      ...(plan.standardThreatProtectionMode ? { standardThreatProtectionMode: plan.standardThreatProtectionMode } : {}),
      // Accounts are created by admins (and the first one by the deploy), never by sign-up.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        givenName: { required: false, mutable: true },
        familyName: { required: false, mutable: true },
      },
      // The product's policy (shared/contracts/identity.ts): length, not composition rules.
      passwordPolicy: {
        minLength: PASSWORD_MIN_LENGTH,
        requireLowercase: false,
        requireUppercase: false,
        requireDigits: false,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(7),
        ...(plan.passwordHistorySize ? { passwordHistorySize: plan.passwordHistorySize } : {}),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      ...(props.email
        ? {
            email: cognito.UserPoolEmail.withSES({
              fromEmail: `no-reply@${props.email.domain}`,
              fromName: 'Pivotal CRM',
              sesVerifiedDomain: props.email.domain,
              configurationSetName: props.email.configurationSet.configurationSetName,
              // The identity is created in the stack's own region (a token: the stack is environment-agnostic).
              sesRegion: Stack.of(this).region,
            }),
          }
        : {}),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    pool.addTrigger(cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, props.preTokenGeneration, cognito.LambdaVersion.V2_0);

    const client = pool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.days(14),
    });

    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG1',
      reason: `The product's password policy (NIST SP 800-63B): at least ${PASSWORD_MIN_LENGTH} characters and no composition rules, the same as the local issuer enforces.`,
    });
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'MFA is optional (TOTP) so that users enrol their authenticator at first sign-in; making it required is a setting change once every account has enrolled.',
    });
    return { pool, client };
  }
}

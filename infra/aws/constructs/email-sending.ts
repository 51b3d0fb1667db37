// SES: a configuration set (reputation metrics on, so bounce and complaint rates are visible
// before SES itself acts on them) publishing its sending events to the default EventBridge bus,
// where a rule hands them to the feedback Lambda; and, when the deploy names a domain, its email
// identity (Easy DKIM; the DNS records to publish are in the SES console and the stack's outputs).
// Sending domains and IP pools added in Settings → Email are created at run time by the email API
// (SES identities, and configuration sets named `pivotal-pool-<name>` with the same destination).
import { Arn, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct, type IConstruct } from 'constructs';
import { acknowledge } from '../nag';

/** The SES event types the feedback Lambda reads (bounces, complaints, deliveries and the rest). */
export const PUBLISHED_EMAIL_EVENTS = [
  ses.EmailSendingEvent.SEND,
  ses.EmailSendingEvent.REJECT,
  ses.EmailSendingEvent.BOUNCE,
  ses.EmailSendingEvent.COMPLAINT,
  ses.EmailSendingEvent.DELIVERY,
  ses.EmailSendingEvent.DELIVERY_DELAY,
];

/** Configuration sets the email API creates for dedicated IP pools. */
export const POOL_CONFIGURATION_SET_PREFIX = 'pivotal-pool-';

export class EmailSending extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly identity?: ses.EmailIdentity;
  readonly fromAddress?: string;
  readonly domain?: string;
  /** The account's default event bus, where SES publishes the configuration sets' events. */
  readonly eventBus: events.IEventBus;

  constructor(scope: Construct, id: string, props: { domain?: string }) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    this.eventBus = events.EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    this.configurationSet.addEventDestination('EventBridge', {
      destination: ses.EventDestination.eventBus(this.eventBus),
      events: PUBLISHED_EMAIL_EVENTS,
    });
    if (props.domain) {
      this.domain = props.domain;
      this.fromAddress = `no-reply@${props.domain}`;
      this.identity = new ses.EmailIdentity(this, 'Domain', {
        identity: ses.Identity.domain(props.domain),
        configurationSet: this.configurationSet,
      });
    }
  }

  private arn(resource: string, resourceName: string): string {
    return Arn.format({ service: 'ses', resource, resourceName }, Stack.of(this));
  }

  /**
   * ses:SendEmail from any identity (sending domains are added at run time, and SES refuses an
   * unverified one) through this stack's configuration set or a pool's.
   */
  grantSend(grantee: iam.IGrantable & IConstruct): void {
    const configurationSets = [this.arn('configuration-set', this.configurationSet.configurationSetName), this.arn('configuration-set', `${POOL_CONFIGURATION_SET_PREFIX}*`)];
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [this.arn('identity', '*'), ...configurationSets] }),
    );
    acknowledge(
      grantee,
      [
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*]',
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:configuration-set/${POOL_CONFIGURATION_SET_PREFIX}*]`,
      ],
      'Sending domains and IP pools are added in the app at run time: any identity (SES sends only from verified ones), and only this stack’s configuration set or the pools’ sets.',
    );
  }

  /**
   * What Settings → Email does in SES: create, read and delete domain identities (Easy DKIM, MAIL
   * FROM, default configuration set), and create pools' configuration sets (with the EventBridge
   * destination) and dedicated IP pools.
   */
  grantManageIdentities(grantee: iam.IGrantable & IConstruct): void {
    const identities = this.arn('identity', '*');
    const poolSets = this.arn('configuration-set', `${POOL_CONFIGURATION_SET_PREFIX}*`);
    const pools = this.arn('dedicated-ip-pool', '*');
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [
          'ses:CreateEmailIdentity',
          'ses:GetEmailIdentity',
          'ses:DeleteEmailIdentity',
          'ses:PutEmailIdentityMailFromAttributes',
          'ses:PutEmailIdentityConfigurationSetAttributes',
        ],
        resources: [identities],
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [
          'ses:CreateConfigurationSet',
          'ses:CreateConfigurationSetEventDestination',
          'ses:UpdateConfigurationSetEventDestination',
          'ses:PutConfigurationSetDeliveryOptions',
        ],
        resources: [poolSets],
      }),
    );
    // Creating an identity with a default configuration set is authorized on the set as well.
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['ses:CreateEmailIdentity', 'ses:PutEmailIdentityConfigurationSetAttributes'], resources: [this.arn('configuration-set', this.configurationSet.configurationSetName)] }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ses:CreateDedicatedIpPool'], resources: [pools] }));
    acknowledge(
      grantee,
      [
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*]',
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:configuration-set/${POOL_CONFIGURATION_SET_PREFIX}*]`,
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:dedicated-ip-pool/*]',
      ],
      'Admins add sending domains and IP pools in the app: their names are known only at run time. Pools’ configuration sets are limited to the pivotal-pool- prefix.',
    );
  }

  /** ses:GetEmailIdentity: the verification state the domains' refresh job reads. */
  grantReadIdentities(grantee: iam.IGrantable & IConstruct): void {
    grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ses:GetEmailIdentity'], resources: [this.arn('identity', '*')] }));
    acknowledge(
      grantee,
      ['AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*]'],
      'The refresh job reads the verification state of the sending domains admins add at run time; it changes nothing.',
    );
  }

  /** The default bus's ARN, for the configuration sets the email API creates. */
  get eventBusArn(): string {
    return this.eventBus.eventBusArn;
  }
}


// SES: a configuration set (reputation metrics on, so bounce and complaint rates are visible
// before SES itself acts on them) and, when the deploy names a domain, its email identity (Easy
// DKIM; the DNS records to publish are in the SES console and the stack's outputs).
import { Arn, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct, type IConstruct } from 'constructs';

export class EmailSending extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly identity?: ses.EmailIdentity;
  readonly fromAddress?: string;
  readonly domain?: string;

  constructor(scope: Construct, id: string, props: { domain?: string }) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
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

  /** ses:SendEmail through our configuration set, from our identity (any verified one when no domain was given). */
  grantSend(grantee: iam.IGrantable & IConstruct): void {
    const stack = Stack.of(this);
    const configurationSetArn = Arn.format({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }, stack);
    const identityArn = this.identity
      ? Arn.format({ service: 'ses', resource: 'identity', resourceName: this.identity.emailIdentityName }, stack)
      : Arn.format({ service: 'ses', resource: 'identity', resourceName: '*' }, stack);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [identityArn, configurationSetArn] }),
    );
    if (!this.identity) {
      Validations.of(grantee).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*]`,
        reason: 'No emailDomain was given at deploy time, so the sender identity is verified in SES by hand; sending stays bound to this stack’s configuration set.',
      });
    }
  }
}

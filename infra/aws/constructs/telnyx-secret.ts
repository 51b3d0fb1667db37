// The Telnyx keys (Call Control API key, webhook public key) as one Secrets Manager secret, never in
// the repository or in a function's configuration: the functions that call Telnyx get its ARN in
// TELNYX_SECRET_ARN and read it at cold start (functions/src/adapters/telnyx-secret.ts). It is
// created with empty values, which leave telephony off; an operator puts the keys in:
//   aws secretsmanager put-secret-value --secret-id <TelnyxSecretName> --secret-string '{"apiKey":"KEY…","publicKey":"…="}'
import { RemovalPolicy } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';

export class TelnyxSecret extends Construct {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: 'Telnyx API key and webhook public key: {"apiKey": "...", "publicKey": "..."} (telephony is off while they are empty)',
      // The keys are pasted in after deploy; the generated field only lets the secret exist without a value in the template.
      generateSecretString: { secretStringTemplate: JSON.stringify({ apiKey: '', publicKey: '' }), generateStringKey: 'unused' },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.secret,
      ['AwsSolutions-SMG4'],
      'A vendor’s keys: Telnyx issues and rotates them in its portal, then they are pasted here; Secrets Manager has no way to rotate them itself.',
    );
  }

  /** Read access and the ARN in TELNYX_SECRET_ARN. */
  grantRead(fn: lambda.Function): void {
    this.secret.grantRead(fn);
    fn.addEnvironment('TELNYX_SECRET_ARN', this.secret.secretArn);
  }
}

// The lead pipeline's vendor keys (OpenAI, AssemblyAI and the secret AssemblyAI's webhook sends
// back) as one Secrets Manager secret, never in the repository or in a function's configuration:
// the leads API and the pipeline's tasks get its ARN in LEADS_AI_SECRET_ARN and read it at cold
// start (functions/src/adapters/leads-ai-secret.ts), with the model and the enrichment switch as
// plain settings. It is created with empty values, which leave transcription off and scoring to the
// rule scorer; an operator puts the keys in:
//   aws secretsmanager put-secret-value --secret-id <LeadsAiSecretName> \
//     --secret-string '{"openaiApiKey":"sk-…","assemblyaiApiKey":"…","assemblyaiWebhookSecret":"…"}'
import { RemovalPolicy } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';

export interface LeadsAiSecretProps {
  /** OPENAI_MODEL of the functions that score. */
  openaiModel: string;
  /** LEADS_ENRICHMENT: the AI account enrichment step (off by default). */
  enrichment: boolean;
}

export class LeadsAiSecret extends Construct {
  readonly secret: secretsmanager.Secret;
  private readonly props: LeadsAiSecretProps;

  constructor(scope: Construct, id: string, props: LeadsAiSecretProps) {
    super(scope, id);
    this.props = props;
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description:
        'Lead QA vendor keys: {"openaiApiKey": "...", "assemblyaiApiKey": "...", "assemblyaiWebhookSecret": "..."} (no transcription and the rule scorer while they are empty)',
      // The keys are pasted in after deploy; the generated field only lets the secret exist without a value in the template.
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ openaiApiKey: '', assemblyaiApiKey: '', assemblyaiWebhookSecret: '' }),
        generateStringKey: 'unused',
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.secret,
      ['AwsSolutions-SMG4'],
      'Vendors’ keys: OpenAI and AssemblyAI issue and rotate them in their consoles, then they are pasted here; Secrets Manager has no way to rotate them itself.',
    );
  }

  /**
   * Read access, the ARN in LEADS_AI_SECRET_ARN and the model and enrichment settings. The vendors'
   * base URLs stay unset on AWS: the SDKs' defaults are the real services.
   */
  grantRead(fn: lambda.Function): void {
    this.secret.grantRead(fn);
    fn.addEnvironment('LEADS_AI_SECRET_ARN', this.secret.secretArn);
    fn.addEnvironment('OPENAI_MODEL', this.props.openaiModel);
    fn.addEnvironment('LEADS_ENRICHMENT', this.props.enrichment ? 'on' : 'off');
  }
}

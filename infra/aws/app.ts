// The CDK app: one environment-agnostic stack (no account or AZ lookups, so `npm run synth` works
// offline with no credentials), checked by cdk-nag's AwsSolutions pack through CDK's validation
// plugins. Any finding that is not fixed or acknowledged with a reason fails the synth.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PivotalStack } from './pivotal-stack';
import { readSettings } from './settings';

const app = new App();
new PivotalStack(app, 'PivotalCrm', {
  description: 'Pivotal CRM: B2B CRM for demand-generation teams',
  settings: readSettings(app.node),
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

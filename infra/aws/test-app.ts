// Builds the stack the way `npm run synth` does (cdk.json's feature flags, the AwsSolutions
// checks) but without bundling the Lambdas, so assertion tests stay fast.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PivotalStack, type PivotalStackProps } from './pivotal-stack';
import { readSettings, REPO_ROOT } from './settings';

const cdkJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };

export function testApp(context: Record<string, unknown> = {}): App {
  const app = new App({
    context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context },
    // The built-in CloudFormation schema check takes ~15 s to load; `npm run synth` keeps it.
    builtinCloudFormationValidation: false,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}

export function testStack(options: { context?: Record<string, unknown> } & Omit<PivotalStackProps, 'settings'> = {}) {
  const { context, ...props } = options;
  const app = testApp(context);
  const stack = new PivotalStack(app, 'PivotalTest', { settings: readSettings(app.node), ...props });
  return { app, stack };
}

// One EventBridge rule per entry of functions/src/events.ts's eventRules, on the default bus,
// matching the entry's source and detail types and invoking the entry's Lambda (SES sending
// events → the email feedback Lambda).
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { EventRule } from '../../../functions/src/events';

const pascal = (name: string) => name.replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase());

export class EventRules extends Construct {
  readonly rules = new Map<string, events.Rule>();

  constructor(scope: Construct, id: string, props: { rules: readonly EventRule[]; createFunction(scope: Construct, id: string, rule: EventRule): lambda.IFunction }) {
    super(scope, id);
    for (const rule of props.rules) {
      const fn = props.createFunction(this, `${pascal(rule.name)}Function`, rule);
      this.rules.set(
        rule.name,
        new events.Rule(this, `${pascal(rule.name)}Rule`, {
          description: `${rule.source} events → ${rule.entry}`,
          eventPattern: { source: [rule.source], ...(rule.detailTypes ? { detailType: rule.detailTypes } : {}) },
          // Failed deliveries are retried by EventBridge (up to 24 h); the handler is idempotent by event id.
          targets: [new targets.LambdaFunction(fn, { retryAttempts: 8 })],
        }),
      );
    }
  }
}

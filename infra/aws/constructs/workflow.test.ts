import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { reliabilityGaps, workflows, type WorkflowDefinition } from '../../../functions/src/workflows/index';
import { taskPlaceholders, Workflow } from './workflow';

const retry = [{ ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 3 }];
const toFailed = [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }];

// A tiny workflow: score each lead of a batch (inline Map), then report.
const scoring: WorkflowDefinition = {
  name: 'lead-scoring',
  tasks: {
    ScoreLead: { entry: 'functions/src/workflows/score-lead.ts' },
    Report: { entry: 'functions/src/workflows/report.ts' },
  },
  definition: {
    TimeoutSeconds: 3600,
    StartAt: 'ScoreAll',
    States: {
      ScoreAll: {
        Type: 'Map',
        ItemsPath: '$.leads',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'Score',
          States: {
            Score: { Type: 'Task', Resource: '${ScoreLead}', TimeoutSeconds: 60, Retry: retry, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Unscored' }], End: true },
            Unscored: { Type: 'Fail' },
          },
        },
        ResultPath: '$.scores',
        Next: 'Report',
      },
      Report: { Type: 'Task', Resource: '${Report}', TimeoutSeconds: 60, Retry: retry, Catch: toFailed, End: true },
      Failed: { Type: 'Fail' },
    },
  },
};

function build(workflow: WorkflowDefinition) {
  const stack = new Stack(new App(), 'WorkflowTest');
  const entries: string[] = [];
  const construct = new Workflow(stack, 'Scoring', {
    workflow,
    stateMachineName: workflow.name,
    // Inline functions stand in for the bundled ones: this test is about the wiring.
    createTaskFunction: (scope, name, task) => {
      entries.push(task.entry);
      return new lambda.Function(scope, `Task${name}`, {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline('exports.handler = async (e) => e;'),
      });
    },
  });
  return { stack, construct, entries, template: Template.fromStack(stack) };
}

describe('the Workflow construct', () => {
  it('finds Task placeholders at the top level and inside Map item processors', () => {
    expect([...taskPlaceholders(scoring.definition)].sort()).toEqual(['Report', 'ScoreLead']);
    expect(taskPlaceholders({ States: { A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke' } } }).size).toBe(0);
    expect(taskPlaceholders({ States: { A: { Type: 'Pass', Resource: '${NotATask}' } } }).size).toBe(0);
  });

  it('builds one Lambda per task from its entry and substitutes its ARN into the ASL', () => {
    const { template, entries } = build(scoring);
    expect(entries.sort()).toEqual(['functions/src/workflows/report.ts', 'functions/src/workflows/score-lead.ts']);
    const machines = template.findResources('AWS::StepFunctions::StateMachine');
    const [machine] = Object.values(machines) as { Properties: Record<string, unknown> }[];
    expect(machine!.Properties.StateMachineName).toBe('lead-scoring');
    expect(JSON.parse(machine!.Properties.DefinitionString as string)).toEqual(scoring.definition);
    const substitutions = machine!.Properties.DefinitionSubstitutions as Record<string, { 'Fn::GetAtt': [string, string] }>;
    expect(Object.keys(substitutions).sort()).toEqual(['Report', 'ScoreLead']);
    expect(substitutions.ScoreLead!['Fn::GetAtt'][0]).toMatch(/^ScoringTaskScoreLead/);
    expect(substitutions.Report!['Fn::GetAtt'][0]).toMatch(/^ScoringTaskReport/);
  });

  it('logs every state without execution data, traces, and may invoke exactly its tasks', () => {
    const { template } = build(scoring);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
      TracingConfiguration: { Enabled: true },
    });
    const policy = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policy).toContain('lambda:InvokeFunction');
    expect(policy).toContain('ScoringTaskScoreLead');
    expect(policy).toContain('ScoringTaskReport');
  });

  it('refuses a Task state whose placeholder no task declares', () => {
    const broken = { ...scoring, tasks: { Report: scoring.tasks.Report! } };
    expect(() => build(broken)).toThrow(/\$\{ScoreLead\} but its tasks do not declare them/);
  });

  it('refuses a declared task that no Task state uses', () => {
    const extra = { ...scoring, tasks: { ...scoring.tasks, Forgotten: { entry: 'functions/src/workflows/forgotten.ts' } } };
    expect(() => build(extra)).toThrow(/tasks Forgotten are declared but no Task state uses them/);
  });

  it('refuses a machine or a Task that could hang or end without marking its job', () => {
    const definition = structuredClone(scoring.definition) as { TimeoutSeconds?: number; States: Record<string, Record<string, unknown>> };
    delete definition.TimeoutSeconds;
    delete definition.States.Report!.TimeoutSeconds;
    definition.States.Report!.Retry = [{ ErrorEquals: ['States.TaskFailed'] }];
    const inner = (definition.States.ScoreAll!.ItemProcessor as { States: Record<string, Record<string, unknown>> }).States;
    delete inner.Score!.Catch;
    expect(() => build({ ...scoring, definition })).toThrow(
      'Workflow lead-scoring: the state machine has no TimeoutSeconds; ScoreAll/Score has no Catch; Report has no TimeoutSeconds; Report does not retry Lambda.TooManyRequestsException.',
    );
  });
});

describe("the project's workflows as synthesized", () => {
  it.each(workflows.map((w) => [w.name, w] as const))('%s: every Task has a timeout, retries Lambda throttling and catches; the machine has a timeout', (_name, workflow) => {
    const { template } = build(workflow);
    const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine')) as { Properties: { DefinitionString: string } }[];
    const synthesized = JSON.parse(machine!.Properties.DefinitionString) as Record<string, unknown>;
    expect(reliabilityGaps(synthesized)).toEqual([]);
  });
});

// Step Functions on the laptop: a small AWS JSON 1.0 endpoint (the protocol the SDK's SFNClient
// speaks) that runs the project's own ASL definitions with aws-local-stepfunctions. Task states
// whose Resource is a `${TaskName}` token run the task's Lambda handler in process.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkflowDefinition } from '../../../functions/src/workflows/index';

// aws-local-stepfunctions 3 uses Promise.withResolvers, which Node 20 lacks.
if (!('withResolvers' in Promise)) {
  Object.defineProperty(Promise, 'withResolvers', {
    value: function withResolvers<T>() {
      let resolve!: (value: T) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Execution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  startDate: Date;
  stopDate?: Date;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  abort: () => void;
}

export interface StepFunctionsEmulator {
  endpoint: string;
  arnOf(name: string): string;
  /** Resolves when every running execution has ended (tests, clean shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** The longest timer Node arms as asked (2^31 − 1 ms), in whole seconds. */
const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);
const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
const arnOf = (name: string) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;

class SfnError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

type TaskHandler = (input: Json) => Promise<Json>;

/** Walks an ASL definition and maps each Task state's name to its local handler. */
function collectTaskStates(definition: Record<string, unknown>, out: Record<string, string> = {}): Record<string, string> {
  const states = (definition.States ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === 'Task') {
      const resource = String(state.Resource ?? '');
      const params = (state.Parameters ?? {}) as Record<string, unknown>;
      const token = /^\$\{(\w+)\}$/.exec(resource) ?? /^\$\{(\w+)\}$/.exec(String(params.FunctionName ?? ''));
      if (token) out[name] = token[1]!;
    }
    const nested = (state.ItemProcessor ?? state.Iterator) as Record<string, unknown> | undefined;
    if (nested) collectTaskStates(nested, out);
    for (const branch of (state.Branches ?? []) as Record<string, unknown>[]) collectTaskStates(branch, out);
  }
  return out;
}

export async function startStepFunctions(options: {
  workflows: WorkflowDefinition[];
  repoRoot: string;
  /** Shrinks Retry intervals and Wait states so local runs don't sleep for real. */
  fastRetries?: boolean;
}): Promise<StepFunctionsEmulator> {
  const { StateMachine } = await import('aws-local-stepfunctions');
  const executions = new Map<string, Execution>();
  const running = new Set<Promise<unknown>>();
  const handlerCache = new Map<string, Promise<TaskHandler>>();

  const loadTask = (entry: string): Promise<TaskHandler> => {
    let loaded = handlerCache.get(entry);
    if (!loaded) {
      loaded = import(pathToFileURL(path.resolve(options.repoRoot, entry)).href).then((mod) => {
        const handler = mod.handler as ((input: unknown, context: unknown) => Promise<unknown>) | undefined;
        if (typeof handler !== 'function') throw new Error(`${entry} exports no handler`);
        return async (input: Json) => (await handler(input, { awsRequestId: randomUUID() })) as Json;
      });
      handlerCache.set(entry, loaded);
    }
    return loaded;
  };

  const byArn = new Map(options.workflows.map((w) => [arnOf(w.name), w]));

  function start(body: Record<string, unknown>) {
    const stateMachineArn = String(body.stateMachineArn ?? '');
    const workflow = byArn.get(stateMachineArn);
    if (!workflow) throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    const name = String(body.name ?? randomUUID());
    const executionArn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:${workflow.name}:${name}`;
    const existing = executions.get(executionArn);
    if (existing) {
      // Same name and input is idempotent, as on AWS; a different input is refused.
      if (existing.input === String(body.input ?? '{}')) return { executionArn, startDate: existing.startDate.getTime() / 1000 };
      throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const input = String(body.input ?? '{}');
    const taskStates = collectTaskStates(workflow.definition);
    const taskResourceLocalHandlers: Record<string, (input: Json) => Promise<Json>> = {};
    for (const [stateName, taskName] of Object.entries(taskStates)) {
      const task = workflow.tasks[taskName];
      if (!task) throw new SfnError('InvalidDefinition', `Task ${stateName} names unknown task ${taskName}`);
      taskResourceLocalHandlers[stateName] = async (stateInput) => (await loadTask(task.entry))(stateInput);
    }
    // The validator wants ARNs where the deployable definition has `${TaskName}` tokens; the local
    // handlers are bound by state name, so a placeholder ARN per token is enough.
    const runnable = JSON.parse(
      JSON.stringify(workflow.definition).replace(/"\$\{(\w+)\}"/g, `"arn:aws:lambda:${REGION}:${ACCOUNT}:function:$1"`),
    ) as Record<string, unknown>;
    // The runner arms a timer for the machine's timeout, and Node fires a timer longer than
    // 2^31 − 1 ms (24.8 days) at once: a month-long machine would time out as it starts.
    if (typeof runnable.TimeoutSeconds === 'number') runnable.TimeoutSeconds = Math.min(runnable.TimeoutSeconds, MAX_TIMER_SECONDS);
    const machine = new StateMachine(runnable as never, {
      validationOptions: { checkArn: false, checkPaths: true },
    });
    const retryIntervalOverrides: Record<string, number> = {};
    const waitTimeOverrides: Record<string, number> = {};
    if (options.fastRetries) {
      for (const stateName of Object.keys(taskStates)) retryIntervalOverrides[stateName] = 10;
    }
    const run = machine.run(JSON.parse(input) as Json as never, {
      overrides: { taskResourceLocalHandlers: taskResourceLocalHandlers as never, retryIntervalOverrides, waitTimeOverrides },
      noThrowOnAbort: true,
      context: { Execution: { Id: executionArn, Name: name, StartTime: new Date().toISOString() } } as never,
    });
    const execution: Execution = {
      executionArn,
      stateMachineArn,
      name,
      status: 'RUNNING',
      startDate: new Date(),
      input,
      abort: run.abort,
    };
    executions.set(executionArn, execution);
    const done = run.result
      .then((output) => {
        if (execution.status === 'RUNNING') {
          execution.status = output === null ? 'ABORTED' : 'SUCCEEDED';
          execution.output = JSON.stringify(output);
        }
      })
      .catch((error: Error & { cause?: { name?: string; message?: string } }) => {
        execution.status = 'FAILED';
        execution.error = error.cause?.name ?? error.name;
        execution.cause = error.cause?.message ?? error.message;
      })
      .finally(() => {
        execution.stopDate = new Date();
        running.delete(done);
      });
    running.add(done);
    return { executionArn, startDate: execution.startDate.getTime() / 1000 };
  }

  const describeExecution = (body: Record<string, unknown>) => {
    const e = executions.get(String(body.executionArn ?? ''));
    if (!e) throw new SfnError('ExecutionDoesNotExist', 'Execution Does Not Exist');
    return {
      executionArn: e.executionArn,
      stateMachineArn: e.stateMachineArn,
      name: e.name,
      status: e.status,
      startDate: e.startDate.getTime() / 1000,
      ...(e.stopDate ? { stopDate: e.stopDate.getTime() / 1000 } : {}),
      input: e.input,
      ...(e.output !== undefined ? { output: e.output } : {}),
      ...(e.error ? { error: e.error, cause: e.cause } : {}),
    };
  };

  const operations: Record<string, (body: Record<string, unknown>) => unknown> = {
    ListStateMachines: () => ({
      stateMachines: options.workflows.map((w) => ({
        stateMachineArn: arnOf(w.name),
        name: w.name,
        type: 'STANDARD',
        creationDate: 0,
      })),
    }),
    DescribeStateMachine: (body) => {
      const w = byArn.get(String(body.stateMachineArn ?? ''));
      if (!w) throw new SfnError('StateMachineDoesNotExist', 'State Machine Does Not Exist');
      return {
        stateMachineArn: arnOf(w.name),
        name: w.name,
        status: 'ACTIVE',
        definition: JSON.stringify(w.definition),
        roleArn: `arn:aws:iam::${ACCOUNT}:role/local`,
        type: 'STANDARD',
        creationDate: 0,
      };
    },
    StartExecution: start,
    DescribeExecution: describeExecution,
    StopExecution: (body) => {
      const e = executions.get(String(body.executionArn ?? ''));
      if (!e) throw new SfnError('ExecutionDoesNotExist', 'Execution Does Not Exist');
      if (e.status === 'RUNNING') {
        e.status = 'ABORTED';
        e.abort();
      }
      return { stopDate: Date.now() / 1000 };
    },
    ListExecutions: (body) => ({
      executions: [...executions.values()]
        .filter((e) => e.stateMachineArn === body.stateMachineArn && (!body.statusFilter || e.status === body.statusFilter))
        .map((e) => ({ executionArn: e.executionArn, stateMachineArn: e.stateMachineArn, name: e.name, status: e.status, startDate: e.startDate.getTime() / 1000 })),
    }),
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const op = operations[target.replace(/^AWSStepFunctions\./, '')];
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(payload));
      };
      if (!op) return send(400, { __type: 'UnknownOperationException', message: `Unsupported operation ${target}` });
      try {
        const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
        send(200, op(body));
      } catch (error) {
        if (error instanceof SfnError) return send(400, { __type: error.type, message: error.message });
        send(500, { __type: 'InternalServerError', message: 'Local Step Functions failed' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    arnOf,
    idle: async () => {
      while (running.size) await Promise.allSettled([...running]);
    },
    stop: async () => {
      for (const e of executions.values()) if (e.status === 'RUNNING') e.abort();
      await Promise.allSettled([...running]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// Test helpers for the local stack: a free loopback port, a JSON API caller with a bearer token,
// and the stack run as `npm start` runs it, in its own process, so a test can kill it with SIGKILL
// and start it again on the same DATA_DIR.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { REPO_ROOT } from './stack';

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/** Calls the JSON API at `baseUrl` with the token `token()` gives at each call. */
export function apiCaller(baseUrl: string, token: () => string) {
  async function request<T>(method: string, route: string, body?: unknown): Promise<ApiAnswer<T>> {
    const res = await fetch(`${baseUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${token()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
  /** The body of a 2xx answer; any other status throws with the answer in the message. */
  async function call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const answer = await request<T>(method, route, body);
    if (answer.status < 200 || answer.status > 299) throw new Error(`${method} ${route} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  return { request, call };
}

/** The local stack in a child process, as `npm start --no-build` runs it. */
export class StackProcess {
  private child: ChildProcess | undefined;
  token = '';
  readonly api: ReturnType<typeof apiCaller>;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.api = apiCaller(`http://127.0.0.1:${port}`, () => this.token);
  }

  url(route: string): string {
    return `http://127.0.0.1:${this.port}${route}`;
  }

  /** True while the process runs. */
  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the stack and resolves once it serves. */
  async start(): Promise<void> {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', '--no-build'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(this.port), LOG_LEVEL: 'SILENT', PASSWORD_HASH_COST: '4', NODE_ENV: 'production', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = proc;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      proc.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('is running')) resolve();
      });
      proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      proc.once('exit', (code) => reject(new Error(`the stack exited (${code}) before it served:\n${output}`)));
    });
    proc.once('exit', (code, signal) => {
      if (this.child === proc) process.stderr.write(`the stack exited by itself (${code ?? signal}):\n${output}\n`);
    });
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const proc = this.child;
    this.child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });
  }

  /** Signs the default admin in with `password`. */
  async signIn(password: string): Promise<void> {
    const res = await fetch(this.url('/api/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password }),
    });
    this.token = ((await res.json()) as { accessToken: string }).accessToken;
  }

  /** The default admin's first sign-in: the password it must choose before anything else. */
  async firstSignIn(newPassword: string): Promise<void> {
    await this.signIn('Admin123!');
    this.token = (await this.api.call<{ accessToken: string }>('POST', '/api/auth/password', { currentPassword: 'Admin123!', newPassword })).accessToken;
  }
}

// Starts a bench's stand-ins for remote services (DynamoDB, SES, Telnyx) in a child process, so
// their CPU is not counted as the measured code's: the script prints `SERVICES <json>` with
// their endpoints once they listen (announceServices), and stops when this process goes away or
// calls stop().
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export async function startChildServices<T>(script: string): Promise<T & { stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const found = await new Promise<T>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('SERVICES ')) resolve(JSON.parse(line.slice('SERVICES '.length)) as T);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  return { ...found, stop: () => child.kill('SIGTERM') };
}

/** In the child: prints the endpoints for the parent and stops the services when the parent goes away (or on SIGTERM). */
export function announceServices(endpoints: Record<string, string>, stops: Array<() => Promise<unknown>>): void {
  process.stdout.write(`SERVICES ${JSON.stringify(endpoints)}\n`);
  const stop = () => void Promise.all(stops.map((s) => s())).finally(() => process.exit(0));
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
}

// Starts a bench's stand-ins for remote services (DynamoDB, SES, Telnyx) in a child process, so
// their CPU is not counted as the measured code's: the script prints `SERVICES <json>` with
// their endpoints once they listen, and stops when this process goes away or calls stop().
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

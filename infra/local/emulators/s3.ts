// S3 on the laptop: s3rver on disk under DATA_DIR. Object-created events are handed to the
// caller, as an S3 event notification would be on AWS (the drop folder uses them).
import { createRequire } from 'node:module';
import type { S3Event } from 'aws-lambda';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- s3rver ships no types
const S3rver = require('s3rver') as any;

export interface S3Emulator {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startS3(options: {
  directory: string;
  buckets: string[];
  onObjectCreated?: (event: S3Event) => void;
}): Promise<S3Emulator> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: options.directory,
    silent: true,
    resetOnClose: false,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
  });
  const address: { address: string; port: number } = await server.run();
  if (options.onObjectCreated) server.on('event', options.onObjectCreated);
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: () => server.close(),
  };
}

// S3 on the laptop: s3rver on disk under DATA_DIR. Object-created events are handed to the
// caller, as an S3 event notification would be on AWS (the drop folder uses them).
import { createRequire } from 'node:module';
import type { S3Event } from 'aws-lambda';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- s3rver ships no types
const S3rver = require('s3rver') as any;

const BROWSER_UPLOAD_CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

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
    // The SPA uploads import files straight to the bucket with presigned URLs (another origin):
    // allow it, and let it read the ETag each part's PUT answers with.
    configureBuckets: options.buckets.map((name) => ({ name, configs: [BROWSER_UPLOAD_CORS] })),
  });
  const address: { address: string; port: number } = await server.run();
  if (options.onObjectCreated) server.on('event', options.onObjectCreated);
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: () => server.close(),
  };
}

// Which stack a browser test talks to. When the suite runs several files at once (E2E_WORKERS),
// each worker has its own stack (test/e2e/support/global-setup.ts), so two files running together
// never see each other's data.
import { inject } from 'vitest';

export interface E2eStack {
  baseUrl: string;
  mailViewerUrl: string;
  /** The SES endpoint the stack sends through; `GET <it>/store` lists every message sent. */
  sesEndpoint: string;
  adminUsername: string;
  adminPassword: string;
  /** The stack's Telnyx stand-in, controlled over HTTP (`POST <it>/__standin/outcomes`, `GET <it>/__standin/calls`). */
  telnyxStandinUrl: string;
  /** The AssemblyAI stand-in (`GET <it>/__standin/transcripts`, `POST <it>/__standin/faults`). */
  assemblyaiStandinUrl: string;
  /** The OpenAI stand-in's base URL (`GET <it>/__standin/requests`, `POST <it>/__standin/faults`). */
  openaiStandinUrl: string;
  /** The stack's fake client endpoint for lead delivery (`<it>/hooks/leads` to deliver to, `GET <it>/__client/received`, `POST <it>/__client/faults`). */
  fakeClientUrl: string;
  /** The social stand-in (LinkedIn, X, Facebook): `GET <it>/__standin/posts`, `POST <it>/__standin/tokens`, `POST <it>/__standin/faults`. */
  socialStandinUrl: string;
  /** The Resources Centre stand-in (`GET <it>/__standin/received`, `POST <it>/__standin/faults`, `POST <it>/__standin/send-reference`). */
  resourcesCentreStandinUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stacks: E2eStack[];
  }
}

/** This worker's stack (VITEST_POOL_ID runs from 1 to the number of workers). */
export function e2eStack(): E2eStack {
  const stacks = inject('stacks');
  const pool = Number(process.env.VITEST_POOL_ID ?? '1');
  return stacks[(Math.max(1, pool) - 1) % stacks.length]!;
}

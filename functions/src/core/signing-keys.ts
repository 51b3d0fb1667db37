// The shape of the local issuer's signing keys, so Deps can carry them without importing the
// identity module that makes them.
import type { importJWK } from 'jose';

export interface PublicJwk {
  [key: string]: string;
  kty: 'RSA';
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

export interface SigningKey {
  kid: string;
  privateKey: Awaited<ReturnType<typeof importJWK>>;
  publicJwk: PublicJwk;
}

export interface SigningKeys {
  /** The key new access tokens are signed with. */
  current(): Promise<SigningKey>;
  /** The public keys access tokens are verified with (`/.well-known/jwks.json`). */
  jwks(): Promise<{ keys: PublicJwk[] }>;
}


// Fixtures of the asset library's tests: the local stack's pieces (a fresh database, s3rver with
// the content bucket), the content API wired as the root wires it, users of a role with real
// tokens, and the browser's side of an upload (the PUT of the bytes to the presigned URL).
import type { UploadTicket } from '@shared/contracts/content';
import type { Role } from '@shared/roles';
import { createEmulatedStack, type EmulatedStack } from '../../../../test/support/emulated-stack';
import { makeUser } from '../../../../test/support/identity-fixtures';
import { invoke, type InvokeRequest, type InvokeResponse } from '../../../../test/support/invoke';
import { contentHooks } from '../../../composition';
import { organisations } from '../../../db/schema';
import { createHttpHandler, type HttpHandler } from '../../../http/create-http-handler';
import { issueAccessToken } from '../../identity';
import { createContentModule } from '../index';

export interface Problem {
  status: number;
  type?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface ContentTestContext extends EmulatedStack {
  contentApi: HttpHandler;
  api<T = unknown>(token: string, request: Omit<InvokeRequest, 'token'>): Promise<InvokeResponse<T & Problem>>;
}

export async function createContentTestContext(): Promise<ContentTestContext> {
  const ctx = await createEmulatedStack('content');
  const contentApi = createHttpHandler(createContentModule(contentHooks), { deps: async () => ctx.deps });
  return { ...ctx, contentApi, api: (token, request) => invoke(contentApi, { ...request, token }) };
}

export interface UserWithToken {
  id: string;
  token: string;
}

/** A staff user holding `roles`, with a real access token. */
export async function staffWithToken(t: EmulatedStack, roles: Role[]): Promise<UserWithToken> {
  const user = await makeUser(t.deps, { roles });
  const { accessToken } = await issueAccessToken(t.deps, { id: user.id, roles, orgId: null, tokenVersion: 0, sessionId: null });
  return { id: user.id, token: accessToken };
}

/** A client (portal) user of a new organisation, with a real access token. */
export async function clientWithToken(t: EmulatedStack): Promise<UserWithToken> {
  const [org] = await t.deps.db.insert(organisations).values({ name: `Client ${Math.random().toString(36).slice(2, 8)}` }).returning({ id: organisations.id });
  const user = await makeUser(t.deps, { roles: ['client_user'], orgId: org!.id });
  const { accessToken } = await issueAccessToken(t.deps, { id: user.id, roles: ['client_user'], orgId: org!.id, tokenVersion: 0, sessionId: null });
  return { id: user.id, token: accessToken };
}

/** What the browser does with an upload ticket: PUT the bytes with its headers. */
export async function putToTicket(ticket: UploadTicket, bytes: Uint8Array, headers: Record<string, string> = ticket.headers): Promise<number> {
  const res = await fetch(ticket.url, { method: 'PUT', headers, body: bytes });
  await res.arrayBuffer();
  return res.status;
}

// Lead delivery on the whole local stack: a webhook configured at the fake client's stable URL
// (on the app's own port), sealed with the stack's key, delivered by the delivery workflow on the
// local Step Functions, signed with the secret shown at creation, and the lead published.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryConfigWithSecret } from '@shared/contracts/lead-delivery';
import { leads, organisations } from '../../functions/src/db/schema';
import { issueAccessToken } from '../../functions/src/modules/identity';
import { makeUser } from '../../functions/test/support/identity-fixtures';
import type { ReceivedPost } from './emulators/fake-client-endpoint';
import { startLocalStack, type LocalStack } from './stack';

describe('lead delivery on the local stack', () => {
  let stack: LocalStack;
  let dataDir: string;
  let token: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-delivery-stack-'));
    stack = await startLocalStack({ port: 0, host: '127.0.0.1', dataDir, env: { LOG_LEVEL: 'SILENT' }, spa: 'none', ephemeral: true, fastRetries: true });
    const admin = await makeUser(stack.deps, { roles: ['admin'] });
    token = (await issueAccessToken(stack.deps, { id: admin.id, roles: ['admin'], orgId: null, tokenVersion: 0, sessionId: null })).accessToken;
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const api = async <T>(method: string, p: string, body?: unknown) => {
    const res = await fetch(`${stack.url}${p}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, json: (await res.json()) as T };
  };

  it('delivers an approved lead to the fake client, signed, and publishes it', async () => {
    expect(stack.config.DELIVERY_ALLOW_PRIVATE_TARGETS).toBe(true);
    const [org] = await stack.deps.db.insert(organisations).values({ name: 'Local Client' }).returning({ id: organisations.id });
    const made = await api<DeliveryConfigWithSecret>('POST', '/api/leads/delivery-configs', { clientOrgId: org!.id, name: 'Local hook', kind: 'webhook', url: stack.fakeClientHookUrl });
    expect(made.status).toBe(201);
    await fetch(`${stack.fakeClient.url}/__client/secret`, { method: 'POST', body: JSON.stringify({ secret: made.json.secret }) });
    const [lead] = await stack.deps.db
      .insert(leads)
      .values({ state: 'approved', source: 'manual', clientOrgId: org!.id, fields: { firstName: 'Grace', email: 'grace@example.com' } })
      .returning({ id: leads.id });
    expect((await api('POST', `/api/leads/${lead!.id}/deliver`)).status).toBe(202);
    await stack.stepFunctions.idle();

    const received = ((await (await fetch(`${stack.fakeClientHookUrl.replace('/hooks/leads', '')}/__client/received`)).json()) as { items: ReceivedPost[] }).items;
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ path: '/hooks/leads', signatureValid: true, status: 200, firstOfKey: true });
    expect(JSON.parse(received[0]!.body)).toMatchObject({ lead: { id: lead!.id, fields: { email: 'grace@example.com' } } });
    const [row] = await stack.deps.db.select({ state: leads.state }).from(leads).where(eq(leads.id, lead!.id));
    expect(row!.state).toBe('published');
  }, 120_000);
});

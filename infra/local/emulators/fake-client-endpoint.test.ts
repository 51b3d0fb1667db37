// The fake client endpoint as e2e tests drive it over HTTP: it records posts with their key and
// signature check, keeps the first of each key, injects the faults it is told (repeatably, from
// its seed) and forgets everything on reset.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeClientEndpoint, type FakeClientEndpoint, type ReceivedPost } from './fake-client-endpoint';

let client: FakeClientEndpoint;
beforeAll(async () => {
  client = await startFakeClientEndpoint();
});
afterAll(async () => client?.stop());
beforeEach(async () => {
  await fetch(`${client.url}/__client/reset`, { method: 'POST' });
});

const control = (path: string, body: unknown) => fetch(`${client.url}/__client/${path}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
const received = async () => ((await (await fetch(`${client.url}/__client/received`)).json()) as { items: ReceivedPost[] }).items;
const post = (key: string, body = '{"a":1}', headers: Record<string, string> = {}) =>
  fetch(client.hookUrl(), { method: 'POST', body, headers: { 'content-type': 'application/json', 'idempotency-key': key, ...headers } }).catch(() => null);

describe('the fake client endpoint', () => {
  it('answers 200 with a small JSON body, keeps the first of each key and marks repeats', async () => {
    const first = await post('k1');
    expect(first!.status).toBe(200);
    expect(await first!.json()).toEqual({ received: true, duplicate: false, id: 'k1' });
    expect(await (await post('k1'))!.json()).toMatchObject({ duplicate: true });
    expect((await received()).map((p) => [p.idempotencyKey, p.firstOfKey, p.status])).toEqual([
      ['k1', true, 200],
      ['k1', false, 200],
    ]);
  });

  it('checks signatures with the secret it is told: a good one passes, a wrong one is answered 401', async () => {
    const secret = 's'.repeat(64);
    await control('secret', { secret });
    const body = '{"lead":1}';
    const t = Math.floor(Date.now() / 1000);
    const good = `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
    expect((await post('k2', body, { 'x-pivotal-signature': good }))!.status).toBe(200);
    expect((await post('k3', body, { 'x-pivotal-signature': good.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }))!.status).toBe(401);
    expect((await post('k4', body))!.status).toBe(401);
    expect((await received()).map((p) => p.signatureValid)).toEqual([true, false, false]);
  });

  it('fails the share of posts it is told, with the statuses told, the same way for the same seed', async () => {
    const run = async () => {
      await control('reset', {});
      await control('faults', { errorRate: 0.5, statuses: [503, 429], seed: 7 });
      for (let i = 0; i < 40; i++) await post(`f${i}`);
      return (await received()).map((p) => p.status);
    };
    const statuses = await run();
    expect(new Set(statuses)).toEqual(new Set([200, 503, 429]));
    const failed = statuses.filter((s) => s !== 200).length;
    expect(failed).toBeGreaterThan(8);
    expect(failed).toBeLessThan(32);
    expect(await run()).toEqual(statuses);
  });

  it('drops the connection when told status 0, accepting nothing', async () => {
    await control('faults', { errorRate: 1, statuses: [0] });
    expect(await post('d1')).toBeNull();
    expect((await received()).map((p) => [p.status, p.firstOfKey])).toEqual([[0, false]]);
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContactConsentResponse } from '@shared/contracts/compliance';
import { queryRows } from '../../db/rows';
import { createHttpHandler, type HttpHandler } from '../../http/create-http-handler';
import { invoke } from '../../../test/support/invoke';
import { createIdentityTestContext, makeUser, signedInUser, signIn } from '../../../test/support/identity-fixtures';
import { recordOptOut } from './consent';
import { insertContacts } from './fixtures';
import { complianceModule } from './routes';
import { fileContext } from '../../../test/support/file-context';
import { callbacksFor } from '../../../test/support/record-reach';

let api: HttpHandler;
let agent: string;
let agentId: string;
let analyst: string;

const t = fileContext(createIdentityTestContext);
beforeAll(async () => {
  api = createHttpHandler(complianceModule, { deps: async () => t.deps });
  const a = await makeUser(t.deps, { roles: ['agent'] });
  agentId = a.id;
  agent = (await signIn(t.identity, a.username, a.password)).accessToken;
  analyst = (await signedInUser(t, { roles: ['quality_analyst'] })).accessToken;
});

/** Contacts the agent has a callback on: consent is recorded on the phone, within the agent's reach. */
async function onAgentsCalls(seeds: Parameters<typeof insertContacts>[1]): Promise<string[]> {
  const ids = await insertContacts(t.deps.db, seeds);
  await callbacksFor(t.deps.db, agentId, ids);
  return ids;
}

/** The messages of an error and its causes (the driver's error is the query error's cause). */
const messages = (error: unknown): string => {
  const out: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) out.push(String(e.message));
  return out.join(' | ');
};

const path = (contactId: string) => `/api/contacts/${contactId}/consent`;
const record = (contactId: string, body: unknown, token = agent) => invoke<ContactConsentResponse>(api, { method: 'POST', path: path(contactId), token, body });
const read = (contactId: string, query: Record<string, string> = {}, token = analyst) =>
  invoke<ContactConsentResponse>(api, { method: 'GET', path: path(contactId), token, query });

describe('consent per contact and channel', () => {
  it('starts unknown on both channels with no history', async () => {
    const [id] = await onAgentsCalls([{ email: 'fresh@consent.com' }]);
    const res = await read(id!);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({
      contactId: id,
      current: {
        email: { channel: 'email', status: 'unknown', source: null, evidence: null, recordedAt: null, recordedBy: null, recordedByName: null },
        phone: { channel: 'phone', status: 'unknown', source: null, evidence: null, recordedAt: null, recordedBy: null, recordedByName: null },
      },
      history: [],
      nextCursor: null,
    });
  });

  it('keeps every change in the history and the latest as the current state', async () => {
    const [id] = await onAgentsCalls([{ email: 'changes@consent.com' }]);
    const optIn = await record(id!, { channel: 'email', status: 'opted_in', source: 'webinar form', evidence: 'https://forms.example.com/s/123', recordedAt: '2026-03-01T10:00:00Z' });
    expect(optIn.status, optIn.text).toBe(201);
    expect(optIn.json.current.email).toMatchObject({ status: 'opted_in', source: 'webinar form', recordedBy: agentId, recordedAt: '2026-03-01T10:00:00.000Z' });

    await record(id!, { channel: 'email', status: 'opted_out', source: 'reply to campaign', evidence: 'Please stop emailing me', recordedAt: '2026-04-01T09:00:00+02:00' });
    await record(id!, { channel: 'phone', status: 'opted_in', source: 'call', evidence: 'Recording 55' });
    // Entered late, but given before the opt-out: it joins the history without overriding it.
    await record(id!, { channel: 'email', status: 'opted_in', source: 'old paper form', recordedAt: '2026-02-01T00:00:00Z' });

    const res = await read(id!);
    expect(res.json.current.email).toMatchObject({ status: 'opted_out', source: 'reply to campaign', recordedAt: '2026-04-01T07:00:00.000Z' });
    expect(res.json.current.phone).toMatchObject({ status: 'opted_in', source: 'call', evidence: 'Recording 55' });
    expect(res.json.history.map((h) => `${h.channel}:${h.status}:${h.source}`)).toEqual([
      'email:opted_in:old paper form',
      'phone:opted_in:call',
      'email:opted_out:reply to campaign',
      'email:opted_in:webinar form',
    ]);
    expect(res.json.history[0]).toMatchObject({ recordedBy: agentId, recordedByName: expect.stringContaining('Test') });

    const page = await read(id!, { limit: '3' });
    expect(page.json.history).toHaveLength(3);
    const rest = await read(id!, { limit: '3', cursor: page.json.nextCursor! });
    expect(rest.json.history.map((h) => h.source)).toEqual(['webinar form']);
    expect(rest.json.nextCursor).toBeNull();
  });

  it('lets a later opt-out take effect over a consent dated ahead of the clock', async () => {
    const [id] = await onAgentsCalls([{ email: 'fast-clock@consent.com' }]);
    const ahead = new Date(Date.now() + 4 * 60_000).toISOString();
    const optIn = await record(id!, { channel: 'email', status: 'opted_in', source: 'kiosk with a fast clock', recordedAt: ahead });
    expect(optIn.status, optIn.text).toBe(201);
    // Recorded as it arrived, not in the future.
    expect(Date.parse(optIn.json.current.email.recordedAt!)).toBeLessThanOrEqual(Date.now());

    const optOut = await record(id!, { channel: 'email', status: 'opted_out', source: 'unsubscribe link' });
    expect(optOut.status, optOut.text).toBe(201);
    expect(optOut.json.current.email).toMatchObject({ status: 'opted_out', source: 'unsubscribe link' });
  });

  it('does not let a state stored with a future time block a later opt-out', async () => {
    const [id] = await onAgentsCalls([{ email: 'stored-ahead@consent.com' }]);
    await record(id!, { channel: 'phone', status: 'opted_in', source: 'call' });
    // A state written before times were capped: recorded an hour ahead of its arrival.
    await t.deps.db.execute(sql`update contact_consent set recorded_at = now() + interval '1 hour' where contact_id = ${id}`);
    const optOut = await record(id!, { channel: 'phone', status: 'opted_out', source: 'asked not to be called' });
    expect(optOut.json.current.phone).toMatchObject({ status: 'opted_out', source: 'asked not to be called' });
  });

  it('keeps the history append-only in the database itself', async () => {
    const [id] = await onAgentsCalls([{ email: 'locked@consent.com' }]);
    await record(id!, { channel: 'phone', status: 'opted_out', source: 'call' });
    for (const statement of [
      sql`update contact_consent_history set status = 'opted_in' where contact_id = ${id}`,
      sql`delete from contact_consent_history where contact_id = ${id}`,
    ]) {
      const error = await t.deps.db.execute(statement).then(() => null, (e: unknown) => e);
      expect(messages(error)).toMatch(/append-only/);
    }
    // Erasing the person takes their consent records with them.
    await t.deps.db.execute(sql`delete from contacts where id = ${id}`);
    const left = await queryRows(t.deps.db, sql`select id from contact_consent_history where contact_id = ${id}`);
    expect(left).toEqual([]);
  });

  it('answers 404 for a missing or deleted contact and writes nothing', async () => {
    const [deleted] = await onAgentsCalls([{ email: 'deleted@consent.com', deleted: true }]);
    for (const id of [deleted!, '0190c6c4-7b1e-7000-8000-00000000abcd']) {
      expect((await read(id)).status).toBe(404);
      expect((await record(id, { channel: 'email', status: 'opted_out', source: 'x' })).status).toBe(404);
    }
    const rows = await queryRows(t.deps.db, sql`select id from contact_consent_history where contact_id = ${deleted}`);
    expect(rows).toEqual([]);
  });

  it.each([
    [{ channel: 'sms', status: 'opted_in', source: 'x' }, 'body.channel'],
    [{ channel: 'email', status: 'yes', source: 'x' }, 'body.status'],
    [{ channel: 'email', status: 'opted_in' }, 'body.source'],
    [{ channel: 'email', status: 'opted_in', source: 'x', recordedAt: 'yesterday' }, 'body.recordedAt'],
    [{ channel: 'email', status: 'opted_in', source: 'x', recordedAt: '2999-01-01T00:00:00Z' }, 'body.recordedAt'],
    [{ channel: 'email', status: 'opted_in', source: 'x', recordedBy: '0190c6c4-7b1e-7000-8000-00000000abcd' }, 'body'],
  ])('refuses %j naming %s', async (body, field) => {
    const [id] = await onAgentsCalls([{ fullName: `Bad Input ${JSON.stringify(body)}` }]);
    const res = await record(id!, body);
    expect(res.status).toBe(400);
    expect((res.json as unknown as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toContain(field);
  });

  it('lets staff read and admins, campaign managers and agents write', async () => {
    const [id] = await onAgentsCalls([{ email: 'roles@consent.com' }]);
    expect((await record(id!, { channel: 'email', status: 'opted_in', source: 'x' }, analyst)).status).toBe(403);
    const { accessToken: token } = await signedInUser(t, { roles: ['content_creator'] });
    expect((await read(id!, {}, token)).status).toBe(200);
    const client = await makeUser(t.deps, { roles: ['client_user'] });
    expect((await read(id!, {}, (await signIn(t.identity, client.username, client.password)).accessToken)).status).toBe(403);
  });

  it('answers an agent 404 for a contact outside their reach, reading or writing, exactly like a missing one', async () => {
    const [foreign] = await insertContacts(t.deps.db, [{ email: 'foreign@consent.com' }]);
    const missing = '0190c6c4-7b1e-7000-8000-00000000abce';
    const asAgent = (id: string) => read(id, {}, agent);
    const [foreignRead, missingRead] = [await asAgent(foreign!), await asAgent(missing)];
    expect(foreignRead.status).toBe(404);
    expect(foreignRead.json).toMatchObject({ ...missingRead.json, instance: expect.any(String), requestId: expect.any(String) });
    expect((await record(foreign!, { channel: 'phone', status: 'opted_out', source: 'call' })).status).toBe(404);
    expect(await queryRows(t.deps.db, sql`select id from contact_consent_history where contact_id = ${foreign}`)).toEqual([]);
    // A campaign manager and a content creator keep the whole workspace.
    expect((await read(foreign!)).status).toBe(200);
    expect((await read(foreign!, {}, (await signedInUser(t, { roles: ['content_creator'] })).accessToken)).status).toBe(200);
  });

  it('records a person’s own opt-out without a user, and answers false for a contact that is gone', async () => {
    const [id, gone] = await onAgentsCalls([{ email: 'own@consent.com' }, { email: 'gone@consent.com', deleted: true }]);
    const at = new Date();
    expect(await recordOptOut(t.deps.db, { contactId: id!, channel: 'email', source: 'email-unsubscribe', evidence: 'One-click unsubscribe', at })).toBe(true);
    expect((await read(id!)).json.current.email).toMatchObject({ status: 'opted_out', source: 'email-unsubscribe', evidence: 'One-click unsubscribe', recordedBy: null });
    expect(await recordOptOut(t.deps.db, { contactId: gone!, channel: 'email', source: 'email-unsubscribe', evidence: null, at })).toBe(false);
  });
});

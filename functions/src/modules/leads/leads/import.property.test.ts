// A lead import never fails on what it is given: random and mangled CSVs (quotes, delimiters, BOMs,
// line endings, control characters, ragged rows, known and unknown emails) are answered with a
// result or a 4xx naming the file, and every created lead is one of a row's known contacts, once.
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LeadImportResult } from '@shared/contracts/leads';
import { fileContext } from '../../../../test/support/file-context';
import { leads } from '../../../db/schema';
import { callCampaignFixture, contactFixture, createLeadsTestContext, userWithToken } from './test-fixtures';

const t = fileContext(createLeadsTestContext);

describe('the lead import, on any input', () => {
  it('answers a result or a 400 for random and mangled files, and makes leads only for known contacts, once each', async () => {
    const analyst = await userWithToken(t, ['quality_analyst']);
    const known = [await contactFixture(t), await contactFixture(t), await contactFixture(t)];
    const cell = fc.oneof(
      fc.constantFrom(...known.map((k) => k.email), ...known.map((k) => ` ${k.email.toUpperCase()} `), 'ghost@nowhere.example', 'not-an-email', ''),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('"', '""', '"a,b"', '\r', '\n', '\r\n', ',', ';', '\t', '\ufeff', '\u0001', '=cmd()', '__proto__'),
    );
    const file = fc.record({
      header: fc.constantFrom('Email,Budget', 'email;budget', 'E-mail', 'Name,Budget', '', '"Email","Note"', '\ufeffEmail,Budget,Extra'),
      rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 4 }), { maxLength: 8 }),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
    });
    await fc.assert(
      fc.asyncProperty(file, async ({ header, rows, eol }) => {
        // A minute apart: each run is its own import as far as the per-minute limit goes.
        t.clock.advance(61_000);
        const campaign = await callCampaignFixture(t);
        const csv = [header, ...rows.map((r) => r.join(','))].join(eol);
        const res = await t.api<LeadImportResult & { errors?: { field: string }[] }>(analyst.token, {
          method: 'POST',
          path: '/api/leads/import',
          body: { campaignId: campaign.campaignId, campaignKind: 'call', csv },
        });
        expect([200, 400], res.text).toContain(res.status);
        const made = await t.deps.db.select({ contactId: leads.contactId }).from(leads).where(eq(leads.campaignId, campaign.campaignId));
        if (res.status === 400) {
          expect(res.json.errors?.[0]?.field).toMatch(/^body\.csv/);
          expect(made).toEqual([]);
          return;
        }
        expect(made).toHaveLength(res.json.created);
        const ids = made.map((m) => m.contactId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(known.map((k) => k.contactId)).toContain(id);
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});

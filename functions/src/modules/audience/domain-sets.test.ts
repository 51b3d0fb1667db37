import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DomainSetReport, SegmentPreview, StaticList } from '@shared/contracts/audience';
import { normalizeDomain } from '@shared/normalize';
import { queryRows } from '../../db/rows';
import { companyNameKey, trigramSimilarity } from './company-name';
import { parseDomainSet } from './domain-set-parse';
import { createDomainSet } from './domain-sets';
import { createAudienceTestContext } from './test-fixtures';
import { fileContext } from '../../../test/support/file-context';

const ids: Record<string, string> = {};

const ACCOUNTS: Array<[string, string | null]> = [
  ['Acme Corporation', 'acme.com'],
  ['Acme Widgets', 'acmewidgets.com'],
  ['Globex, LLC', 'globex.io'],
  ['Globe Explorers', 'globe-explorers.com'],
  ['Initech GmbH', 'initech.de'],
  ['Initial Technologies', 'initial-tech.com'],
  ['Umbrella Ltd', 'umbrella.co.uk'],
  ['Bücher GmbH', normalizeDomain('bücher.de')],
  ['Ejemplo, S.A.', 'ejemplo.es'],
  ['Soylent Inc.', null],
  ['Cyberdyne Systems Corp', null],
  ['Wayne Enterprises Inc', 'wayne-enterprises.com'],
  ['Aperture Science, Inc.', 'aperture.com'],
  ['Vandelay Industries', 'vandelay.com'],
  ['Stark Industries', 'stark.com'],
  ['Hooli', 'hooli.xyz'],
];

/** Pasted lines and the account each should end up matched to (null: none; 'invalid' / 'duplicate': reported). */
const FIXTURE: Array<[string, string | null | 'invalid' | 'duplicate']> = [
  ['https://www.acme.com/about-us?utm=x', 'Acme Corporation'],
  ['sales@globex.io', 'Globex, LLC'],
  ['emea.initech.de', 'Initech GmbH'],
  ['WWW.UMBRELLA.CO.UK', 'Umbrella Ltd'],
  ['bücher.de', 'Bücher GmbH'],
  ['http://xn--bcher-kva.de/', 'duplicate'],
  ['shop.acmewidgets.com:8080/cart', 'Acme Widgets'],
  ['Ejemplo S.A.', 'Ejemplo, S.A.'],
  ['SOYLENT', 'Soylent Inc.'],
  ['Cyberdyne Systems Corporation', 'Cyberdyne Systems Corp'],
  ['The Wayne Enterprises', 'Wayne Enterprises Inc'],
  ['Aperture Science', 'Aperture Science, Inc.'],
  ['Vandelay Industries LLC', 'Vandelay Industries'],
  ['Stark Industires', 'Stark Industries'],
  ['Hooli Inc', 'Hooli'],
  ['Initech', 'Initech GmbH'],
  ['Globex Corp.', 'Globex, LLC'],
  ['unknown-startup.io', null],
  ['Nonexistent Holdings Ltd', null],
  ['Quantum Quokka Labs', null],
  ['jane@gmail.com', 'invalid'],
  ['192.168.0.1', 'invalid'],
  ['acme.com', 'duplicate'],
  ['Acme Corp', 'Acme Corporation'],
];

const t = fileContext(createAudienceTestContext);
beforeAll(async () => {
  for (const [name, domain] of ACCOUNTS) {
    const [row] = await queryRows<{ id: string }>(t.deps.db, sql`insert into accounts (name, domain) values (${name}, ${domain}) returning id`);
    ids[name] = row!.id;
  }
  // Contacts: 3 at Acme, 2 at Globex, 1 at Hooli, 1 deleted at Acme, 1 with no account.
  await t.deps.db.execute(sql`
    insert into contacts (account_id, full_name, email, deleted_at) values
      (${ids['Acme Corporation']}::uuid, 'A One', 'a1@acme.com', null), (${ids['Acme Corporation']}::uuid, 'A Two', 'a2@acme.com', null),
      (${ids['Acme Corporation']}::uuid, 'A Three', 'a3@acme.com', null), (${ids['Acme Corporation']}::uuid, 'A Gone', 'a4@acme.com', now()),
      (${ids['Globex, LLC']}::uuid, 'G One', 'g1@globex.io', null), (${ids['Globex, LLC']}::uuid, 'G Two', 'g2@globex.io', null),
      (${ids['Hooli']}::uuid, 'H One', 'h1@hooli.xyz', null), (null, 'Loner', 'loner@nowhere.example', null)`);
});

describe('company name keys', () => {
  it('drop case, accents, punctuation, "the" and legal forms', () => {
    expect(companyNameKey('ACME, Inc.')).toBe('acme');
    expect(companyNameKey('Ejemplo, S.A.')).toBe('ejemplo');
    expect(companyNameKey('Müller & Söhne GmbH & Co. KG')).toBe('muller and sohne');
    expect(companyNameKey('The Wayne Enterprises Inc')).toBe('wayne enterprises');
    expect(companyNameKey('Acme Holdings Ltd')).toBe('acme');
    expect(companyNameKey('Inc.')).toBe('inc');
    expect(companyNameKey('  ')).toBeNull();
  });

  it('measure similarity the way pg_trgm does', async () => {
    expect(trigramSimilarity('word', 'two words')).toBeCloseTo(4 / 11, 5);
    expect(trigramSimilarity('', 'x')).toBe(0);
    const pairs = [
      ['stark industires', 'stark industries'],
      ['acme', 'acme corporation'],
      ['globex', 'globe explorers'],
      ['initech', 'initial technologies'],
    ];
    for (const [a, b] of pairs) {
      const [row] = await queryRows<{ s: number }>(t.deps.db, sql`select similarity(${a}, ${b}) as s`);
      expect(trigramSimilarity(a!, b!), `${a} ~ ${b}`).toBeCloseTo(Number(row!.s), 5);
    }
  });
});

describe('reading pasted text', () => {
  it('reads a CSV by its domain column, falling back to the company column', () => {
    const parsed = parseDomainSet('Company,Website,Owner\n"Acme, Inc.",https://acme.com,Jo\nGlobex,,Al\n,,\n');
    expect(parsed.entries.map((e) => [e.lineNo, e.kind, e.domain ?? e.nameKey])).toEqual([
      [2, 'domain', 'acme.com'],
      [3, 'name', 'globex'],
    ]);
  });

  it('reports unreadable lines and repeats with their line numbers', () => {
    const parsed = parseDomainSet('acme.com\n\n!!!\nACME.COM\nfoo@yahoo.com\n');
    expect(parsed.invalid.map((i) => i.lineNo)).toEqual([3, 5]);
    expect(parsed.duplicates).toEqual([{ lineNo: 4, raw: 'ACME.COM', sameAs: 1 }]);
  });
});

describe('matching a messy domain set', () => {
  for (const mode of ['auto', 'js'] as const) {
    it(`reaches precision and recall of at least 0.9 (${mode === 'auto' ? 'pg_trgm' : 'without pg_trgm'})`, async () => {
      const report = await createDomainSet(t.deps, {
        request: { name: `Targets ${mode}`, text: FIXTURE.map(([raw]) => raw).join('\n') },
        userId: null,
        trigram: mode,
      });
      const accountNameById = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
      let truePositives = 0;
      let falsePositives = 0;
      let expectedMatches = 0;
      for (const [index, [raw, expected]] of FIXTURE.entries()) {
        const lineNo = index + 1;
        if (expected === 'invalid') {
          expect(report.invalid.map((i) => i.lineNo), raw).toContain(lineNo);
          continue;
        }
        if (expected === 'duplicate') {
          expect(report.duplicates.map((d) => d.lineNo), raw).toContain(lineNo);
          continue;
        }
        if (expected) expectedMatches++;
        const entry = [...report.matched, ...report.unmatched].find((e) => e.lineNo === lineNo);
        expect(entry, raw).toBeDefined();
        const got = entry!.accountId ? accountNameById.get(entry!.accountId) : null;
        if (got && got === expected) truePositives++;
        else if (got) falsePositives++;
      }
      const precision = truePositives / (truePositives + falsePositives);
      const recall = truePositives / expectedMatches;
      console.info(`domain-set matching (${mode}): precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${truePositives}/${expectedMatches})`);
      expect(precision).toBeGreaterThanOrEqual(0.9);
      expect(recall).toBeGreaterThanOrEqual(0.9);

      // How each was matched, and the contacts the matched accounts hold (live ones only).
      const byRaw = new Map([...report.matched, ...report.unmatched].map((e) => [e.raw, e]));
      expect(byRaw.get('https://www.acme.com/about-us?utm=x')).toMatchObject({ matchMethod: 'domain_exact', confidence: 1, reviewStatus: 'confirmed' });
      expect(byRaw.get('emea.initech.de')).toMatchObject({ matchMethod: 'domain_parent', reviewStatus: 'suggested' });
      expect(byRaw.get('SOYLENT')).toMatchObject({ matchMethod: 'name_exact' });
      expect(report.contactCount).toBe(6);
      expect(report.set).toMatchObject({ entryCount: FIXTURE.length - 4, matchedCount: report.matched.length });
    });
  }
});

describe('domain sets through the API', () => {
  it('creates, reviews, feeds a segment, becomes a list and creates accounts for unmatched domains', async () => {
    const created = await t.call<DomainSetReport>('POST', '/api/domain-sets', {
      body: { name: 'ABM tier 1', text: 'domain\nacme.com\nglobex.io\nhooli.xyz\nbrand-new.io\nnewco.de\n' },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.matched).toHaveLength(3);
    expect(created.json.unmatched.map((e) => e.domain)).toEqual(['brand-new.io', 'newco.de']);
    expect(created.json.contactCount).toBe(6);
    const setId = created.json.set.id;

    // Rejecting Hooli takes its contact out everywhere.
    const hooli = created.json.matched.find((e) => e.domain === 'hooli.xyz')!;
    const reviewed = await t.call<DomainSetReport>('POST', `/api/domain-sets/${setId}/review`, { body: { decisions: [{ entryId: hooli.id, status: 'rejected' }] } });
    expect(reviewed.status, reviewed.text).toBe(200);
    expect(reviewed.json.contactCount).toBe(5);
    const unmatchedEntry = reviewed.json.unmatched.find((e) => e.domain === 'brand-new.io')!;
    expect((await t.call('POST', `/api/domain-sets/${setId}/review`, { body: { decisions: [{ entryId: unmatchedEntry.id, status: 'confirmed' }] } })).status).toBe(422);

    const segment = await t.call<SegmentPreview>('POST', '/api/segments/preview', { body: { filter: { type: 'and', conditions: [{ field: 'accountInDomainSet', op: 'eq', value: setId }] } } });
    expect(segment.json.count).toBe(5);
    const outside = await t.call<SegmentPreview>('POST', '/api/segments/preview', { body: { filter: { type: 'and', conditions: [{ field: 'accountInDomainSet', op: 'neq', value: setId }] } } });
    expect(outside.json.count).toBe(2);

    const list = await t.call<StaticList>('POST', `/api/domain-sets/${setId}/list`, { body: { name: 'ABM tier 1 contacts' } });
    expect(list.status, list.text).toBe(201);
    expect(list.json).toMatchObject({ origin: 'domain_set', originId: setId, memberCount: 5 });

    const made = await t.call<{ created: number; matched: number }>('POST', `/api/domain-sets/${setId}/accounts`);
    expect(made.status, made.text).toBe(200);
    // hooli.xyz (rejected) already has an account: only the two new domains are created.
    expect(made.json).toEqual({ created: 2, matched: 2 });
    const after = await t.call<DomainSetReport>('GET', `/api/domain-sets/${setId}`);
    expect(after.json.unmatched.map((e) => e.domain)).toEqual(['hooli.xyz']);
    const newAccounts = await queryRows<{ name: string; source: string }>(t.deps.db, sql`select name, source from accounts where domain in ('brand-new.io', 'newco.de') order by name`);
    expect(newAccounts).toEqual([
      { name: 'brand-new.io', source: 'domain_set' },
      { name: 'newco.de', source: 'domain_set' },
    ]);
    expect((await t.call('POST', `/api/domain-sets/${setId}/accounts`)).json).toEqual({ created: 0, matched: 0 });

    expect((await t.call('DELETE', `/api/domain-sets/${setId}`)).status).toBe(204);
    expect((await t.call<SegmentPreview>('POST', '/api/segments/preview', { body: { filter: { type: 'and', conditions: [{ field: 'accountInDomainSet', op: 'eq', value: setId }] } } })).json.count).toBe(0);
    expect((await t.call('GET', `/api/domain-sets/${setId}`)).status).toBe(404);
  });

  it('refuses text with nothing usable, and callers without the right role', async () => {
    const empty = await t.call<{ errors: Array<{ field: string }> }>('POST', '/api/domain-sets', { body: { name: 'Empty', text: '!!!\n\n' } });
    expect(empty.status).toBe(400);
    expect(empty.json.errors[0]!.field).toBe('body.text');
    expect((await t.call('POST', '/api/domain-sets', { as: 'quality_analyst', body: { name: 'QA', text: 'acme.com' } })).status).toBe(403);
    expect((await t.call('GET', '/api/domain-sets', { as: 'agent' })).status).toBe(403);
    expect((await t.call('GET', '/api/domain-sets', { as: 'quality_analyst' })).status).toBe(200);
  });
});

import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { autoMap, normalizeHeader, suggestTarget } from './auto-map';
import { detectDelimiter } from './detect-delimiter';
import { detectEncoding } from './detect-encoding';
import { customFieldName, TEMPLATE_HEADERS } from './mapping-target';
import { neutralizeFormula, restoreFormula } from './neutralize-formula';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('encoding detection', () => {
  it('reads byte-order marks', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({ encoding: 'utf-8', bomBytes: 3 });
    expect(detectEncoding(bytes(0xff, 0xfe, 0x41, 0))).toEqual({ encoding: 'utf-16le', bomBytes: 2 });
    expect(detectEncoding(bytes(0xfe, 0xff, 0, 0x41))).toEqual({ encoding: 'utf-16be', bomBytes: 2 });
  });
  it('tells UTF-8 from Windows-1252 without a BOM', () => {
    expect(detectEncoding(utf8('Name\nZoë'))).toEqual({ encoding: 'utf-8', bomBytes: 0 });
    expect(detectEncoding(bytes(0x5a, 0x6f, 0xeb, 0x0a))).toEqual({ encoding: 'windows-1252', bomBytes: 0 });
  });
  it('does not mistake a multibyte character cut by the end of the sample for Windows-1252', () => {
    const text = utf8('Name\nZoë');
    expect(detectEncoding(text.subarray(0, text.length - 1), true)).toEqual({ encoding: 'utf-8', bomBytes: 0 });
  });
  it('refuses UTF-32 and binary data', () => {
    expect(detectEncoding(bytes(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0))).toMatchObject({ refused: true, reason: expect.stringMatching(/UTF-32/) });
    expect(detectEncoding(bytes(0x50, 0x4b, 0x03, 0x04, 0, 0))).toMatchObject({ refused: true });
  });
  it('never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), (b, truncated) => void detectEncoding(b, truncated)));
  });
});

describe('delimiter detection', () => {
  it.each([',', ';', '\t', '|'] as const)('finds %j', (d) => {
    const text = [['Name', 'Email', 'Company, Inc.'], ['Ann', 'ann@x.io', 'A; B | C']].map((r) => stringify([r], { delimiter: d })).join('');
    expect(detectDelimiter(text).delimiter).toBe(d);
  });
  it('ignores delimiters inside quotes', () => {
    expect(detectDelimiter('a;b\n"x,y,z";w\n"1,2";3\n').delimiter).toBe(';');
  });
});

describe('header auto-mapping', () => {
  it('maps every exact template header with full confidence, whatever the case, spacing or punctuation', () => {
    const mangled = TEMPLATE_HEADERS.map((h, i) => (i % 2 ? h.toUpperCase() : ` ${h.replace(/ /g, '_')} `));
    const result = autoMap(mangled);
    expect(result.every((c) => c.method === 'exact' && c.confidence === 1)).toBe(true);
    expect(new Set(result.map((c) => c.target)).size).toBe(46);
  });
  it('maps synonyms with a confidence', () => {
    expect(suggestTarget('E-mail Address')).toEqual({ target: 'contact.email', confidence: 0.9, method: 'synonym' });
    expect(suggestTarget('Company Website')).toMatchObject({ target: 'account.website', method: 'synonym' });
    expect(suggestTarget('Phone Number')).toMatchObject({ target: 'contact.directPhone', method: 'synonym' });
    expect(suggestTarget('Zip')).toMatchObject({ target: 'contact.postalCode', method: 'synonym' });
    expect(suggestTarget('Name')).toMatchObject({ target: 'contact.fullName', confidence: 0.7 });
  });
  it('maps near misses fuzzily, with less confidence', () => {
    const typo = suggestTarget('Emal Address');
    expect(typo).toMatchObject({ target: 'contact.email', method: 'fuzzy' });
    expect(typo!.confidence).toBeLessThan(0.9);
    expect(suggestTarget('Favourite colour')).toBeNull();
  });
  it('gives each field to one column only, and keeps the rest as custom fields', () => {
    const result = autoMap(['Work Email', 'Email', 'Lead Score', 'lead score', '']);
    expect(result.map((c) => c.target)).toEqual(['contact.custom.work_email', 'contact.email', 'contact.custom.lead_score', 'contact.custom.lead_score_2', null]);
  });
  it("maps a HubSpot contacts export's headers, leaving only what the template has no field for", () => {
    const hubspot = ['First Name', 'Last Name', 'Email Address', 'Phone Number', 'Mobile Phone Number', 'Job Title', 'Company Name', 'Company Domain Name',
      'Website URL', 'Industry', 'Annual Revenue', 'Number of Employees', 'Street Address', 'City', 'State/Region', 'Postal Code', 'Country/Region', 'Lead Status'];
    const result = autoMap(hubspot);
    expect(Object.fromEntries(result.map((c) => [c.header, c.target]))).toEqual({
      'First Name': 'contact.firstName',
      'Last Name': 'contact.lastName',
      'Email Address': 'contact.email',
      'Phone Number': 'contact.directPhone',
      'Mobile Phone Number': 'contact.mobilePhone',
      'Job Title': 'contact.jobTitle',
      'Company Name': 'account.name',
      'Company Domain Name': 'account.domain',
      'Website URL': 'account.website',
      Industry: 'account.industry',
      'Annual Revenue': 'account.annualRevenue',
      'Number of Employees': 'account.employeeCount',
      'Street Address': 'account.street',
      City: 'contact.city',
      'State/Region': 'contact.state',
      'Postal Code': 'contact.postalCode',
      'Country/Region': 'contact.country',
      'Lead Status': 'contact.custom.lead_status',
    });
    expect(result.filter((c) => c.method !== 'custom').every((c) => c.confidence >= 0.9)).toBe(true);
  });
  it("maps a Salesforce export's headers", () => {
    const salesforce = ['First Name', 'Last Name', 'Title', 'Email', 'Phone', 'Mobile', 'Account Name', 'Website', 'Employees', 'Lead Source',
      'Mailing City', 'Mailing State/Province', 'Mailing Zip/Postal Code', 'Mailing Country', 'Billing Country'];
    expect(autoMap(salesforce).map((c) => c.target)).toEqual([
      'contact.firstName', 'contact.lastName', 'contact.jobTitle', 'contact.email', 'contact.directPhone', 'contact.mobilePhone', 'account.name', 'account.website',
      'account.employeeCount', 'contact.source', 'contact.city', 'contact.state', 'contact.postalCode', 'contact.country', 'account.country',
    ]);
  });
  it.each([
    ['German', ['Vorname', 'Nachname', 'E-Mail-Adresse', 'Telefonnummer', 'Handy', 'Berufsbezeichnung', 'Firma', 'Webseite', 'Branche', 'Mitarbeiterzahl', 'Umsatz', 'Straße', 'Stadt', 'Bundesland', 'PLZ', 'Land']],
    ['French', ['Prénom', 'Nom de famille', 'Adresse e-mail', 'Téléphone', 'Téléphone portable', 'Intitulé du poste', 'Entreprise', 'Site web', 'Secteur', "Nombre d'employés", "Chiffre d'affaires", 'Rue', 'Ville', 'Région', 'Code postal', 'Pays']],
    ['Spanish', ['Nombre', 'Apellidos', 'Correo electrónico', 'Teléfono', 'Móvil', 'Cargo', 'Empresa', 'Sitio web', 'Industria', 'Número de empleados', 'Facturación', 'Dirección', 'Ciudad', 'Provincia', 'Código postal', 'País']],
    ['Italian', ['Nome', 'Cognome', 'Indirizzo email', 'Telefono', 'Cellulare', 'Qualifica', 'Azienda', 'Sito web', 'Settore', 'Numero di dipendenti', 'Fatturato', 'Indirizzo', 'Città', 'Regione', 'CAP', 'Paese']],
    ['Dutch', ['Voornaam', 'Achternaam', 'E-mailadres', 'Telefoonnummer', 'Mobiel', 'Functietitel', 'Bedrijfsnaam', 'Website', 'Sector', 'Aantal medewerkers', 'Omzet', 'Straat', 'Plaats', 'Provincie', 'Postcode', 'Land']],
    ['Portuguese', ['Primeiro nome', 'Sobrenome', 'Endereço de e-mail', 'Telefone', 'Celular', 'Título do cargo', 'Nome da empresa', 'Site', 'Setor', 'Número de funcionários', 'Receita', 'Endereço', 'Cidade', 'Estado', 'CEP', 'País']],
  ])('maps the template headers in %s with a confidence', (_language, headers) => {
    const result = autoMap(headers);
    expect(result.map((c) => c.target)).toEqual([
      'contact.firstName', 'contact.lastName', 'contact.email', 'contact.directPhone', 'contact.mobilePhone', 'contact.jobTitle', 'account.name', 'account.website',
      'account.industry', 'account.employeeCount', 'account.annualRevenue', 'account.street', 'contact.city', 'contact.state', 'contact.postalCode', 'contact.country',
    ]);
    for (const c of result) expect(c.confidence).toBeGreaterThanOrEqual(0.7);
  });
  it('names custom fields the way the API accepts', () => {
    expect(customFieldName('Lead Score (2024)')).toBe('lead_score_2024');
    expect(customFieldName('2024 budget')).toBe('f_2024_budget');
    expect(customFieldName('—')).toBeNull();
    expect(normalizeHeader('Sub-Industry')).toBe('subindustry');
  });
});

describe('formula neutralization', () => {
  it('prefixes cells a spreadsheet would evaluate', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\0x']) expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    expect(neutralizeFormula('plain')).toBe('plain');
  });
  it('survives a CSV round trip with no cell left starting like a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 10 }), (rows) => {
        const safe = rows.map((r) => r.map(neutralizeFormula));
        const back = parse(stringify(safe), { relax_column_count: true }) as string[][];
        expect(back).toEqual(safe);
        for (const cell of back.flat()) expect(/^[=+\-@\t\r\0]/.test(cell)).toBe(false);
      }),
    );
  });
  // The one value that cannot come back is text that itself starts like a neutralized cell ("'+1"):
  // it reads as our own escape, which is the rule.
  it('is undone exactly on import: every value comes back, apostrophes of its own included', () => {
    const ownEscape = /^'[=+\-@\t\r\0]/;
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom("'", "''+1", "'90s", '=SUM(A1)', '+44 20 7946 0958')).filter((v) => !ownEscape.test(v)), (value) => {
        expect(restoreFormula(neutralizeFormula(value))).toBe(value);
      }),
      { numRuns: 2000 },
    );
    expect(restoreFormula("'+44 20 7946 0958")).toBe('+44 20 7946 0958');
    expect(restoreFormula("'90s")).toBe("'90s");
  });
});

// Template CSVs for the import benchmark, generated from a fixed seed: realistic people at a pool
// of companies, ~2% rows repeating an earlier email (in other case), ~0.5% invalid emails (row
// errors), ~1% unreadable phones (warnings), a few rows with no identity at all. Streamed to disk.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Faker, en } from '@faker-js/faker';
import { TEMPLATE_HEADERS } from '../../shared/csv/mapping-target';
import { mulberry32 } from '../../shared/seeded-random';

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export interface GeneratedFile {
  rows: number;
  duplicates: number;
  invalid: number;
}

export async function generateTemplateCsv(file: string, rows: number, seed = 42): Promise<GeneratedFile> {
  const faker = new Faker({ locale: [en], seed });
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const firstNames = Array.from({ length: 800 }, () => faker.person.firstName());
  const lastNames = Array.from({ length: 1500 }, () => faker.person.lastName());
  const titles = Array.from({ length: 300 }, () => faker.person.jobTitle());
  const cities = Array.from({ length: 400 }, () => faker.location.city());
  const industries = ['Software', 'Manufacturing', 'Healthcare', 'Financial Services', 'Retail', 'Logistics', 'Education', 'Media'];
  const companyCount = Math.max(100, Math.round(rows / 10));
  const companies = Array.from({ length: companyCount }, (_, i) => {
    const name = `${faker.company.name()} ${i}`;
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
    return { name, domain: `${slug}.${pick(['com', 'io', 'co.uk', 'de', 'net'])}`, industry: pick(industries), employees: Math.floor(rand() * 20000) + 1, city: pick(cities) };
  });
  const seniorities = ['C-Level', 'VP', 'Director', 'Manager', 'Senior', 'Entry'];
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(TEMPLATE_HEADERS.map(quote).join(',') + '\r\n');
  const emails: string[] = [];
  let duplicates = 0;
  let invalid = 0;
  let batch = '';
  for (let n = 0; n < rows; n++) {
    const company = pick(companies);
    const first = pick(firstNames);
    const last = pick(lastNames);
    let email = `${first}.${last}.${n}@${company.domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, '');
    const roll = rand();
    if (roll < 0.02 && emails.length) {
      email = pick(emails).toUpperCase();
      duplicates++;
    } else if (roll < 0.025) {
      email = `${first} at ${company.domain}`;
      invalid++;
    } else if (emails.length < 50_000) emails.push(email);
    const phone = roll > 0.99 ? 'call me' : `+1 ${200 + Math.floor(rand() * 700)} 555 ${String(Math.floor(rand() * 10000)).padStart(4, '0')}`;
    const row: Record<string, string> = {
      'Research Date': `2024-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      'Full Name': `${first} ${last}`,
      'First Name': first,
      'Last Name': last,
      'Job Title': pick(titles),
      Seniority: pick(seniorities),
      Email: email,
      'Email Confidence': String(Math.floor(rand() * 101)),
      'Email Status': pick(['valid', 'catch-all', 'unknown']),
      'Direct Phone': phone,
      'Contact City': company.city,
      'Contact Country': pick(['United States', 'US', 'USA']),
      'Months in Current Role': String(Math.floor(rand() * 120)),
      'Company Name': company.name,
      'Company Domain': company.domain,
      Website: `https://www.${company.domain}/`,
      Industry: company.industry,
      'Employee Count': String(company.employees),
      'Company City': company.city,
      'Company Country': 'US',
      Technologies: 'Salesforce;HubSpot',
    };
    batch += TEMPLATE_HEADERS.map((h) => quote(row[h] ?? '')).join(',') + '\r\n';
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  out.end();
  await once(out, 'finish');
  return { rows, duplicates, invalid };
}

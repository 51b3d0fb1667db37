import { describe, expect, it } from 'vitest';
import { applyProfileToHeaders, checkMapping, initialMapping, isMappingValid, matchTone, targetGroups, targetLabel, targetOptions, unmappedCount } from './mapping-state';
import { formatBytes, formatDuration, jobDuration } from './format';
import { refuseFile } from './upload-file';

const headers = ['Full Name', 'E-mail Address', 'Employer'];

describe('the mapping screen rules', () => {
  it('shows a column bound for a new custom field in amber, like a weak guess, never green', () => {
    expect(matchTone('custom', 0)).toBe('warning');
    expect(matchTone('fuzzy', 0.7)).toBe('warning');
    expect(matchTone('synonym', 0.9)).toBe('success');
    expect(matchTone('ignored', 0)).toBe('neutral');
    expect(unmappedCount(['contact.email', 'contact.custom.lead_status', null])).toBe(1);
  });

  it('offers every field in the searchable picker, ignoring first and the custom field last', () => {
    const options = targetOptions('Lead Status', null, '__ignore');
    expect(options[0]).toEqual({ value: '__ignore', label: 'Ignore this column' });
    expect(options).toContainEqual({ value: 'account.name', label: 'Company Name' });
    expect(options.at(-1)).toEqual({ value: 'contact.custom.lead_status', label: 'Custom field: lead_status' });
    expect(new Set(options.map((o) => o.label)).size).toBe(options.length);
    // A target the list does not hold (a profile's custom field) is still offered, so it shows.
    expect(targetOptions('Score', 'account.custom.tier', '__ignore').at(-1)).toEqual({ value: 'account.custom.tier', label: 'Custom field: tier' });
  });

  it('starts from the analysis’ suggestions', () => {
    const analysis = { columns: headers.map((header, column) => ({ column, header, target: column === 2 ? null : `contact.${column ? 'email' : 'fullName'}`, confidence: 1, method: 'exact' as const, samples: [] })) };
    expect(initialMapping(analysis)).toEqual(['contact.fullName', 'contact.email', null]);
  });

  it('applies a profile by header, ignoring case, spaces and punctuation, and ignores headers it does not name', () => {
    const profile = { mapping: [{ header: 'email address', target: 'contact.email' }, { header: 'EMPLOYER', target: 'account.name' }] };
    expect(applyProfileToHeaders(profile, headers)).toEqual([null, 'contact.email', 'account.name']);
  });

  it('refuses a field mapped from two columns, naming the first column', () => {
    const problems = checkMapping(['contact.fullName', 'contact.email', 'contact.email'], headers);
    expect(problems.columns.get(2)).toBe('Email is already mapped from “E-mail Address”');
    expect(problems.columns.has(1)).toBe(false);
    expect(isMappingValid(problems)).toBe(false);
  });

  it('needs an email or a name column', () => {
    expect(checkMapping([null, null, 'account.name'], headers).general).toMatch(/Email or to a name/);
    expect(checkMapping([null, null, 'contact.lastName'], headers).general).toBeNull();
    expect(isMappingValid(checkMapping(['contact.fullName', 'contact.email', 'account.name'], headers))).toBe(true);
  });

  it('labels targets with their template header or custom field name', () => {
    expect(targetLabel('account.name')).toBe('Company Name');
    expect(targetLabel('contact.custom.lead_score')).toBe('Custom field: lead_score');
    expect(targetLabel(null)).toBe('Ignore this column');
    expect(targetGroups('Lead Score (2024)').at(-1)).toEqual({ label: 'Custom', targets: ['contact.custom.lead_score_2024'] });
    expect(targetGroups('!!!').map((g) => g.label)).toEqual(['Contact', 'Company']);
  });
});

describe('the figures on the imports screens', () => {
  it('reads sizes and durations', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
    expect(formatBytes(null)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
    expect(jobDuration({ startedAt: null, finishedAt: null })).toBe('—');
    expect(jobDuration({ startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:12Z' })).toBe('12 s');
  });

  it('refuses a file before sending it when it is not a CSV, empty or too large', () => {
    expect(refuseFile({ name: 'leads.csv', size: 10 })).toBeNull();
    expect(refuseFile({ name: 'leads.xlsx', size: 10 })).toMatch(/not a CSV file/);
    expect(refuseFile({ name: 'leads.csv', size: 0 })).toMatch(/the file is empty/);
    expect(refuseFile({ name: 'leads.csv', size: 2 * 1024 ** 3 })).toMatch(/limited to 1 GB/);
  });
});

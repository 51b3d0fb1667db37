// The two scorers give one shape (leadScoreSchema): the rule scorer decides from the data we hold
// and names the field; the AI scorer's answer is checked against the transcript, its quotes
// snapped to the utterance they come from, unfound quotes dropped and their factor made unclear.
import { describe, expect, it } from 'vitest';
import { LEAD_FACTORS, accountCriteriaSchema, leadScoreSchema, type FactorScore, type LeadScore, type Utterance } from '@shared/contracts/leads';
import { VendorError } from '../../../adapters/vendor-error';
import { checkAccount, rangeBounds } from './account-check';
import { checkAiAnswer, findUtterance } from './ai-scorer';
import type { LeadFacts } from './lead-facts';
import { ruleScore } from './rule-scorer';

const transcript: Utterance[] = [
  { speaker: 'agent', startMs: 200, endMs: 4100, text: "Hi, this is Sam from Pivotal. I'm calling about our new guide to cloud cost control." },
  { speaker: 'prospect', startMs: 4500, endMs: 9800, text: "Yes, we're interested. Our AWS bill doubled, so please send me the guide." },
  { speaker: 'agent', startMs: 10_100, endMs: 12_000, text: 'Can I confirm your email is the one on your company profile?' },
  { speaker: 'prospect', startMs: 12_400, endMs: 14_900, text: "Yes, that's correct, that's my work email." },
  { speaker: 'prospect', startMs: 15_200, endMs: 18_000, text: 'Yes, you can contact me by email. I agree to that.' },
];

function facts(overrides: Partial<LeadFacts> = {}): LeadFacts {
  return {
    leadId: '0190e2a4-0000-7000-8000-000000000001',
    source: 'call',
    campaignKind: 'call',
    fields: { firstName: 'Camille', lastName: 'Martin', email: 'camille@acme.example', phone: '+14155550123', company: 'Acme', country: 'US' },
    answers: { interest: 'yes', team_size: 40 },
    contact: { email: 'camille@acme.example', emailStatus: 'valid', emailConfidence: 92, directPhone: '+14155550123', mobilePhone: null, country: 'US', firstName: 'Camille', lastName: 'Martin', jobTitle: 'CTO' },
    consent: { email: 'opted_in' },
    suppressed: { email: false, phone: false },
    account: { id: 'a', name: 'Acme', domain: 'acme.example', industry: 'Software', subIndustry: null, employeeCount: 250, employeeRange: null, annualRevenue: 4e7, revenueRange: null, country: 'US', technologies: ['AWS'] },
    form: [
      { id: 'team_size', label: 'Team size', type: 'number', required: true },
      { id: 'interest', label: 'Interest', type: 'choice', required: true, options: ['yes', 'no'] },
    ],
    criteria: accountCriteriaSchema.parse({}),
    transcript,
    ...overrides,
  };
}

const byFactor = (score: LeadScore, name: FactorScore['factor']) => score.factors.find((f) => f.factor === name)!;

/** A well-formed AI answer, every factor passing with one quote or field. */
function aiAnswer(evidence: Partial<Record<FactorScore['factor'], FactorScore['evidence']>> = {}): LeadScore {
  return {
    scorer: 'ai',
    overall: 88,
    suggestedVerdict: 'approve',
    summary: 'Qualified.',
    factors: LEAD_FACTORS.map((factor) => ({
      factor,
      score: 90,
      verdict: 'pass' as const,
      reason: 'Said so.',
      evidence: evidence[factor] ?? [{ kind: 'field' as const, text: 'valid', speaker: null, startMs: null, endMs: null, field: 'contact.email_status' }],
    })),
  };
}

describe('the rule scorer', () => {
  it('gives the shared score shape, every factor once, and says it is rules', () => {
    const score = ruleScore(facts(), checkAccount(accountCriteriaSchema.parse({}), facts().account));
    expect(leadScoreSchema.parse(score)).toEqual(score);
    expect(score.scorer).toBe('rules');
    expect(score.factors.map((f) => f.factor)).toEqual([...LEAD_FACTORS]);
    expect(score.suggestedVerdict).toBe('approve');
  });

  it('fails a suppressed address and suggests rejecting, naming the field that decided', () => {
    const score = ruleScore(facts({ suppressed: { email: true, phone: false } }), null);
    expect(byFactor(score, 'compliance_consent')).toMatchObject({ verdict: 'fail', score: 0, evidence: [{ kind: 'field', field: 'suppressions.email' }] });
    expect(score.suggestedVerdict).toBe('reject');
  });

  it('reads the phone with libphonenumber: an impossible number fails, a valid one passes', () => {
    expect(byFactor(ruleScore(facts({ fields: { ...facts().fields, phone: '+1 555 0000' } }), null), 'phone_validity')).toMatchObject({ verdict: 'fail', evidence: [{ field: 'fields.phone' }] });
    expect(byFactor(ruleScore(facts({ fields: { ...facts().fields, phone: '(415) 555-0123' } }), null), 'phone_validity').verdict).toBe('pass');
  });

  it("checks the answers against the campaign's required questions and names each one missing", () => {
    const factor = byFactor(ruleScore(facts({ answers: { interest: 'maybe' } }), null), 'qualification_answers');
    expect(factor.verdict).toBe('fail');
    expect(factor.evidence.map((e) => e.field).sort()).toEqual(['answers.interest', 'answers.team_size']);
  });

  it('takes an invalid or unverified email status from the contact', () => {
    expect(byFactor(ruleScore(facts({ contact: { ...facts().contact!, emailStatus: 'invalid' } }), null), 'email_deliverability').verdict).toBe('fail');
    expect(byFactor(ruleScore(facts({ contact: { ...facts().contact!, emailStatus: null } }), null), 'email_deliverability').verdict).toBe('unclear');
  });

  it('quotes what the prospect said, with its times, when there is a transcript; without one it says so', () => {
    const interest = byFactor(ruleScore(facts({ answers: { team_size: 40 } }), null), 'content_interest');
    expect(interest.evidence[0]).toEqual({ kind: 'quote', text: transcript[1]!.text, speaker: 'prospect', startMs: 4500, endMs: 9800, field: null });
    const without = ruleScore(facts({ transcript: null, answers: {} }), null);
    expect(byFactor(without, 'content_interest').verdict).toBe('unclear');
    expect(without.summary).toContain('no transcript');
  });

  it('suggests rejecting an account outside the criteria', () => {
    const criteria = accountCriteriaSchema.parse({ countries: ['DE', 'FR'] });
    const check = checkAccount(criteria, facts().account);
    expect(check.checks).toEqual([{ criterion: 'country', expected: 'DE, FR', actual: 'US', verdict: 'mismatch', source: 'data' }]);
    expect(ruleScore(facts(), check).suggestedVerdict).toBe('reject');
  });
});

describe('the AI answer check', () => {
  it('keeps the shared shape and snaps a quote to the utterance it comes from (its speaker and times)', () => {
    const answer = aiAnswer({
      content_interest: [{ kind: 'quote', text: 'please send me the guide', speaker: 'agent', startMs: 1, endMs: 2, field: null }],
    });
    const checked = checkAiAnswer(answer, transcript);
    expect(leadScoreSchema.parse(checked)).toEqual(checked);
    expect(byFactor(checked, 'content_interest')).toMatchObject({
      verdict: 'pass',
      evidence: [{ kind: 'quote', text: 'please send me the guide', speaker: 'prospect', startMs: 4500, endMs: 9800 }],
    });
    expect(checked.suggestedVerdict).toBe('approve');
  });

  it('drops a quote found nowhere in the transcript, marks its factor unclear and the approval a review', () => {
    const checked = checkAiAnswer(
      aiAnswer({ compliance_consent: [{ kind: 'quote', text: 'I consent to everything you say', speaker: 'prospect', startMs: 15_200, endMs: 18_000, field: null }] }),
      transcript,
    );
    const factor = byFactor(checked, 'compliance_consent');
    expect(factor.verdict).toBe('unclear');
    expect(factor.evidence).toEqual([]);
    expect(factor.reason).toContain('not found in the transcript');
    expect(checked.suggestedVerdict).toBe('review');
  });

  it('drops every quote when there is no transcript', () => {
    const checked = checkAiAnswer(aiAnswer({ email_confirmation: [{ kind: 'quote', text: "that's correct", speaker: 'prospect', startMs: null, endMs: null, field: null }] }), null);
    expect(byFactor(checked, 'email_confirmation').verdict).toBe('unclear');
  });

  it('refuses an answer that leaves out a factor or does not fit the schema, as a vendor failure to retry', () => {
    const missing = aiAnswer();
    missing.factors = missing.factors.slice(1);
    expect(() => checkAiAnswer(missing, transcript)).toThrow(VendorError);
    expect(() => checkAiAnswer({ ...aiAnswer(), overall: 'high' }, transcript)).toThrow(/does not fit the schema/);
  });

  it('prefers the utterance of the quoted speaker nearest the given time', () => {
    const found = findUtterance(transcript, { kind: 'quote', text: 'Yes', speaker: 'prospect', startMs: 15_000, endMs: null, field: null });
    expect(found?.startMs).toBe(15_200);
  });
});

describe('the account check', () => {
  it('matches bounds from exact values or template ranges, and calls unknown what we do not hold', () => {
    expect(rangeBounds('51-200')).toEqual([51, 200]);
    expect(rangeBounds('1M-10M')).toEqual([1e6, 1e7]);
    expect(rangeBounds('10000+')).toEqual([10000, Number.POSITIVE_INFINITY]);
    const criteria = accountCriteriaSchema.parse({ employeeMin: 100, employeeMax: 1000, technologies: ['snowflake'], industries: ['Retail'] });
    const check = checkAccount(criteria, { ...facts().account!, employeeCount: null, employeeRange: '201-500', technologies: [] });
    expect(check.checks.map((c) => [c.criterion, c.verdict])).toEqual([
      ['industry', 'mismatch'],
      ['employees', 'match'],
      ['technologies', 'unknown'],
    ]);
    expect(check.matched).toBe(false);
    expect(checkAccount(accountCriteriaSchema.parse({}), null)).toEqual({ matched: true, checks: [], enriched: false });
  });
});

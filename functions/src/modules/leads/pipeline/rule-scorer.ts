// The deterministic scorer: the eight factors from the data we hold (the contact's email status
// and confidence, the phone read by libphonenumber-js, consent and suppressions, the answers
// against the campaign's required questions, the fields the client receives) and, when there is a
// transcript, a few keywords the prospect says. Field evidence names the field that decided;
// transcript evidence quotes the utterance with its times. Used without an OpenAI key, and the
// same shape as the AI scorer's (leadScoreSchema).
import { LEAD_FACTORS, type AccountCheck, type Evidence, type FactorScore, type LeadFactor, type LeadScore, type Utterance } from '@shared/contracts/leads';
import { parsePhone } from '@shared/normalize';
import { checkAnswers } from '@shared/telephony-form';
import type { LeadFacts } from './lead-facts';

const field = (name: string, text: string): Evidence => ({ kind: 'field', text, speaker: null, startMs: null, endMs: null, field: name });
const quote = (u: Utterance): Evidence => ({ kind: 'quote', text: u.text, speaker: u.speaker, startMs: u.startMs, endMs: u.endMs, field: null });

const factor = (name: LeadFactor, verdict: FactorScore['verdict'], score: number, reason: string, evidence: Evidence[]): FactorScore => ({ factor: name, score, verdict, reason, evidence });

/** What the prospect says that bears on a factor; the first utterance that matches, if any. */
const KEYWORDS: Partial<Record<LeadFactor, { pass: RegExp; fail?: RegExp }>> = {
  content_interest: { pass: /\b(interested|send (it|me|that|over)|sounds (good|great|useful)|i'?d like|happy to (read|look|take))\b/i, fail: /\b(not interested|no thanks|don'?t (call|send))\b/i },
  permission_to_contact: { pass: /\b(you can (call|email|contact|reach)|feel free to (call|email|contact)|yes,? (please|go ahead)|that'?s fine)\b/i, fail: /\b(do not|don'?t) (call|email|contact)\b/i },
  email_confirmation: { pass: /\b(that'?s (right|correct)|yes,? (that'?s|it is) (my|the) (email|address)|correct email)\b/i },
  compliance_consent: { pass: /\b(i (agree|consent)|yes,? i agree|you have my (consent|permission))\b/i, fail: /\b(i (do not|don'?t) (agree|consent))\b/i },
};

function spoken(transcript: Utterance[] | null, name: LeadFactor): { pass: Utterance | null; fail: Utterance | null } {
  const rule = KEYWORDS[name];
  if (!transcript || !rule) return { pass: null, fail: null };
  const prospect = transcript.filter((u) => u.speaker === 'prospect');
  return { fail: rule.fail ? (prospect.find((u) => rule.fail!.test(u.text)) ?? null) : null, pass: prospect.find((u) => rule.pass.test(u.text) && !rule.fail?.test(u.text)) ?? null };
}

function contentInterest(f: LeadFacts): FactorScore {
  const said = spoken(f.transcript, 'content_interest');
  if (said.fail) return factor('content_interest', 'fail', 0, 'The prospect said they are not interested.', [quote(said.fail)]);
  if (said.pass) return factor('content_interest', 'pass', 90, 'The prospect asked for the content.', [quote(said.pass)]);
  const key = Object.keys(f.answers).find((k) => /interest/i.test(k));
  if (key) {
    const value = f.answers[key];
    const yes = value === true || (typeof value === 'string' && /^(yes|y|true|interested|high|medium)$/i.test(value.trim()));
    return factor('content_interest', yes ? 'pass' : 'fail', yes ? 80 : 10, yes ? 'The form records interest.' : 'The form records no interest.', [field(`answers.${key}`, String(value))]);
  }
  return factor('content_interest', 'unclear', 50, 'Nothing we hold says whether the prospect wants the content.', [field('source', f.source)]);
}

function permissionToContact(f: LeadFacts): FactorScore {
  const said = spoken(f.transcript, 'permission_to_contact');
  if (said.fail) return factor('permission_to_contact', 'fail', 0, 'The prospect asked not to be contacted.', [quote(said.fail)]);
  const consent = f.consent.email ?? f.consent.phone;
  if (f.consent.email === 'opted_out' || f.consent.phone === 'opted_out') {
    return factor('permission_to_contact', 'fail', 0, 'The contact has opted out.', [field(`consent.${f.consent.email === 'opted_out' ? 'email' : 'phone'}`, 'opted_out')]);
  }
  if (said.pass) return factor('permission_to_contact', 'pass', 90, 'The prospect agreed to be contacted.', [quote(said.pass)]);
  if (consent === 'opted_in') return factor('permission_to_contact', 'pass', 85, 'The contact has opted in.', [field(`consent.${f.consent.email ? 'email' : 'phone'}`, 'opted_in')]);
  return factor('permission_to_contact', 'unclear', 50, 'No consent to contact is recorded.', [field('consent.email', consent ?? 'unknown')]);
}

function emailConfirmation(f: LeadFacts): FactorScore {
  const email = f.fields.email?.trim().toLowerCase() || null;
  const held = f.contact?.email?.trim().toLowerCase() || null;
  if (!email) return factor('email_confirmation', 'fail', 0, 'The lead has no email address.', [field('fields.email', '')]);
  const said = spoken(f.transcript, 'email_confirmation');
  if (said.pass) return factor('email_confirmation', 'pass', 90, 'The prospect confirmed the address.', [quote(said.pass), field('fields.email', email)]);
  if (held && held !== email) return factor('email_confirmation', 'unclear', 50, "The lead's address differs from the contact's.", [field('fields.email', email), field('contact.email', held)]);
  return factor('email_confirmation', 'pass', 75, "The lead's address is the contact's.", [field('fields.email', email)]);
}

function complianceConsent(f: LeadFacts): FactorScore {
  if (f.suppressed.email) return factor('compliance_consent', 'fail', 0, 'The email address or its domain is suppressed.', [field('suppressions.email', f.fields.email ?? f.contact?.email ?? '')]);
  if (f.suppressed.phone) return factor('compliance_consent', 'fail', 0, 'The phone number is suppressed.', [field('suppressions.phone', f.fields.phone ?? f.contact?.directPhone ?? '')]);
  const said = spoken(f.transcript, 'compliance_consent');
  if (said.fail) return factor('compliance_consent', 'fail', 0, 'The prospect refused consent.', [quote(said.fail)]);
  if (f.consent.email === 'opted_out') return factor('compliance_consent', 'fail', 0, 'The contact has opted out of email.', [field('consent.email', 'opted_out')]);
  if (said.pass) return factor('compliance_consent', 'pass', 95, 'The prospect gave consent on the call.', [quote(said.pass)]);
  if (f.consent.email === 'opted_in') return factor('compliance_consent', 'pass', 90, 'The contact has opted in to email.', [field('consent.email', 'opted_in')]);
  return factor('compliance_consent', 'unclear', 60, 'Not suppressed, but no consent is recorded.', [field('consent.email', f.consent.email ?? 'unknown')]);
}

function qualificationAnswers(f: LeadFacts): FactorScore {
  if (!f.form.length) {
    const answered = Object.keys(f.answers).length;
    return factor('qualification_answers', 'unclear', answered ? 60 : 40, 'The campaign has no qualification form to check the answers against.', [field('answers', `${answered} answers`)]);
  }
  const problems = checkAnswers(f.form, f.answers as never);
  if (!problems.length) return factor('qualification_answers', 'pass', 100, 'Every required question is answered acceptably.', f.form.filter((q) => q.required).map((q) => field(`answers.${q.id}`, String(f.answers[q.id]))));
  const required = f.form.filter((q) => q.required).length || 1;
  const missing = problems.filter((p) => f.form.find((q) => q.id === p.field)?.required).length;
  return factor(
    'qualification_answers',
    'fail',
    Math.max(0, Math.round(100 * (1 - missing / required))),
    problems.map((p) => `${p.field} ${p.message}`).join('; '),
    problems.map((p) => field(`answers.${p.field}`, p.message)),
  );
}

const REQUIRED_FIELDS = ['firstName', 'lastName', 'email', 'company'] as const;

function dataAccuracy(f: LeadFacts): FactorScore {
  const missing = REQUIRED_FIELDS.filter((k) => !f.fields[k]?.trim());
  if (f.fields.country && !/^[A-Za-z]{2}$/.test(f.fields.country)) missing.push('country' as never);
  if (missing.length) return factor('data_accuracy', 'fail', Math.round(100 * (1 - missing.length / (REQUIRED_FIELDS.length + 1))), `Missing or malformed: ${missing.join(', ')}.`, missing.map((k) => field(`fields.${k}`, '')));
  const differs = f.contact && f.contact.lastName && f.fields.lastName && f.contact.lastName.toLowerCase() !== f.fields.lastName.toLowerCase();
  if (differs) return factor('data_accuracy', 'unclear', 60, "The lead's last name differs from the contact's.", [field('fields.lastName', f.fields.lastName!), field('contact.last_name', f.contact!.lastName!)]);
  return factor('data_accuracy', 'pass', 90, 'The fields the client receives are complete.', REQUIRED_FIELDS.map((k) => field(`fields.${k}`, f.fields[k]!)));
}

function emailDeliverability(f: LeadFacts): FactorScore {
  const status = f.contact?.emailStatus ?? null;
  const evidence = [field('contact.email_status', status ?? 'not verified')];
  if (f.contact?.emailConfidence !== null && f.contact?.emailConfidence !== undefined) evidence.push(field('contact.email_confidence', String(f.contact.emailConfidence)));
  switch (status) {
    case 'valid':
      return factor('email_deliverability', 'pass', 95, 'The address was verified deliverable.', evidence);
    case 'invalid':
      return factor('email_deliverability', 'fail', 0, 'The address was verified undeliverable.', evidence);
    case 'catch-all':
      return factor('email_deliverability', 'unclear', 60, "The address's domain accepts everything: delivery is not proven.", evidence);
    default:
      return factor('email_deliverability', 'unclear', 50, 'The address has not been verified.', evidence);
  }
}

function phoneValidity(f: LeadFacts): FactorScore {
  const [name, value] = f.fields.phone ? ['fields.phone', f.fields.phone] : f.contact?.directPhone ? ['contact.direct_phone', f.contact.directPhone] : ['contact.mobile_phone', f.contact?.mobilePhone ?? null];
  if (!value) return factor('phone_validity', 'fail', 0, 'The lead has no phone number.', [field('fields.phone', '')]);
  const parsed = parsePhone(value, (f.fields.country ?? f.contact?.country ?? '').toUpperCase() || null);
  return parsed.e164
    ? factor('phone_validity', 'pass', 100, `A valid number (${parsed.e164}).`, [field(name, value)])
    : factor('phone_validity', 'fail', 0, 'Not a valid phone number.', [field(name, value)]);
}

const SCORERS: Record<LeadFactor, (f: LeadFacts) => FactorScore> = {
  content_interest: contentInterest,
  permission_to_contact: permissionToContact,
  email_confirmation: emailConfirmation,
  compliance_consent: complianceConsent,
  qualification_answers: qualificationAnswers,
  data_accuracy: dataAccuracy,
  email_deliverability: emailDeliverability,
  phone_validity: phoneValidity,
};

/** A failed consent or an account outside the criteria: reject; all passed and the account matches: approve; else a person decides. */
export function suggestVerdict(factors: FactorScore[], accountCheck: AccountCheck | null): LeadScore['suggestedVerdict'] {
  const failed = (name: LeadFactor) => factors.some((f) => f.factor === name && f.verdict === 'fail');
  if (failed('compliance_consent') || failed('permission_to_contact')) return 'reject';
  if (accountCheck && accountCheck.checks.some((c) => c.verdict === 'mismatch')) return 'reject';
  if (factors.every((f) => f.verdict === 'pass') && (accountCheck?.matched ?? true)) return 'approve';
  return 'review';
}

export function ruleScore(facts: LeadFacts, accountCheck: AccountCheck | null): LeadScore {
  const factors = LEAD_FACTORS.map((name) => SCORERS[name](facts));
  const overall = Math.round(factors.reduce((sum, f) => sum + f.score, 0) / factors.length);
  const passed = factors.filter((f) => f.verdict === 'pass').length;
  const suggestedVerdict = suggestVerdict(factors, accountCheck);
  const mismatched = accountCheck?.checks.filter((c) => c.verdict === 'mismatch').map((c) => c.criterion) ?? [];
  return {
    scorer: 'rules',
    factors,
    overall,
    suggestedVerdict,
    summary: `Rules: ${passed} of ${factors.length} factors pass${facts.transcript ? ' (transcript keywords read)' : ', no transcript'}${mismatched.length ? `; the account misses the criteria on ${mismatched.join(', ')}` : ''}.`,
  };
}

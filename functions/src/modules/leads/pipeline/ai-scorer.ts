// The AI scorer: the lead's data and its transcript to OpenAI with strict structured output of the
// one score type (leadScoreSchema). The answer is not taken on trust: every factor must be there
// once; each quote must be words of the transcript, and its times and speaker are snapped to the
// utterance it comes from (a quote found nowhere is dropped and its factor marked unclear); a
// suggested approval with an unclear or failed factor becomes a review.
import { LEAD_FACTORS, leadScoreSchema, type AccountCheck, type Evidence, type FactorScore, type LeadScore, type Utterance } from '@shared/contracts/leads';
import type { StructuredModel } from '../../../adapters/openai';
import { VendorError } from '../../../adapters/vendor-error';
import type { LeadFacts } from './lead-facts';

export interface AiScore {
  score: LeadScore;
  model: string;
  inputTokens: number;
  outputTokens: number;
}

export const LEAD_SCORE_FORMAT = 'lead_score';

const INSTRUCTIONS = `You are a B2B lead quality analyst. Score the lead on each of the eight factors
(${LEAD_FACTORS.join(', ')}) from 0 to 100 with a verdict (pass, fail, unclear), a one-sentence reason and evidence.
Evidence is either a quote (kind "quote": words copied exactly from one transcript line, with that line's speaker,
startMs and endMs; field null) or a field of the lead's data (kind "field": the field's name in "field", its value in
"text"; speaker, startMs, endMs null). Never invent words that are not in the transcript. Set scorer to "ai",
overall to the 0-100 quality, suggestedVerdict to approve, reject or review, and a one-sentence summary.`;

/** The transcript as the prompt shows it: one utterance a line, `[startMs-endMs] speaker: text`. */
export function transcriptLines(transcript: Utterance[]): string {
  return transcript.map((u) => `[${u.startMs}-${u.endMs}] ${u.speaker}: ${u.text.replace(/\s+/g, ' ')}`).join('\n');
}

export function scoringPrompt(facts: LeadFacts, accountCheck: AccountCheck | null): string {
  const data = {
    source: facts.source,
    fields: facts.fields,
    answers: facts.answers,
    requiredQuestions: facts.form.map((q) => ({ id: q.id, label: q.label, type: q.type, required: q.required, options: q.options ?? null })),
    contact: facts.contact && { emailStatus: facts.contact.emailStatus, emailConfidence: facts.contact.emailConfidence, email: facts.contact.email },
    consent: facts.consent,
    suppressed: facts.suppressed,
    accountCheck,
  };
  return [
    'LEAD DATA (JSON):',
    JSON.stringify(data),
    '',
    facts.transcript?.length ? `TRANSCRIPT (agent and prospect on separate channels; times in ms):\n${transcriptLines(facts.transcript)}` : 'TRANSCRIPT: none (no recording or no transcription). Use field evidence only.',
  ].join('\n');
}

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The utterance a quote comes from: its words inside the utterance's, the speaker's and nearest the given time first. */
export function findUtterance(transcript: readonly Utterance[], quote: Evidence): Utterance | null {
  const words = normalize(quote.text);
  if (!words) return null;
  const candidates = transcript.filter((u) => normalize(u.text).includes(words));
  if (!candidates.length) return null;
  const rank = (u: Utterance) => (quote.speaker && u.speaker !== quote.speaker ? 1e12 : 0) + (quote.startMs !== null ? Math.abs(u.startMs - quote.startMs) : 0);
  return candidates.reduce((best, u) => (rank(u) < rank(best) ? u : best));
}

const clampScore = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

/** Checks and repairs the model's answer against the transcript; a VendorError when it cannot be used. */
export function checkAiAnswer(raw: unknown, transcript: readonly Utterance[] | null): LeadScore {
  const parsed = leadScoreSchema.safeParse(raw);
  if (!parsed.success) throw new VendorError('openai', `the score does not fit the schema (${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''})`);
  const answer = parsed.data;
  const factors: FactorScore[] = [];
  for (const name of LEAD_FACTORS) {
    const given = answer.factors.find((f) => f.factor === name);
    if (!given) throw new VendorError('openai', `the score leaves out the factor ${name}`);
    let dropped = 0;
    const evidence: Evidence[] = [];
    for (const e of given.evidence) {
      if (e.kind === 'field') {
        evidence.push({ ...e, speaker: null, startMs: null, endMs: null, field: e.field ?? 'unknown' });
        continue;
      }
      const source = transcript ? findUtterance(transcript, e) : null;
      if (!source) {
        dropped++;
        continue;
      }
      evidence.push({ kind: 'quote', text: e.text, speaker: source.speaker, startMs: source.startMs, endMs: source.endMs, field: null });
    }
    factors.push({
      factor: name,
      score: clampScore(given.score),
      verdict: dropped ? 'unclear' : given.verdict,
      reason: dropped ? `${given.reason} (${dropped} quote${dropped > 1 ? 's' : ''} not found in the transcript were dropped.)` : given.reason,
      evidence,
    });
  }
  const suggestedVerdict = answer.suggestedVerdict === 'approve' && factors.some((f) => f.verdict !== 'pass') ? 'review' : answer.suggestedVerdict;
  return { scorer: 'ai', factors, overall: clampScore(answer.overall), suggestedVerdict, summary: answer.summary };
}

export async function aiScore(model: StructuredModel, facts: LeadFacts, accountCheck: AccountCheck | null): Promise<AiScore> {
  const answer = await model.parse({ name: LEAD_SCORE_FORMAT, schema: leadScoreSchema, instructions: INSTRUCTIONS, input: scoringPrompt(facts, accountCheck) });
  return { score: checkAiAnswer(answer.value, facts.transcript), model: answer.model, inputTokens: answer.inputTokens, outputTokens: answer.outputTokens };
}

// The OpenAI adapter against the stand-in: the lead score comes back in the shared schema, its
// quotes are words of the transcript in the prompt with their times, and usage is counted; any other
// format gets a value its schema allows; the key is checked; injected faults become VendorErrors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accountCriteriaSchema, leadScoreSchema, type Utterance } from '@shared/contracts/leads';
import { createOpenAiModel } from '../../../adapters/openai';
import { VendorError } from '../../../adapters/vendor-error';
import { aiScore } from './ai-scorer';
import type { LeadFacts } from './lead-facts';
import { startOpenAiStandin, type OpenAiStandin } from '../../../../../infra/local/emulators/openai-standin';

const transcript: Utterance[] = [
  { speaker: 'agent', startMs: 150, endMs: 3900, text: 'Is cloud spending something your team is looking at this year?' },
  { speaker: 'prospect', startMs: 4200, endMs: 8800, text: "Yes, we're interested. Our AWS bill doubled, so please send me the guide." },
  { speaker: 'prospect', startMs: 9100, endMs: 11_000, text: 'Yes, you can contact me by email. I agree to that.' },
];

const facts: LeadFacts = {
  leadId: 'l',
  source: 'call',
  campaignKind: 'call',
  fields: { firstName: 'Ana', lastName: 'Silva', email: 'ana@acme.example', phone: '+14155550123', company: 'Acme' },
  answers: {},
  contact: null,
  consent: {},
  suppressed: { email: false, phone: false },
  account: null,
  form: [],
  criteria: accountCriteriaSchema.parse({}),
  transcript,
};

describe('the OpenAI stand-in through the SDK adapter', () => {
  let standin: OpenAiStandin;
  const model = (timeoutMs = 5_000, key?: string) =>
    createOpenAiModel({ OPENAI_API_KEY: key ?? standin.apiKey, OPENAI_BASE_URL: standin.baseUrl, OPENAI_MODEL: 'gpt-4.1-mini', LEADS_VENDOR_TIMEOUT_MS: timeoutMs })!;

  beforeAll(async () => {
    standin = await startOpenAiStandin();
  });
  afterAll(async () => {
    await standin?.stop();
  });

  it('scores in the shared schema, quoting the transcript with its times, and counts the tokens', async () => {
    const result = await aiScore(model(), facts, null);
    expect(leadScoreSchema.parse(result.score)).toEqual(result.score);
    expect(result.score.scorer).toBe('ai');
    expect(result).toMatchObject({ model: 'gpt-4.1-mini', inputTokens: expect.any(Number), outputTokens: expect.any(Number) });
    expect(result.inputTokens).toBeGreaterThan(100);
    const quotes = result.score.factors.flatMap((f) => f.evidence.filter((e) => e.kind === 'quote'));
    expect(quotes.length).toBeGreaterThanOrEqual(3);
    for (const q of quotes) {
      const source = transcript.find((u) => u.startMs === q.startMs)!;
      expect(source.text).toContain(q.text);
      expect(q).toMatchObject({ speaker: source.speaker, endMs: source.endMs });
    }
    expect(result.score.factors.find((f) => f.factor === 'compliance_consent')).toMatchObject({ verdict: 'pass', evidence: [{ startMs: 9100 }] });
    expect(standin.requests().at(-1)).toMatchObject({ format: 'lead_score', inputTokens: result.inputTokens, outputTokens: result.outputTokens });
  });

  it('answers any other format with a value its schema allows', async () => {
    const answer = await model().parse({ name: 'findings', schema: z.object({ findings: z.array(z.object({ value: z.string().nullable() })), note: z.string().nullable() }), instructions: 'x', input: 'y' });
    expect(answer.value).toEqual({ findings: [], note: null });
  });

  it('refuses a wrong key, and turns injected 5xx, malformed bodies and slow answers into VendorErrors', async () => {
    await expect(aiScore(model(5_000, 'sk-wrong'), facts, null)).rejects.toThrow(/answered 401/);
    standin.setFaults({ errorRate: 1, errorStatus: 500 });
    await expect(aiScore(model(), facts, null)).rejects.toThrow(/openai: answered 500/);
    standin.setFaults({ errorRate: 0, malformedRate: 1 });
    await expect(aiScore(model(), facts, null)).rejects.toBeInstanceOf(VendorError);
    standin.setFaults({ malformedRate: 0, timeoutRate: 1, timeoutMs: 400 });
    await expect(aiScore(model(150), facts, null)).rejects.toThrow(VendorError);
    standin.setFaults({ timeoutRate: 0 });
    await expect(aiScore(model(), facts, null)).resolves.toMatchObject({ score: { scorer: 'ai' } });
  });
});

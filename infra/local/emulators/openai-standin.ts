// OpenAI on the laptop: POST /v1/responses as the `openai` SDK's `responses.parse` calls it, with
// a structured answer that fits the requested JSON schema and token usage. For the lead pipeline's
// score (format `lead_score`) it reads the prompt like an analyst would: each factor passes on
// words the prospect says in the transcript lines of the prompt (`[startMs-endMs] speaker: text`),
// quoted exactly with their times, and is otherwise unclear with a field of the lead's data as
// evidence. The content module's drafting formats (content_*) get plausible copy made from the brief
// (./openai-drafting.ts). The account check's enrichment (format `account_enrichment`) answers the
// criteria asked from what the "model" knows of a few companies by domain, null for the rest.
// Any other format gets the smallest value its schema allows (empty lists, nulls).
//
// Control API (no API key, loopback only):
//   GET  /__standin/requests   the requests answered (format name, model, usage), newest last
//   GET  /__standin/faults     the faults in force and how many were played
//   POST /__standin/faults     {errorRate?, errorStatus?, malformedRate?, timeoutRate?, timeoutMs?, delayMs?, seed?}
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { createFaultInjector, faultControl, type FaultCounts, type VendorFaults } from './ai-vendor-faults';
import { listenLocal, readBody, sendJson } from './local-http';
import { draftCopy } from './openai-drafting';

export interface OpenAiStandin {
  /** What OPENAI_BASE_URL is set to (url + /v1). */
  baseUrl: string;
  apiKey: string;
  requests(): StandinRequest[];
  setFaults(faults: Partial<VendorFaults>, seed?: number): void;
  faultCounts(): FaultCounts;
  stop(): Promise<void>;
}

export interface StandinRequest {
  at: string;
  model: string;
  format: string | null;
  inputTokens: number;
  outputTokens: number;
}

type JsonSchema = Record<string, unknown>;

interface Line {
  startMs: number;
  endMs: number;
  speaker: 'agent' | 'prospect';
  text: string;
}

const FACTORS: { factor: string; pass: RegExp; fail?: RegExp; field: string }[] = [
  { factor: 'content_interest', pass: /\b(interested|send me|sounds useful|i would like|i'd like)\b/i, fail: /\bnot interested\b/i, field: 'answers' },
  { factor: 'permission_to_contact', pass: /\b(you can contact|you can call|feel free to)\b/i, fail: /\b(don't|do not) (email|call|contact)\b/i, field: 'consent' },
  { factor: 'email_confirmation', pass: /\b(that's correct|that's right|my work email)\b/i, field: 'fields.email' },
  { factor: 'compliance_consent', pass: /\b(i agree|i consent)\b/i, field: 'consent' },
  { factor: 'qualification_answers', pass: /\b(about \w+|engineers|our (aws|cloud) bill)\b/i, field: 'answers' },
  { factor: 'data_accuracy', pass: /^$/, field: 'fields' },
  { factor: 'email_deliverability', pass: /^$/, field: 'contact.emailStatus' },
  { factor: 'phone_validity', pass: /^$/, field: 'fields.phone' },
];

export function transcriptOf(input: string): Line[] {
  const lines: Line[] = [];
  for (const m of input.matchAll(/^\[(\d+)-(\d+)\] (agent|prospect): (.*)$/gm)) {
    lines.push({ startMs: Number(m[1]), endMs: Number(m[2]), speaker: m[3] as Line['speaker'], text: m[4]!.trim() });
  }
  return lines;
}

/** A few words of the line around the match: what an analyst would quote. */
function excerpt(text: string, match: RegExp): string {
  const words = text.split(/\s+/);
  const at = words.findIndex((_, i) => match.test(words.slice(i, i + 4).join(' ')));
  const from = Math.max(0, at - 1);
  return words.slice(from, from + 7).join(' ');
}

/** The companies the stand-in "knows", by domain: what enrichment finds (others: null, as the prompt asks). */
export const KNOWN_COMPANIES: Record<string, Record<'industry' | 'employees' | 'revenue' | 'country' | 'technologies', string>> = {
  'kestrel-analytics.com': { industry: 'Software', employees: '420', revenue: '68000000', country: 'US', technologies: 'AWS, Snowflake, dbt' },
  'harbor-freight-logistics.com': { industry: 'Logistics', employees: '3100', revenue: '910000000', country: 'US', technologies: 'Azure, SAP' },
};

function accountEnrichment(input: string) {
  let asked: { domain?: unknown; criteria?: unknown } = {};
  try {
    asked = JSON.parse(input) as typeof asked;
  } catch {
    // Not the pipeline's prompt: nothing is known.
  }
  const known = typeof asked.domain === 'string' ? KNOWN_COMPANIES[asked.domain.toLowerCase()] : undefined;
  const criteria = Array.isArray(asked.criteria) ? asked.criteria.filter((c): c is keyof NonNullable<typeof known> => typeof c === 'string') : [];
  return { findings: criteria.map((criterion) => ({ criterion, value: known?.[criterion] ?? null })) };
}

function leadScore(input: string) {
  const lines = transcriptOf(input).filter((l) => l.speaker === 'prospect');
  const factors = FACTORS.map((f) => {
    const failed = f.fail ? lines.find((l) => f.fail!.test(l.text)) : undefined;
    const passed = lines.find((l) => f.pass.test(l.text) && !(f.fail && f.fail.test(l.text)));
    const line = failed ?? passed;
    if (line) {
      return {
        factor: f.factor,
        score: failed ? 10 : 90,
        verdict: failed ? 'fail' : 'pass',
        reason: failed ? 'The prospect declined on the call.' : 'The prospect said so on the call.',
        evidence: [{ kind: 'quote', text: excerpt(line.text, failed ? f.fail! : f.pass), speaker: line.speaker, startMs: line.startMs, endMs: line.endMs, field: null }],
      };
    }
    return {
      factor: f.factor,
      score: 70,
      verdict: lines.length ? 'pass' : 'unclear',
      reason: lines.length ? 'Nothing on the call contradicts the data.' : 'No transcript: judged from the data only.',
      evidence: [{ kind: 'field', text: 'as recorded', speaker: null, startMs: null, endMs: null, field: f.field }],
    };
  });
  const anyFail = factors.some((f) => f.verdict === 'fail');
  const allPass = factors.every((f) => f.verdict === 'pass');
  return {
    scorer: 'ai',
    factors,
    overall: Math.round(factors.reduce((s, f) => s + f.score, 0) / factors.length),
    suggestedVerdict: anyFail ? 'reject' : allPass ? 'approve' : 'review',
    summary: anyFail ? 'The prospect declined something that matters.' : allPass ? 'A qualified, consenting prospect.' : 'Mostly fine; a person should check.',
  };
}

/** The smallest value a (strict) JSON schema allows. */
export function minimalValue(schema: JsonSchema, defs: Record<string, JsonSchema> = {}): unknown {
  const localDefs = { ...defs, ...((schema.$defs ?? schema.definitions ?? {}) as Record<string, JsonSchema>) };
  if (typeof schema.$ref === 'string') return minimalValue(localDefs[schema.$ref.split('/').pop()!] ?? {}, localDefs);
  const anyOf = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (anyOf) return anyOf.some((s) => s.type === 'null') ? null : minimalValue(anyOf[0] ?? {}, localDefs);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('const' in schema) return schema.const;
  const type = Array.isArray(schema.type) ? (schema.type.includes('null') ? 'null' : schema.type[0]) : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([k, v]) => [k, minimalValue(v, localDefs)]));
    case 'array':
      return [];
    case 'string':
      return '';
    case 'number':
    case 'integer':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/** The answer to a structured-output request, by its format's name. */
function structuredAnswer(name: string, schema: JsonSchema, input: string): unknown {
  if (name === 'lead_score') return leadScore(input);
  if (name === 'account_enrichment') return accountEnrichment(input);
  if (name.startsWith('content_')) return draftCopy(name, input);
  return minimalValue(schema);
}

const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

export async function startOpenAiStandin(options: { apiKey?: string; faults?: Partial<VendorFaults> } = {}): Promise<OpenAiStandin> {
  const apiKey = options.apiKey ?? 'sk-local-openai-standin';
  const injector = createFaultInjector(options.faults, 29);
  const requests: StandinRequest[] = [];

  async function respond(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body: { model?: unknown; instructions?: unknown; input?: unknown; text?: { format?: { type?: string; name?: string; schema?: JsonSchema } } };
    try {
      body = JSON.parse((await readBody(req)).toString('utf8')) as typeof body;
    } catch {
      return sendJson(res, 400, { error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error' } });
    }
    if (typeof body.model !== 'string' || !body.model) return sendJson(res, 400, { error: { message: "Missing required parameter: 'model'.", type: 'invalid_request_error' } });
    const input = typeof body.input === 'string' ? body.input : JSON.stringify(body.input ?? '');
    const format = body.text?.format;
    const value = format?.type === 'json_schema' ? structuredAnswer(format.name ?? '', format.schema ?? {}, input) : null;
    const text = value === null ? 'OK' : JSON.stringify(value);
    const usage = { inputTokens: tokens(`${typeof body.instructions === 'string' ? body.instructions : ''}${input}`), outputTokens: tokens(text) };
    requests.push({ at: new Date().toISOString(), model: body.model, format: format?.name ?? null, ...usage });
    if (requests.length > 5000) requests.shift();
    const id = `resp_${randomUUID().replace(/-/g, '')}`;
    return sendJson(res, 200, {
      id,
      object: 'response',
      created_at: Math.floor(Date.now() / 1000),
      status: 'completed',
      model: body.model,
      output: [{ type: 'message', id: `msg_${id.slice(5)}`, status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] }],
      usage: {
        input_tokens: usage.inputTokens,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: usage.outputTokens,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: usage.inputTokens + usage.outputTokens,
      },
      error: null,
      incomplete_details: null,
    });
  }

  const server = await listenLocal(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/__standin/')) {
      const what = path.slice('/__standin/'.length);
      if (what === 'requests' && req.method === 'GET') return sendJson(res, 200, { requests });
      if (what === 'faults') {
        const body = req.method === 'POST' ? (JSON.parse((await readBody(req)).toString('utf8') || '{}') as unknown) : null;
        return faultControl(injector, req.method ?? 'GET', body, res);
      }
      return sendJson(res, 404, { error: { message: `No control endpoint ${req.method} ${path}` } });
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return sendJson(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } });
    }
    if (req.method === 'POST' && path === '/v1/responses') {
      if (await injector.apply(res)) return;
      return respond(req, res);
    }
    return sendJson(res, 404, { error: { message: `Unknown request URL: ${req.method} ${path}.`, type: 'invalid_request_error' } });
  });

  return {
    baseUrl: `${server.endpoint}/v1`,
    apiKey,
    requests: () => [...requests],
    setFaults: (faults, seed) => void injector.set(faults, seed),
    faultCounts: () => injector.counts(),
    stop: server.stop,
  };
}

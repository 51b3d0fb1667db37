// OpenAI behind a small interface: one structured answer (Responses API `responses.parse` with a
// zod text format, strict: every key required, nullable rather than optional) and its token usage.
// The SDK (`openai` 6) is the same on AWS and locally, where OPENAI_BASE_URL points it at the
// stand-in in infra/local. The SDK's own retries are off: Step Functions retries a VendorError.
import OpenAI from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import type { z } from 'zod';
import type { Config } from '../config/config';
import { VendorError, withTimeout } from './vendor-error';

export interface StructuredRequest<S extends z.ZodType> {
  /** The format's name (letters, digits, _ and -), e.g. lead_score. */
  name: string;
  schema: S;
  instructions: string;
  input: string;
}

export interface StructuredAnswer<T> {
  value: T;
  model: string;
  inputTokens: number;
  outputTokens: number;
}

export interface StructuredModel {
  model: string;
  /** The model's answer parsed by `schema`; a VendorError for a failed call or an answer that does not fit. */
  parse<S extends z.ZodType>(request: StructuredRequest<S>): Promise<StructuredAnswer<z.infer<S>>>;
}

/** The status of an SDK error, when it has one. */
const statusOf = (error: unknown) => (error instanceof OpenAI.APIError ? error.status : undefined);

export function createOpenAiModel(config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'LEADS_VENDOR_TIMEOUT_MS'>): StructuredModel | null {
  if (!config.OPENAI_API_KEY) return null;
  const client = new OpenAI({
    apiKey: config.OPENAI_API_KEY,
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
    maxRetries: 0,
    timeout: config.LEADS_VENDOR_TIMEOUT_MS,
  });
  const model = config.OPENAI_MODEL;
  return {
    model,
    async parse(request) {
      let response;
      try {
        response = await withTimeout(
          'openai',
          config.LEADS_VENDOR_TIMEOUT_MS,
          client.responses.parse({
            model,
            instructions: request.instructions,
            input: request.input,
            text: { format: zodTextFormat(request.schema, request.name) },
          }),
        );
      } catch (error) {
        if (error instanceof VendorError) throw error;
        const status = statusOf(error);
        // A 4xx other than 408/409/429 is our request's fault: retrying would not help, but the lead
        // still goes to a person with the reason, so it is reported the same way.
        throw new VendorError('openai', status ? `answered ${status}` : `the call failed (${(error as Error).name}: ${(error as Error).message.slice(0, 200)})`, { cause: error });
      }
      if (response.output_parsed === null || response.output_parsed === undefined) throw new VendorError('openai', 'the answer held no structured output');
      return {
        value: response.output_parsed as z.infer<typeof request.schema>,
        model: response.model || model,
        inputTokens: response.usage?.input_tokens ?? 0,
        outputTokens: response.usage?.output_tokens ?? 0,
      };
    },
  };
}

const models = new WeakMap<Config, StructuredModel | null>();

/** One client per configuration (a Lambda's, a test stack's); null without OPENAI_API_KEY. */
export function openAiFor(config: Config): StructuredModel | null {
  if (!models.has(config)) models.set(config, createOpenAiModel(config));
  return models.get(config)!;
}

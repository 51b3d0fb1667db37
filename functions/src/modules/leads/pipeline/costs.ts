// What the pipeline's vendor calls cost, estimated in micro-dollars from list prices (USD) so a
// lead's AI cost can be shown and summed. A model missing from the table has no estimate (null).
const TOKEN_PRICES_PER_MILLION: Record<string, { input: number; output: number }> = {
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
};

/** AssemblyAI's pre-recorded transcription, per hour of audio. */
const TRANSCRIPTION_PER_HOUR = 0.37;

/** Tokens in micro-dollars: input and output at the model's price (a dated snapshot is priced as its model). */
export function tokenCostMicros(model: string, inputTokens: number, outputTokens: number): number | null {
  const price = TOKEN_PRICES_PER_MILLION[model] ?? TOKEN_PRICES_PER_MILLION[model.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
  if (!price) return null;
  return Math.round(inputTokens * price.input + outputTokens * price.output);
}

/** Audio seconds in micro-dollars. */
export function transcriptionCostMicros(audioSeconds: number): number {
  return Math.round((audioSeconds / 3600) * TRANSCRIPTION_PER_HOUR * 1e6);
}

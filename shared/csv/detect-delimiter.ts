// Picks the field delimiter of a CSV sample: the candidate that splits the first records into the
// same number (> 1) of fields most consistently, counting only delimiters outside quotes.

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const SAMPLE_RECORDS = 50;

/** Field counts of the first records for one delimiter, honouring quotes and any line ending. */
function fieldCounts(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let atFieldStart = true;
  let recordHasContent = false;
  for (let i = 0; i < text.length && counts.length < SAMPLE_RECORDS; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      recordHasContent = true;
    } else if (ch === delimiter) {
      fields++;
      atFieldStart = true;
      recordHasContent = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (recordHasContent) counts.push(fields);
      fields = 1;
      atFieldStart = true;
      recordHasContent = false;
    } else {
      atFieldStart = false;
      recordHasContent = true;
    }
  }
  if (recordHasContent && counts.length < SAMPLE_RECORDS) counts.push(fields);
  return counts;
}

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** Fields in the first record with that delimiter. */
  columns: number;
  /** Share of sampled records with the same field count as the first (1 = all). */
  consistency: number;
}

export function detectDelimiter(text: string): DelimiterGuess {
  let best: DelimiterGuess = { delimiter: ',', columns: 1, consistency: 0 };
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(text, delimiter);
    if (counts.length === 0) continue;
    const columns = counts[0]!;
    if (columns < 2) continue;
    const consistency = counts.filter((c) => c === columns).length / counts.length;
    // Consistency first, then more columns (a comma inside a semicolon file splits unevenly).
    const score = consistency * 1000 + Math.min(columns, 999);
    if (score > bestScore) {
      bestScore = score;
      best = { delimiter, columns, consistency };
    }
  }
  return best;
}

// Reads the start of a file for the mapping screen: encoding, delimiter, header row, a suggested
// target and sample values per column. File-level problems (empty, binary, no header, no data)
// are refusals with a sentence the user can act on; nothing is written for a refused file.
import { parse, type Options } from 'csv-parse/sync';
import { autoMap, type ColumnSuggestion } from '@shared/csv/auto-map';
import { detectDelimiter, type Delimiter } from '@shared/csv/detect-delimiter';
import { detectEncoding, isRefusal, type CsvEncoding } from '@shared/csv/detect-encoding';
import { suggestTarget } from '@shared/csv/auto-map';
import type { ImportAnalysis } from '@shared/contracts/imports';
import { IMPORT_MAX_COLUMNS } from '@shared/contracts/imports';

/** How much of the file the analysis reads. */
export const SAMPLE_BYTES = 1024 * 1024;
const SAMPLE_ROWS = 20;
const SAMPLES_PER_COLUMN = 5;
const HEADER_SEARCH_ROWS = 10;

export interface SampleAnalysis extends ImportAnalysis {
  bomBytes: number;
}

export class FileRefusal extends Error {
  override name = 'FileRefusal';
}

export function decodeSample(sample: Uint8Array, encoding: CsvEncoding, bomBytes: number, truncated: boolean): string {
  let text = new TextDecoder(encoding).decode(sample.subarray(bomBytes));
  if (truncated) {
    // Drop the last, probably partial, line.
    const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    text = cut > 0 ? text.slice(0, cut + 1) : text;
  }
  return text;
}

/** Options shared by every parse of the file, so the sample and the chunks read it alike. */
export function csvParseOptions(delimiter: string): Options {
  return {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    // Any line ending ends a record, even mixed in one file (the chunk planner counts the same way).
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: true,
    trim: false,
    bom: false,
  };
}

function parseRecords(text: string, delimiter: string, max: number): string[][] {
  try {
    return parse(text, { ...csvParseOptions(delimiter), to: max }) as string[][];
  } catch {
    // A quote left open near the end of a truncated sample: parse what comes before it.
    const records: string[][] = [];
    const lines = text.split(/\r\n|\n|\r/);
    for (let end = lines.length - 1; end > 0 && records.length === 0; end = Math.floor(end / 2)) {
      try {
        return parse(lines.slice(0, end).join('\n'), { ...csvParseOptions(delimiter), to: max }) as string[][];
      } catch {
        continue;
      }
    }
    return records;
  }
}

/** The first record that looks like a header: known headers, or all text cells above rows of the same width. */
function findHeaderRow(records: string[][]): number {
  const limit = Math.min(records.length, HEADER_SEARCH_ROWS);
  const widths = records.slice(0, 50).map((r) => r.filter((c) => c.trim() !== '').length);
  const sorted = [...widths].sort((a, b) => a - b);
  const typical = sorted[Math.floor(sorted.length / 2)] ?? 0;
  for (let i = 0; i < limit; i++) {
    const known = records[i]!.filter((cell) => suggestTarget(cell) !== null).length;
    if (known >= 2) return i;
  }
  for (let i = 0; i < limit; i++) {
    const cells = records[i]!.filter((c) => c.trim() !== '');
    if (cells.length >= Math.max(2, typical * 0.8) && cells.every((c) => !/^[\d\s.,:/+-]+$/.test(c))) return i;
  }
  return 0;
}

export function analyseSample(sample: Uint8Array, fileSize: number): SampleAnalysis {
  if (fileSize === 0 || sample.length === 0) throw new FileRefusal('The file is empty.');
  const truncated = sample.length < fileSize;
  const detected = detectEncoding(sample, truncated);
  if (isRefusal(detected)) throw new FileRefusal(detected.reason);
  const text = decodeSample(sample, detected.encoding, detected.bomBytes, truncated);
  if (!text.trim()) throw new FileRefusal('The file is empty.');

  const guess = detectDelimiter(text);
  const delimiter: Delimiter = guess.delimiter;
  const records = parseRecords(text, delimiter, HEADER_SEARCH_ROWS + SAMPLE_ROWS + 1);
  if (records.length === 0) throw new FileRefusal('No CSV records could be read from the file.');
  const headerRow = findHeaderRow(records);
  const headers = records[headerRow]!.map((h) => h.trim());
  if (headers.length > IMPORT_MAX_COLUMNS) throw new FileRefusal(`The file has ${headers.length} columns; at most ${IMPORT_MAX_COLUMNS} are supported.`);
  const suggestions: ColumnSuggestion[] = autoMap(headers);
  if (guess.columns < 2 && !suggestions.some((s) => s.method === 'exact' || s.method === 'synonym')) {
    throw new FileRefusal('This does not look like a CSV file: no delimiter (comma, semicolon, tab or |) separates its columns and its header names no known field.');
  }
  const dataRows = records.slice(headerRow + 1);
  if (dataRows.length === 0 && !truncated) throw new FileRefusal('The file has a header row but no data rows.');

  const columns = suggestions.map((s) => ({
    column: s.column,
    header: s.header,
    target: s.target,
    confidence: s.confidence,
    method: s.method,
    samples: dataRows
      .map((r) => (r[s.column] ?? '').trim())
      .filter(Boolean)
      .slice(0, SAMPLES_PER_COLUMN)
      .map((v) => v.slice(0, 200)),
  }));

  const warnings: string[] = [];
  if (guess.consistency < 0.9) warnings.push('Rows have different numbers of fields: check that the delimiter is right.');
  if (headerRow > 0) warnings.push(`The first ${headerRow} row(s) above the header are skipped.`);
  const ragged = dataRows.filter((r) => r.length !== headers.length).length;
  if (ragged) warnings.push(`${ragged} of the first ${dataRows.length} rows have a different number of fields than the header.`);

  let rowsEstimate = dataRows.length;
  if (truncated && dataRows.length > 0) {
    const sampleBytes = new TextEncoder().encode(text).length;
    rowsEstimate = Math.round((fileSize / Math.max(1, sampleBytes)) * Math.max(dataRows.length, countLines(text) - headerRow - 1));
  }

  return {
    encoding: detected.encoding,
    bomBytes: detected.bomBytes,
    delimiter,
    headerRow,
    columns,
    sampleRows: dataRows.slice(0, SAMPLE_ROWS).map((r) => r.map((v) => v.slice(0, 200))),
    rowsEstimate,
    warnings,
  };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

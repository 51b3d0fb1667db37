// Parses one chunk's text (whole records, no header) into records numbered as file rows.
// RFC 4180: quoted fields, "" escapes, delimiters and line breaks inside quotes, CRLF/LF/CR (even
// mixed); blank lines skipped; ragged rows kept. It reads exactly as csv-parse does with the
// analysis options (`csvParseOptions`, relaxed quotes) — a property test holds them to it — but
// several times faster, which matters at a million rows: this loop is the importer's hot path.

export interface ParsedRecord {
  row: number;
  fields: string[];
}

export interface ChunkParse {
  records: ParsedRecord[];
  /** Records that cannot be read (a quote never closed, an oversized record), with the reason. */
  unreadable: { row: number; reason: string; raw: string }[];
}

/** Longest record accepted (a quote left open would otherwise swallow the rest of the chunk). */
export const MAX_RECORD_CHARS = 1024 * 1024;

const QUOTE = 34;
const CR = 13;
const LF = 10;

export function decodeChunk(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

export function parseChunk(text: string, delimiter: string, firstRow: number): ChunkParse {
  const records: ParsedRecord[] = [];
  const unreadable: ChunkParse['unreadable'] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let row = firstRow;
  let i = 0;
  while (i < n) {
    const recordStart = i;
    const first = text.charCodeAt(i);
    // A blank line is not a record.
    if (first === LF) {
      i++;
      continue;
    }
    if (first === CR) {
      i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      continue;
    }
    const fields: string[] = [];
    let broken: string | null = null;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted field: up to the closing quote; "" is a quote.
        let start = i + 1;
        let parts = '';
        for (;;) {
          const q = text.indexOf('"', start);
          if (q < 0) {
            broken = 'a quoted field is never closed';
            i = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            parts += text.slice(start, q + 1);
            start = q + 2;
            continue;
          }
          parts += text.slice(start, q);
          i = q + 1;
          break;
        }
        value = parts;
        if (broken) {
          fields.push(value);
          break;
        }
        // Text after the closing quote (malformed, read leniently) belongs to the field.
        const tail = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        if (i > tail) value += text.slice(tail, i);
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        value = text.slice(start, i);
      }
      fields.push(value);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        if (i >= n) {
          fields.push('');
          break;
        }
        continue;
      }
      // End of record.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      break;
    }
    if (broken) unreadable.push({ row, reason: broken, raw: text.slice(recordStart, recordStart + 10_000) });
    else if (i - recordStart > MAX_RECORD_CHARS) unreadable.push({ row, reason: `the record is longer than ${MAX_RECORD_CHARS} characters`, raw: text.slice(recordStart, recordStart + 10_000) });
    else records.push({ row, fields });
    row++;
  }
  return { records, unreadable };
}

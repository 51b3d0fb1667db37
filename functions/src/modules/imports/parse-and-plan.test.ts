import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { analyseSample, csvParseOptions, FileRefusal } from './analyse-sample';
import { parseChunk } from './parse-chunk';
import { planChunks, type ScanOptions } from './plan-chunks';

async function* pieces(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const cellArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'a,b', 'say "hi"', 'line\nbreak', 'cr\rhere', 'crlf\r\nhere', '"', ' padded ', 'Zoë', '日本'),
);
const tableArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 40 });
const eolArb = fc.constantFrom('\r\n', '\n', '\r');

/** csv-stringify writes a lone field that is empty as an empty line; quote it so the row is a row. */
const toCsv = (rows: string[][], delimiter: string, eol: string) =>
  rows.map((r) => (r.length === 1 && r[0] === '' ? '""' + eol : stringify([r], { delimiter, record_delimiter: eol }))).join('');

const scan = (bytes: Uint8Array, options: Partial<ScanOptions> = {}) =>
  planChunks(pieces(bytes, 7), {
    encoding: 'utf-8',
    bomBytes: 0,
    delimiter: ',',
    skipRecords: 0,
    rowsPerChunk: 3,
    maxChunkBytes: 1 << 20,
    maxRecordBytes: 1 << 20,
    ...options,
  });

describe('the chunk parser', () => {
  it('reads what csv-parse reads (RFC 4180, any line ending, any delimiter)', () => {
    fc.assert(
      fc.property(tableArb, eolArb, fc.constantFrom(',', ';', '\t', '|'), (rows, eol, delimiter) => {
        const text = toCsv(rows, delimiter, eol);
        const reference = parse(text, csvParseOptions(delimiter)) as string[][];
        const ours = parseChunk(text, delimiter, 2);
        expect(ours.unreadable).toEqual([]);
        expect(ours.records.map((r) => r.fields)).toEqual(reference);
        expect(ours.records.map((r) => r.row)).toEqual(reference.map((_, i) => i + 2));
      }),
    );
  });

  it('reports a quote that never closes as one unreadable row, keeping the rows before it', () => {
    const result = parseChunk('a,b\n"open,c\nd,e\n', ',', 10);
    expect(result.records).toEqual([{ row: 10, fields: ['a', 'b'] }]);
    expect(result.unreadable).toMatchObject([{ row: 11, reason: 'a quoted field is never closed' }]);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), fc.constantFrom(',', ';'), (text, d) => void parseChunk(text, d, 2)));
  });
});

describe('the chunk planner', () => {
  it('cuts the file into byte ranges of whole records that parse back to the same rows', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, eolArb, fc.integer({ min: 1, max: 5 }), async (rows, eol, perChunk) => {
        const bytes = new TextEncoder().encode(toCsv([['h1', 'h2'], ...rows], ',', eol));
        const plan = await scan(bytes, { skipRecords: 1, rowsPerChunk: perChunk });
        const reference = parse(Buffer.from(bytes), csvParseOptions(',')) as string[][];
        expect(plan.rows).toBe(reference.length - 1);
        const decoded: string[][] = [];
        for (const chunk of plan.chunks) {
          const part = parseChunk(new TextDecoder().decode(bytes.subarray(chunk.byteStart, chunk.byteEnd)), ',', chunk.firstRow);
          expect(part.records.map((r) => r.row)).toEqual(Array.from({ length: chunk.rowCount }, (_, i) => chunk.firstRow + i));
          decoded.push(...part.records.map((r) => r.fields));
        }
        expect(decoded).toEqual(reference.slice(1));
      }),
    );
  });

  it('finds rows that repeat an earlier email, by normalized value, across chunks', async () => {
    const csv = 'Name,Email\nA,a@x.io\nB,b@x.io\nC, A@X.IO \nD,"b@x.io"\nE,\n';
    const plan = await scan(new TextEncoder().encode(csv), { skipRecords: 1, rowsPerChunk: 2, keyColumn: 1 });
    expect(plan.duplicates).toBe(2);
    expect(plan.chunks.map((c) => [c.duplicateRows, c.duplicateOf])).toEqual([
      [[], []],
      [[4, 5], [2, 3]],
      [[], []],
    ]);
  });

  it('scans UTF-16 two bytes at a time, even when a network piece splits a character', async () => {
    const text = 'Name,Email\r\nZoë,"z@x.io"\r\nJo,j@x.io\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const plan = await scan(bytes, { encoding: 'utf-16le', bomBytes: 2, skipRecords: 1, keyColumn: 1 });
    expect(plan.rows).toBe(2);
    const chunk = plan.chunks[0]!;
    expect(new TextDecoder('utf-16le').decode(bytes.subarray(chunk.byteStart, chunk.byteEnd))).toBe('Zoë,"z@x.io"\r\nJo,j@x.io\r\n');
  });

  it('tells when a file is not UTF-8 after all', async () => {
    const plan = await scan(Uint8Array.from([...new TextEncoder().encode('a,b\nc,'), 0xe9, 0x0a]));
    expect(plan.validUtf8).toBe(false);
  });
});

describe('the analysis of a file', () => {
  it('never throws anything but a refusal, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 0, max: 5000 }), (bytes, extra) => {
        try {
          analyseSample(bytes, bytes.length + extra);
        } catch (error) {
          expect(error).toBeInstanceOf(FileRefusal);
        }
      }),
    );
  });

  it('never throws anything but a refusal on mutated CSV', () => {
    const base = 'Email,Full Name,Company Name\r\nann@x.io,Ann,"X, Inc."\r\nbo@y.io,Bo,Y\r\n';
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(base.length), fc.constantFrom('"', ',', '\n', '\r', '\0', ';', 'é')), { maxLength: 8 }), (edits) => {
        let text = base;
        for (const [at, ch] of edits) text = text.slice(0, at) + ch + text.slice(at);
        const bytes = new TextEncoder().encode(text);
        try {
          analyseSample(bytes, bytes.length);
        } catch (error) {
          expect(error).toBeInstanceOf(FileRefusal);
        }
      }),
    );
  });
});

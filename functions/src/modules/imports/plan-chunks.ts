// One streaming pass over the whole file that finds record boundaries (quote-aware, any line
// ending) and cuts the data records into chunks of whole records by source byte offset, so each
// chunk can later be read with a ranged GET and parsed on its own. It also reads the email
// column to find rows that repeat an earlier row's email: the first occurrence in the file wins.
//
// The scan works on code units of the source encoding, never on decoded text: quotes, delimiters
// and line breaks are ASCII, and in UTF-8 and Windows-1252 those bytes never occur inside a
// multibyte character; UTF-16 is scanned two bytes at a time.
import type { CsvEncoding } from '@shared/csv/detect-encoding';
import { KeyIndex } from './key-index';

export interface ChunkPlan {
  index: number;
  byteStart: number;
  byteEnd: number;
  firstRow: number;
  rowCount: number;
  duplicateRows: number[];
  duplicateOf: number[];
}

export interface ScanOptions {
  encoding: CsvEncoding;
  bomBytes: number;
  delimiter: string;
  /** Records before the data: preamble lines and the header row. */
  skipRecords: number;
  /** 0-based column whose normalized value identifies a row for in-file duplicates (email). */
  keyColumn?: number;
  normalizeKey?: (value: string) => string | null;
  rowsPerChunk: number;
  /** A chunk also ends when it reaches this many bytes (wide rows). */
  maxChunkBytes: number;
  /** A single record longer than this is a file-level error (a quote that never closes). */
  maxRecordBytes: number;
}

export interface ScanResult {
  chunks: ChunkPlan[];
  rows: number;
  duplicates: number;
  /** Byte offset of the first data record. */
  dataOffset: number;
  /** False when some byte sequence is not UTF-8 (the file is then read as Windows-1252). */
  validUtf8: boolean;
}

export class FileScanError extends Error {
  override name = 'FileScanError';
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Scans the file's bytes (from offset 0) as they stream in. */
export async function planChunks(source: AsyncIterable<Uint8Array>, options: ScanOptions): Promise<ScanResult> {
  const unitWidth = options.encoding === 'utf-16le' || options.encoding === 'utf-16be' ? 2 : 1;
  const bigEndian = options.encoding === 'utf-16be';
  const delimiter = options.delimiter.charCodeAt(0);
  const keyDecoder = new TextDecoder(options.encoding === 'utf-8' ? 'utf-8' : options.encoding);
  const utf8Check = options.encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : null;
  let validUtf8 = true;

  const chunks: ChunkPlan[] = [];
  const firstRowOf = new KeyIndex();
  let duplicates = 0;

  // Record state.
  let recordIndex = 0; // records seen, including skipped ones
  let recordStart = options.bomBytes;
  let recordHasContent = false;
  let inQuotes = false;
  let quotePending = false; // saw a quote inside quotes: either an escaped "" or the closing quote
  let atFieldStart = true;
  let field = 0;
  let pendingCr = false;
  let key: number[] = [];
  let dataOffset = -1;

  // Chunk state.
  let chunk: ChunkPlan | null = null;
  let rows = 0;

  const onRecordEnd = (endOffset: number) => {
    if (!recordHasContent) {
      // A blank line is not a record (csv-parse skips them too).
      recordStart = endOffset;
      resetRecord();
      return;
    }
    recordIndex++;
    if (recordIndex <= options.skipRecords) {
      recordStart = endOffset;
      dataOffset = endOffset;
      resetRecord();
      return;
    }
    if (dataOffset < 0) dataOffset = recordStart;
    rows++;
    const rowNumber = recordIndex; // file row number: header row = skipRecords
    if (!chunk) chunk = { index: chunks.length, byteStart: recordStart, byteEnd: endOffset, firstRow: rowNumber, rowCount: 0, duplicateRows: [], duplicateOf: [] };
    chunk.rowCount++;
    chunk.byteEnd = endOffset;
    if (options.keyColumn !== undefined && key.length) {
      const value = keyDecoder.decode(unitWidth === 1 ? Uint8Array.from(key) : encodeUnits(key, bigEndian));
      const normalized = options.normalizeKey ? options.normalizeKey(value) : value.trim().toLowerCase();
      if (normalized) {
        const first = firstRowOf.firstRow(normalized, rowNumber);
        if (first !== undefined) {
          chunk.duplicateRows.push(rowNumber);
          chunk.duplicateOf.push(first);
          duplicates++;
        }
      }
    }
    if (chunk.rowCount >= options.rowsPerChunk || chunk.byteEnd - chunk.byteStart >= options.maxChunkBytes) {
      chunks.push(chunk);
      chunk = null;
    }
    recordStart = endOffset;
    resetRecord();
  };

  function resetRecord() {
    recordHasContent = false;
    inQuotes = false;
    quotePending = false;
    atFieldStart = true;
    field = 0;
    key = [];
  }

  let offset = 0; // bytes consumed so far
  let carry: number | null = null; // first byte of a UTF-16 unit split across network chunks

  for await (const piece of source) {
    if (utf8Check && validUtf8) {
      try {
        utf8Check.decode(piece, { stream: true });
      } catch {
        validUtf8 = false;
      }
    }
    let i = 0;
    const length = piece.length;
    while (i < length) {
      let unit: number;
      let unitStart: number;
      if (unitWidth === 1) {
        unit = piece[i]!;
        unitStart = offset + i;
        i++;
      } else {
        if (carry !== null) {
          unit = bigEndian ? (carry << 8) | piece[i]! : carry | (piece[i]! << 8);
          unitStart = offset + i - 1;
          carry = null;
          i++;
        } else if (i + 1 < length) {
          unit = bigEndian ? (piece[i]! << 8) | piece[i + 1]! : piece[i]! | (piece[i + 1]! << 8);
          unitStart = offset + i;
          i += 2;
        } else {
          carry = piece[i]!;
          i++;
          continue;
        }
      }
      if (unitStart < options.bomBytes) continue;
      const unitEnd = unitStart + unitWidth;

      if (pendingCr) {
        pendingCr = false;
        if (unit === LF) {
          onRecordEnd(unitEnd);
          continue;
        }
        onRecordEnd(unitStart);
      }

      if (inQuotes) {
        if (quotePending) {
          quotePending = false;
          if (unit === QUOTE) {
            if (field === options.keyColumn) key.push(unit);
            continue;
          }
          inQuotes = false; // the quote closed the field; this unit is handled below
        } else {
          if (unit === QUOTE) quotePending = true;
          else if (field === options.keyColumn) key.push(unit);
          if (unitEnd - recordStart > options.maxRecordBytes) {
            throw new FileScanError(
              `A quoted field starting in the record at byte ${recordStart} never closes (over ${options.maxRecordBytes} bytes): check the quotes in the file.`,
            );
          }
          continue;
        }
      }

      if (unit === QUOTE && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
        recordHasContent = true;
      } else if (unit === delimiter) {
        field++;
        atFieldStart = true;
        recordHasContent = true;
      } else if (unit === LF) {
        onRecordEnd(unitEnd);
      } else if (unit === CR) {
        pendingCr = true;
      } else {
        atFieldStart = false;
        recordHasContent = true;
        if (field === options.keyColumn) key.push(unit);
      }
      if (unitEnd - recordStart > options.maxRecordBytes && recordHasContent) {
        throw new FileScanError(`The record at byte ${recordStart} is longer than ${options.maxRecordBytes} bytes.`);
      }
    }
    offset += length;
  }
  if (utf8Check && validUtf8) {
    try {
      utf8Check.decode();
    } catch {
      validUtf8 = false;
    }
  }
  // A quote still open at the end makes the last record unreadable; the chunk reports it as a row error.
  onRecordEnd(offset);
  if (chunk) chunks.push(chunk);
  return { chunks, rows, duplicates, dataOffset: dataOffset < 0 ? offset : dataOffset, validUtf8 };
}

function encodeUnits(units: number[], bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    out[i * 2] = bigEndian ? u >> 8 : u & 0xff;
    out[i * 2 + 1] = bigEndian ? u & 0xff : u >> 8;
  });
  return out;
}

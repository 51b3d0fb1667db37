// Works out how a CSV file's bytes are text: a BOM names UTF-8 or UTF-16 outright; otherwise
// UTF-8 when the sample decodes strictly, else Windows-1252 (what Excel writes on Windows).
// Binary files are refused here, before anything is parsed.

export const SUPPORTED_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type CsvEncoding = (typeof SUPPORTED_ENCODINGS)[number];

export interface DetectedEncoding {
  encoding: CsvEncoding;
  /** Length of the byte-order mark at the start of the file (0 when there is none). */
  bomBytes: number;
}

export type EncodingRefusal = { refused: true; reason: string };

/** True when the bytes are a prefix of a file: a multibyte sequence may be cut at the end. */
function decodesAsUtf8(bytes: Uint8Array, truncated: boolean): boolean {
  let end = bytes.length;
  if (truncated) {
    // Step back over a trailing, possibly incomplete, sequence (at most 3 continuation bytes).
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1]! & 0xc0) === 0x80) back++;
    if (end - back - 1 >= 0 && bytes[end - back - 1]! >= 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Detects the encoding of a file from its first bytes.
 * @param sample the start of the file (a few hundred KB is plenty)
 * @param truncated whether the sample stops before the end of the file
 */
export function detectEncoding(sample: Uint8Array, truncated = false): DetectedEncoding | EncodingRefusal {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (sample.length >= 4 && sample[0] === 0x00 && sample[1] === 0x00 && sample[2] === 0xfe && sample[3] === 0xff) {
    return { refused: true, reason: 'The file is UTF-32, which is not supported: save it as UTF-8 CSV.' };
  }
  if (sample.length >= 4 && sample[0] === 0xff && sample[1] === 0xfe && sample[2] === 0x00 && sample[3] === 0x00) {
    return { refused: true, reason: 'The file is UTF-32, which is not supported: save it as UTF-8 CSV.' };
  }
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };

  // NUL bytes never occur in text of a single-byte or UTF-8 encoding: binary, or UTF-16 without a BOM.
  const probe = sample.subarray(0, Math.min(sample.length, 64 * 1024));
  let nul = 0;
  let control = 0;
  for (const b of probe) {
    if (b === 0) nul++;
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  if (nul > 0) {
    return {
      refused: true,
      reason: 'The file contains binary data (NUL bytes): it is not a CSV text file, or it is UTF-16 without a byte-order mark.',
    };
  }
  if (probe.length > 0 && control / probe.length > 0.01) {
    return { refused: true, reason: 'The file contains binary data: it is not a CSV text file.' };
  }
  if (decodesAsUtf8(sample, truncated)) return { encoding: 'utf-8', bomBytes: 0 };
  return { encoding: 'windows-1252', bomBytes: 0 };
}

export function isRefusal(value: DetectedEncoding | EncodingRefusal): value is EncodingRefusal {
  return 'refused' in value;
}

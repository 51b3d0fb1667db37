import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
const text = (await readFile('/tmp/p10k.csv', 'utf8'));
const body = text.slice(text.indexOf('\r\n') + 2);
for (const [name, opts] of Object.entries({
  minimal: {},
  relax: { relax_column_count: true, relax_quotes: true },
  recdelim: { record_delimiter: ['\r\n', '\n', '\r'] },
  all: { relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n', '\r'], skip_empty_lines: true, skip_records_with_error: true, max_record_size: 1 << 20 },
  buffer: { relax_column_count: true },
})) {
  const input = name === 'buffer' ? Buffer.from(body) : body;
  const t = performance.now();
  parse(input, opts as never);
  console.log(name, (performance.now() - t).toFixed(0), 'ms');
}

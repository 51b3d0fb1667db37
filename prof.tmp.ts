import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { prepareChunk } from './functions/src/modules/imports/process-chunk';
import { templateMapping } from './functions/src/modules/imports/profiles';
import { TEMPLATE_HEADERS } from './shared/csv/mapping-target';
import { parseChunk } from './functions/src/modules/imports/parse-chunk';
const text = (await readFile('/tmp/p10k.csv', 'utf8'));
const body = text.slice(text.indexOf('\r\n') + 2);
const headers = [...TEMPLATE_HEADERS];
for (let k = 0; k < 4; k++) {
let t = performance.now();
parseChunk(body, ',', 2);
const p = performance.now() - t;
t = performance.now();
prepareChunk(body, { id: 'x', objectKey: '', encoding: 'utf-8', delimiter: ',', headers, mapping: templateMapping(headers), options: { dedupeMode: 'update' }, dryRun: false, createdBy: null }, { chunkIndex: 0, byteStart: 0, byteEnd: 0, firstRow: 2, duplicateRows: [], duplicateOf: [] });
console.log('parse', p.toFixed(0), 'prepare(incl parse)', (performance.now() - t).toFixed(0));
}

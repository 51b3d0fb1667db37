// The staff app's weight on first load, checked by every build: the entry chunk and every chunk
// it imports statically (what the browser must fetch before the first screen), gzipped. Lazy
// chunks (the pages, the client portal and its sign-in with Amplify UI) are not part of it. The
// build prints that figure and the portal entry's, and fails once the staff figure reaches the
// budget.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The staff app's initial JavaScript must stay under this many gzipped bytes. */
export const STAFF_INITIAL_JS_BUDGET_BYTES = 300 * 1024;

/** What the measure needs of a Rollup output chunk. */
export interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: readonly string[];
}
export interface AssetLike {
  type: 'asset';
  fileName: string;
}
export type BundleLike = Record<string, ChunkLike | AssetLike>;

export interface ChunkSetSize {
  /** The chunks counted, the starting one first. */
  files: string[];
  gzipBytes: number;
}

const gzipSize = (code: string) => gzipSync(code, { level: 9 }).length;

/**
 * A chunk and everything it imports statically, transitively, gzipped one by one (as they are
 * served); chunks in `exclude` (already loaded) are not counted again.
 */
export function measureChunkSet(bundle: BundleLike, start: string, exclude: ReadonlySet<string> = new Set()): ChunkSetSize {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName) || exclude.has(fileName)) return;
    seen.add(fileName);
    const chunk = bundle[fileName];
    if (!chunk || chunk.type !== 'chunk') return;
    files.push(fileName);
    chunk.imports.forEach(visit);
  };
  visit(start);
  const gzipBytes = files.reduce((sum, file) => sum + gzipSize((bundle[file] as ChunkLike).code), 0);
  return { files, gzipBytes };
}

export interface BundleReport {
  staff: ChunkSetSize;
  /** The portal's own chunks beyond what the staff entry already loaded; null when there is none. */
  portal: ChunkSetSize | null;
  overBudget: boolean;
}

/** The staff entry is the bundle's entry chunk; the portal entry is the chunk of `portalModule`. */
export function bundleReport(bundle: BundleLike, portalModule: string, budgetBytes = STAFF_INITIAL_JS_BUDGET_BYTES): BundleReport {
  const chunks = Object.values(bundle).filter((c): c is ChunkLike => c.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) throw new Error('The bundle has no entry chunk.');
  const staff = measureChunkSet(bundle, entry.fileName);
  const portalChunk = chunks.find((c) => c.facadeModuleId?.endsWith(portalModule));
  const portal = portalChunk ? measureChunkSet(bundle, portalChunk.fileName, new Set(staff.files)) : null;
  return { staff, portal, overBudget: staff.gzipBytes >= budgetBytes };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function describeReport(report: BundleReport, budgetBytes = STAFF_INITIAL_JS_BUDGET_BYTES): string[] {
  return [
    `staff initial JS: ${kb(report.staff.gzipBytes)} gzipped in ${report.staff.files.length} chunks (budget ${kb(budgetBytes)})`,
    report.portal ? `portal entry: ${kb(report.portal.gzipBytes)} gzipped in ${report.portal.files.length} chunks (loaded for client users only)` : 'portal entry: not found in the bundle',
  ];
}

/** The Vite plugin: prints the report after every production build, fails the build over budget. */
export function bundleBudget(options: { portalModule: string; budgetBytes?: number }): Plugin {
  const budgetBytes = options.budgetBytes ?? STAFF_INITIAL_JS_BUDGET_BYTES;
  return {
    name: 'pivotal-bundle-budget',
    apply: 'build',
    generateBundle(_output, bundle) {
      const report = bundleReport(bundle as unknown as BundleLike, options.portalModule, budgetBytes);
      for (const line of describeReport(report, budgetBytes)) this.info(line);
      if (report.overBudget) {
        this.error(`The staff app's initial JS is ${kb(report.staff.gzipBytes)} gzipped, at or over its budget of ${kb(budgetBytes)}: move what the first screen does not need behind a lazy import.`);
      }
    },
  };
}

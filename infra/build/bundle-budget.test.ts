// The bundle measure: the entry and its static imports, transitively and once each, gzipped;
// lazy chunks left out; the portal counted beyond what the staff entry already loads; the
// budget's edge refused.
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleReport, measureChunkSet, type BundleLike, type ChunkLike } from './bundle-budget';

const chunk = (fileName: string, code: string, imports: string[] = [], extra: Partial<ChunkLike> = {}): ChunkLike => ({
  type: 'chunk',
  fileName,
  code,
  isEntry: false,
  facadeModuleId: null,
  imports,
  ...extra,
});
const bundleOf = (...chunks: ChunkLike[]): BundleLike => ({
  ...Object.fromEntries(chunks.map((c) => [c.fileName, c])),
  'styles.css': { type: 'asset', fileName: 'styles.css' },
});
const gz = (code: string) => gzipSync(code, { level: 9 }).length;
/** Incompressible code, so sizes differ clearly. */
const noise = (bytes: number) => randomBytes(bytes).toString('base64');

describe('the bundle budget measure', () => {
  const entry = noise(3000);
  const vendor = noise(2000);
  const shared = noise(500);
  const lazyPage = noise(9000);
  const portal = noise(4000);
  const amplifyUi = noise(6000);
  const bundle = bundleOf(
    chunk('index.js', entry, ['vendor.js', 'shared.js'], { isEntry: true, facadeModuleId: '/app/frontend/index.html' }),
    chunk('vendor.js', vendor, ['shared.js']),
    chunk('shared.js', shared),
    // Lazy: reached through dynamic imports only, never in the static import lists.
    chunk('page.js', lazyPage, ['vendor.js'], { facadeModuleId: '/app/frontend/src/pages/leads/leads-page.tsx' }),
    chunk('portal-app.js', portal, ['vendor.js', 'amplify-ui.js'], { facadeModuleId: '/app/frontend/src/portal/portal-app.tsx' }),
    chunk('amplify-ui.js', amplifyUi),
  );

  it('counts the entry and its static imports once each, gzipped, and no lazy chunk', () => {
    const size = measureChunkSet(bundle, 'index.js');
    expect(size.files).toEqual(['index.js', 'vendor.js', 'shared.js']);
    expect(size.gzipBytes).toBe(gz(entry) + gz(vendor) + gz(shared));
  });

  it("reports the portal's chunks beyond the staff entry's and keeps the staff figure free of them", () => {
    const report = bundleReport(bundle, 'portal/portal-app.tsx');
    expect(report.staff.files).not.toContain('amplify-ui.js');
    expect(report.portal?.files).toEqual(['portal-app.js', 'amplify-ui.js']);
    expect(report.portal?.gzipBytes).toBe(gz(portal) + gz(amplifyUi));
    expect(report.overBudget).toBe(false);
  });

  it('fails at the budget and not below it', () => {
    const staffBytes = gz(entry) + gz(vendor) + gz(shared);
    expect(bundleReport(bundle, 'portal/portal-app.tsx', staffBytes).overBudget).toBe(true);
    expect(bundleReport(bundle, 'portal/portal-app.tsx', staffBytes + 1).overBudget).toBe(false);
  });

  it('refuses a bundle without an entry and says when the portal is missing', () => {
    expect(() => bundleReport(bundleOf(chunk('a.js', 'x')), 'portal/portal-app.tsx')).toThrow(/no entry/);
    expect(bundleReport(bundleOf(chunk('a.js', 'x', [], { isEntry: true })), 'portal/portal-app.tsx').portal).toBeNull();
  });
});

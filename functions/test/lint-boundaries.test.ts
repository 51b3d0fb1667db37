// The boundary rule of eslint.config.js, run through ESLint's own API on planted imports: each
// forbidden import is reported, each allowed one is not.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
let eslint: ESLint;

async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === 'local/boundaries').map((m) => m.message);
}

describe('the boundary lint rule', () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  it("refuses an import of another module's internal file", async () => {
    const messages = await boundaryMessages('functions/src/modules/audience/planted.ts', "export { createExport } from '../imports/exports';\n");
    expect(messages).toEqual([expect.stringContaining('through its face')]);
  });

  it('refuses the same reach from outside the modules (a handler) and a dynamic import', async () => {
    expect(await boundaryMessages('functions/src/handlers/planted.ts', "export { accountsModule } from '../modules/accounts/routes';\n")).toHaveLength(1);
    expect(await boundaryMessages('functions/src/handlers/planted.ts', "export const load = () => import('../modules/accounts/routes');\n")).toHaveLength(1);
  });

  it("refuses another module's fixtures face outside tests", async () => {
    expect(await boundaryMessages('functions/src/modules/audience/planted.ts', "export { countQueries } from '../compliance/testing';\n")).toHaveLength(1);
  });

  it('refuses a feature importing a page, and a shared component importing a feature or a page', async () => {
    expect(await boundaryMessages('frontend/src/features/records/planted.ts', "export { useLists } from '@/pages/audience/audience-api';\n")).toHaveLength(1);
    expect(await boundaryMessages('frontend/src/components/ui/planted.ts', "export * from '../../features/records/planted-feature';\n")).toHaveLength(1);
    expect(await boundaryMessages('frontend/src/components/ui/planted.ts', "export * from '@/pages/accounts/planted-page';\n")).toHaveLength(1);
  });

  it("allows a module's own files, other modules' faces, fixtures faces from tests, and the layers below", async () => {
    const allowed: Array<[string, string]> = [
      ['functions/src/modules/audience/planted.ts', "export { withoutJit } from './lists';\nexport { contactViews } from '../accounts';\nexport { accountsModule } from '../accounts/index';\n"],
      ['functions/src/modules/audience/planted.test.ts', "export { countQueries } from '../compliance/testing';\n"],
      ['functions/src/composition.ts', "export { createExport } from './modules/imports';\n"],
      ['functions/src/records/planted.ts', "export { AppError } from '../core/app-error';\n"],
      ['frontend/src/pages/accounts/planted.ts', "export * from '@/features/records/planted-feature';\nexport * from '@/components/ui/button';\n"],
      ['frontend/src/features/records/planted.ts', "export * from '@/components/ui/button';\nexport * from '../../lib/utils';\n"],
    ];
    for (const [file, code] of allowed) expect(await boundaryMessages(file, code), file).toEqual([]);
  });
});

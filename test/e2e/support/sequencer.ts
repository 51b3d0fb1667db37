// The browser suite's order: the files that look at a stack's first, empty state (the imports
// history before any import) start first, each on a fresh stack of its own worker; the rest
// follow in vitest's usual order (the longest first).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const ON_A_FRESH_STACK = ['test/e2e/imports.e2e.test.ts'];

export class E2eSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const fresh = (file: TestSpecification) => ON_A_FRESH_STACK.some((name) => file.moduleId.endsWith(name));
    return [...sorted.filter(fresh), ...sorted.filter((file) => !fresh(file))];
  }
}

// Lint: typescript-eslint's recommended rules over the whole repository, with the React hooks
// rules left to the type checker and review, and one local rule keeping the layers apart.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const MODULES = 'functions/src/modules/';
const TEST_FILE = /(\.test\.tsx?|\/test-fixtures\.ts|\/test-context\.ts|\/testing\.ts)$|^functions\/test\//;

/** The repository-relative path an import names, or null for a package. */
function importedPath(fromFile, specifier) {
  if (specifier.startsWith('.')) return path.relative(ROOT, path.resolve(path.dirname(fromFile), specifier));
  if (specifier.startsWith('@/')) return path.join('frontend/src', specifier.slice(2));
  return null;
}

/**
 * Boundaries (docs/decisions/0005): another module is reached only through its face,
 * `modules/<m>/index.ts` (and, from tests, its fixtures face `modules/<m>/testing.ts`); in the SPA,
 * features never import pages, and shared components import neither.
 */
function boundaryProblem(file, target) {
  const into = target.startsWith(MODULES) ? target.slice(MODULES.length).split('/') : null;
  if (into && into.length > 1) {
    const [module, ...rest] = into;
    const inside = file.startsWith(`${MODULES}${module}/`);
    const entry = rest.join('/').replace(/\.tsx?$/, '');
    if (!inside && entry !== 'index' && !(entry === 'testing' && TEST_FILE.test(file))) {
      return `Import the ${module} module through its face (modules/${module}/index.ts${TEST_FILE.test(file) ? ' or testing.ts' : ''}), not ${entry}.`;
    }
  }
  if (file.startsWith('frontend/src/features/') && target.startsWith('frontend/src/pages/')) {
    return 'A feature may not import a page: move the shared piece into the feature or components/.';
  }
  if (file.startsWith('frontend/src/components/') && (target.startsWith('frontend/src/features/') || target.startsWith('frontend/src/pages/'))) {
    return 'Shared components know nothing of features or pages: move the piece down into components/ or lib/.';
  }
  return null;
}

const boundaries = {
  meta: { type: 'problem', docs: { description: 'Keeps modules behind their faces and SPA layers apart.' }, schema: [] },
  create(context) {
    const file = path.relative(ROOT, context.filename);
    const check = (source) => {
      if (!source || typeof source.value !== 'string') return;
      const target = importedPath(context.filename, source.value);
      const problem = target && boundaryProblem(file, target);
      if (problem) context.report({ node: source, message: problem });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'cdk.out/', '.data/', 'test-results/', 'coverage/', 'functions/src/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { local: { rules: { boundaries } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      'local/boundaries': 'error',
    },
  },
  {
    files: ['frontend/**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

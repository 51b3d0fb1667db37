// Every Lambda of the product is built the same way: the repository's own TypeScript bundled by
// the local esbuild (no Docker) for Node 22 on arm64, inside the VPC's app subnets, with the
// configuration variables functions/src/config/config.ts parses. All handlers are bundled in one
// esbuild run (ESM, the code they share split into chunks) into one asset that every function
// deploys; a function's handler is its own entry file. One run instead of one per function keeps
// `cdk synth` fast, and a function still loads only its entry and the chunks that entry imports.
import { copyFileSync, cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { acknowledge, LAMBDA_MANAGED_POLICY_FINDINGS } from '../nag';
import { REPO_ROOT } from '../settings';

/** What every server function shares: its network placement and the base environment. */
export interface ServerFunctionDefaults {
  vpc: ec2.IVpc;
  vpcSubnets: ec2.SubnetSelection;
  securityGroup: ec2.ISecurityGroup;
  environment: Record<string, string>;
}

export interface ServerFunctionProps {
  /** Entry file relative to the repository root (in functions/src/handlers), exporting `handler`. */
  entry: string;
  description: string;
  defaults: ServerFunctionDefaults;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
}

// esbuild's ESM output has no `require`; CommonJS dependencies (pg, the AWS SDK's) still call it.
const REQUIRE_BANNER = "import { createRequire as __pivotalCreateRequire } from 'node:module'; const require = __pivotalCreateRequire(import.meta.url);";

export const HANDLERS_DIR = 'functions/src/handlers';
export const MIGRATIONS_DIR = 'functions/src/db/migrations';

/**
 * mupdf (content previews) loads its WebAssembly from `mupdf-wasm.wasm` beside the module that
 * imports it (`new URL(…, import.meta.url)`), which esbuild cannot bundle: after bundling that
 * module is a chunk at the asset's root, so the file is copied there. The migrate function reads
 * the migrations from `migrations/` beside its code, likewise at the root.
 */
export const MUPDF_WASM = 'node_modules/mupdf/dist/mupdf-wasm.wasm';

/** The handler entry files (every .ts in functions/src/handlers but tests), relative to `root`. */
export function handlerEntries(root = REPO_ROOT): string[] {
  return readdirSync(path.join(root, HANDLERS_DIR))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort()
    .map((file) => `${HANDLERS_DIR}/${file}`);
}

/**
 * Bundles the handlers into `outputDir` in one esbuild run: `<name>.mjs` per entry, shared chunks
 * beside them, source maps, then mupdf's WebAssembly and the migrations. Throws on any build error.
 */
export function bundleServer(outputDir: string, options: { root?: string; entries?: string[] } = {}): void {
  const root = options.root ?? REPO_ROOT;
  const entries = options.entries ?? handlerEntries(root);
  buildSync({
    absWorkingDir: root,
    entryPoints: entries.map((entry) => path.join(root, entry)),
    outdir: outputDir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    banner: { js: REQUIRE_BANNER },
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    tsconfig: path.join(root, 'tsconfig.json'),
    // Bundle the AWS SDK too (the lockfile's versions, not the runtime's). PGlite stays in the
    // bundle although Lambda never opens it: in ESM output an external package imported anywhere
    // becomes a top-level import, which would fail at load. Its WASM is loaded from disk on first
    // use, which never comes on AWS. pg-native is pg's optional binding, required lazily
    // (CommonJS) and absent on purpose.
    external: ['pg-native'],
    logLevel: 'warning',
  });
  copyFileSync(path.join(root, MUPDF_WASM), path.join(outputDir, path.basename(MUPDF_WASM)));
  cpSync(path.join(root, MIGRATIONS_DIR), path.join(outputDir, 'migrations'), { recursive: true });
}

const codeOfStack = new WeakMap<Stack, lambda.Code>();

/** The one code asset of a stack's server functions, bundled on first use (skipped where the CDK skips bundling). */
function serverCode(scope: Construct): lambda.Code {
  const stack = Stack.of(scope);
  let code = codeOfStack.get(stack);
  if (!code) {
    code = lambda.Code.fromAsset(REPO_ROOT, {
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        // Never pulled: the local bundler below always succeeds or throws.
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22'),
        local: {
          tryBundle(outputDir: string) {
            bundleServer(outputDir);
            return true;
          },
        },
      },
    });
    codeOfStack.set(stack, code);
  }
  return code;
}

/** The Lambda handler of an entry: `<file name without .ts>.handler`. */
export const handlerOf = (entry: string) => `${path.basename(entry, '.ts')}.handler`;

export class ServerFunction extends lambda.Function {
  constructor(scope: Construct, id: string, props: ServerFunctionProps) {
    if (!handlerEntries().includes(props.entry)) throw new Error(`${props.entry} is not a handler in ${HANDLERS_DIR}.`);
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      code: serverCode(scope),
      handler: handlerOf(props.entry),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(29),
      vpc: props.defaults.vpc,
      vpcSubnets: props.defaults.vpcSubnets,
      securityGroups: [props.defaults.securityGroup],
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.defaults.environment, ...props.environment },
    });
    acknowledge(
      this,
      LAMBDA_MANAGED_POLICY_FINDINGS,
      'The AWS-managed Lambda policies grant exactly log delivery and the ENI management a function in a VPC needs; a copy of them would only drift.',
    );
    acknowledge(
      this,
      ['AwsSolutions-L1'],
      'nodejs22.x is the runtime the code is built (esbuild target node22) and tested for; moving to the next LTS is a deliberate change of the build target.',
    );
  }
}

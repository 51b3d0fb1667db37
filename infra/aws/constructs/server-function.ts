// Every Lambda of the product is built the same way: the repository's own TypeScript bundled by
// the local esbuild (no Docker) into one ESM file for Node 22 on arm64, inside the VPC's app
// subnets, with the configuration variables functions/src/config/config.ts parses.
import path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
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
  /** Entry file relative to the repository root, exporting `handler`. */
  entry: string;
  description: string;
  defaults: ServerFunctionDefaults;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  /** Copy functions/src/db/migrations beside the bundle (the migrate function reads them there). */
  withMigrations?: boolean;
}

// esbuild's ESM output has no `require`; CommonJS dependencies (pg, the AWS SDK's) still call it.
const REQUIRE_BANNER = "import { createRequire as __pivotalCreateRequire } from 'node:module'; const require = __pivotalCreateRequire(import.meta.url);";

export const MIGRATIONS_DIR = 'functions/src/db/migrations';

/**
 * mupdf (content previews) loads its WebAssembly from `mupdf-wasm.wasm` beside the module that
 * imports it (`new URL(…, import.meta.url)`), which esbuild cannot bundle: after bundling that is
 * beside index.mjs. A bundle that names the file gets a copy; the others stay 10 MB lighter.
 */
export const MUPDF_WASM = 'node_modules/mupdf/dist/mupdf-wasm.wasm';

/** Shell commands run after esbuild wrote `outputDir/index.mjs` (inputDir: the repository root). */
export function afterBundlingCommands(inputDir: string, outputDir: string, options: { withMigrations?: boolean } = {}): string[] {
  const wasm = path.basename(MUPDF_WASM);
  return [
    ...(options.withMigrations ? [`cp -R "${path.join(inputDir, MIGRATIONS_DIR)}" "${path.join(outputDir, 'migrations')}"`] : []),
    `if grep -q "${wasm}" "${path.join(outputDir, 'index.mjs')}"; then cp "${path.join(inputDir, MUPDF_WASM)}" "${path.join(outputDir, wasm)}"; fi`,
  ];
}

export class ServerFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ServerFunctionProps) {
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      entry: path.join(REPO_ROOT, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(29),
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      vpc: props.defaults.vpc,
      vpcSubnets: props.defaults.vpcSubnets,
      securityGroups: [props.defaults.securityGroup],
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.defaults.environment, ...props.environment },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
        // Bundle the AWS SDK too (the lockfile's versions, not the runtime's). PGlite stays in the
        // bundle although Lambda never opens it: in ESM output an external package imported
        // anywhere becomes a top-level import, which would fail at load. Only its JS is bundled
        // (~0.5 MB); its WASM is loaded from disk on first use, which never comes on AWS.
        // pg-native is pg's optional binding, required lazily (CommonJS) and absent on purpose.
        externalModules: ['pg-native'],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => afterBundlingCommands(inputDir, outputDir, { withMigrations: props.withMigrations ?? false }),
        },
      },
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

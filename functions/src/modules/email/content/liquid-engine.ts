// The one way this module builds a Liquid engine: own properties only, no file system (include,
// render and layout find nothing), and bounds on parse size, render time and memory, so a template
// can neither read the server's files nor stall a sending batch.
import { Liquid } from 'liquidjs';

const NO_TEMPLATES: Record<string, string> = {};

/** Characters a template may hold (the HTML limit, with room for the plain-text part). */
const PARSE_LIMIT = 2 * 1024 * 1024;
/** Milliseconds one render may take: a message renders in well under one. */
const RENDER_LIMIT_MS = 250;
/** Liquidjs's allocation units for one render: enough for a 512 KB message many times over. */
const MEMORY_LIMIT = 50_000_000;

export interface LiquidEngineOptions {
  /** HTML-escape every output (the HTML part); off for subject, preheader and plain text. */
  escapeOutput: boolean;
  /** Save-time checking: an undefined variable is an error. */
  strictVariables: boolean;
}

export function createLiquid({ escapeOutput, strictVariables }: LiquidEngineOptions): Liquid {
  return new Liquid({
    ownPropertyOnly: true,
    strictVariables,
    templates: NO_TEMPLATES,
    parseLimit: PARSE_LIMIT,
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
    ...(escapeOutput ? { outputEscape: 'escape' as const } : {}),
  });
}

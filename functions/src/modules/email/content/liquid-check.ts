// Save-time Liquid checks of each part (subject, preheader, HTML, plain text): it parses; every
// variable it reads is a merge field (wherever it sits, rendered or not); the HTML never writes a
// value unescaped (`| raw`); and it renders against the sample context with strict variables, so a
// missing include or a bad filter argument is found before anyone sends.
import type { ContentIssue } from '@shared/contracts/email-content';
import type { Liquid, Template } from 'liquidjs';
import { createLiquid } from './liquid-engine';
import { splitLiquid } from './liquid-text';
import { mergePathKind, sampleMergeContext } from './merge-fields';

export interface LiquidParts {
  subject: string;
  preheader: string;
  html: string;
  text: string;
}

/** Properties Liquid itself gives every value. */
const BUILT_IN_PROPERTIES = new Set(['size', 'first', 'last']);

let strictEngine: Liquid | undefined;
const engine = () => (strictEngine ??= createLiquid({ escapeOutput: false, strictVariables: true }));

interface LiquidErrorLike {
  message: string;
  token?: { getPosition?: () => number[] };
}

/** Liquid's message without the ", line:1, col:4" it appends (the line is reported apart). */
function issueOf(field: string, error: unknown, prefix: string): ContentIssue {
  const e = error as LiquidErrorLike;
  const message = String(e?.message ?? error).replace(/, line:\d+, col:\d+$/, '');
  const line = e?.token?.getPosition?.()[0];
  return { field, reason: `${prefix}${message}`, ...(line === undefined ? {} : { line }) };
}

/** The first unknown part of a variable's path, or null when it names a merge field. */
function unknownPath(segments: ReadonlyArray<unknown>): string | null {
  const path: string[] = [];
  for (const segment of segments) {
    if (typeof segment !== 'string') return null;
    path.push(segment);
    const kind = mergePathKind(path.join('.'));
    if (kind === 'field') {
      const rest = segments.slice(path.length);
      return rest.every((s) => typeof s !== 'string' || BUILT_IN_PROPERTIES.has(s)) ? null : path.concat(String(rest[0])).join('.');
    }
    if (kind === undefined) return path.join('.');
  }
  return null;
}

/** A sample URL for each `content.<name>` the template uses: their names are known only per campaign, at sending. */
function withSampleContent(templates: Template[], context: Record<string, unknown>): Record<string, unknown> {
  const names = Object.values(engine().analyzeSync(templates, { partials: false }).globals)
    .flat()
    .map((v) => v.segments)
    .filter((s) => s[0] === 'content' && typeof s[1] === 'string')
    .map((s) => String(s[1]));
  if (names.length === 0) return context;
  const samples = Object.fromEntries(names.map((name) => [name, `https://pivotal.example/r/sample-${name}`]));
  return { ...context, content: { ...((context.content as Record<string, unknown> | undefined) ?? {}), ...samples } };
}

function unknownVariables(field: string, templates: Template[]): ContentIssue[] {
  const analysis = engine().analyzeSync(templates, { partials: false });
  const issues: ContentIssue[] = [];
  for (const variables of Object.values(analysis.globals)) {
    for (const variable of variables) {
      const unknown = unknownPath(variable.segments);
      if (unknown !== null) issues.push({ field, reason: `unknown merge field "${unknown}"`, line: variable.location.row });
    }
  }
  return issues;
}

function lineAt(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

function rawOutputs(field: string, source: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  let index = 0;
  for (const part of splitLiquid(source)) {
    if (part.startsWith('{{') && /\|\s*raw\b/.test(part)) {
      issues.push({ field, reason: `"${part}" writes a value without escaping it: remove "| raw"`, line: lineAt(source, index) });
    }
    index += part.length;
  }
  return issues;
}

function checkPart(field: string, source: string, context: Record<string, unknown>): ContentIssue[] {
  let templates: Template[];
  try {
    templates = engine().parse(source);
  } catch (error) {
    return [issueOf(field, error, 'Liquid syntax: ')];
  }
  const found = [...unknownVariables(field, templates), ...(field === 'html' ? rawOutputs(field, source) : [])];
  if (found.length > 0) return found;
  try {
    engine().renderSync(templates, withSampleContent(templates, context));
    return [];
  } catch (error) {
    return [issueOf(field, error, '')];
  }
}

/**
 * The Liquid issues of each part. The plain text is written from the HTML, so an issue already
 * reported for the HTML is not reported again for the text.
 */
export function checkLiquid(parts: LiquidParts): ContentIssue[] {
  const context = sampleMergeContext();
  const issues = (['subject', 'preheader', 'html'] as const).flatMap((field) => checkPart(field, parts[field], context));
  const htmlReasons = new Set(issues.filter((i) => i.field === 'html').map((i) => i.reason));
  return [...issues, ...checkPart('text', parts.text, context).filter((i) => !htmlReasons.has(i.reason))];
}

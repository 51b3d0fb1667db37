// Per-recipient rendering at send time. Each part is parsed once per campaign, then rendered for
// every recipient with the synchronous renderer: HTML outputs escaped (the sanitized markup in the
// template is template text, not output, so it is untouched), subject and plain text as they are.
// Variables are not strict here: a missing value is empty and `| default:` applies.
import type { Liquid, Template } from 'liquidjs';
import { AppError } from '../../../core/app-error';
import { createLiquid } from './liquid-engine';

export interface MessageParts {
  subject: string;
  html: string;
  text: string;
}

export interface Personalizer {
  /** One recipient's message; throws an AppError naming the part that failed to render. */
  render(context: Record<string, unknown>): MessageParts;
}

const PARTS = ['subject', 'html', 'text'] as const;
type Part = (typeof PARTS)[number];

function failure(part: Part, stage: 'parse' | 'render', error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('unprocessable', { detail: `${part}: could not ${stage} the template: ${message}`, errors: [{ field: part, message }], cause: error });
}

export function createPersonalizer(templates: MessageParts): Personalizer {
  const html = createLiquid({ escapeOutput: true, strictVariables: false });
  const plain = createLiquid({ escapeOutput: false, strictVariables: false });
  const engines: Record<Part, Liquid> = { subject: plain, html, text: plain };
  const parsed = {} as Record<Part, Template[]>;
  for (const part of PARTS) {
    try {
      parsed[part] = engines[part].parse(templates[part]);
    } catch (error) {
      throw failure(part, 'parse', error);
    }
  }
  const renderPart = (part: Part, context: Record<string, unknown>): string => {
    try {
      return String(engines[part].renderSync(parsed[part], context));
    } catch (error) {
      throw failure(part, 'render', error);
    }
  };
  return {
    render: (context) => ({
      subject: oneLine(renderPart('subject', context)),
      html: renderPart('html', context),
      text: renderPart('text', context),
    }),
  };
}

/** A subject is one header line, whatever a merge value holds. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

let linkEngine: Liquid | undefined;

/**
 * A tracked link's target for one recipient, from `links[index].url` of prepareTracking: what
 * the click redirect sends the recipient to when the href was written with Liquid.
 */
export function renderLinkTarget(url: string, context: Record<string, unknown>): string {
  linkEngine ??= createLiquid({ escapeOutput: false, strictVariables: false });
  return String(linkEngine.parseAndRenderSync(url, context)).trim();
}

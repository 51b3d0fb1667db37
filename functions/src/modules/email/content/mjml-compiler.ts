// MJML to HTML with mjml 5. The package is large and slow to load, so it is imported on the
// first compile and kept; compiling happens when content is saved, never per recipient.
import type { ContentIssue } from '@shared/contracts/email-content';
import type mjml2html from 'mjml';
import { protectLiquid } from './liquid-text';

type Mjml2Html = typeof mjml2html;
let loading: Promise<Mjml2Html> | undefined;

function loadMjml(): Promise<Mjml2Html> {
  loading ??= import('mjml').then((m) => m.default);
  return loading;
}

export interface MjmlCompileResult {
  html: string;
  /** MJML's validation complaints (soft: the HTML is still produced). */
  issues: ContentIssue[];
}

export async function compileMjml(mjml: string): Promise<MjmlCompileResult> {
  const compile = await loadMjml();
  const hidden = protectLiquid(mjml);
  const result = await compile(hidden.text, { validationLevel: 'soft', keepComments: false });
  return {
    html: hidden.restore(result.html),
    issues: result.errors.map((e) => ({ field: 'mjml', reason: hidden.restore(e.message), line: e.line })),
  };
}

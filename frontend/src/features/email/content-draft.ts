// The content being edited (a campaign variant's or a template's), what the API takes to save
// it, and its problems said in the editor's words: a path into the block document becomes
// "Button: Learn more — link: …".
import { emailDocumentSchema, newEmailDocument, saveEmailContentSchema, type ContentMode, type EmailDocument, type SaveEmailContentInput } from '@shared/contracts/email-content';
import { describeBlock } from './editor/block-defaults';

export interface ContentDraft {
  mode: ContentMode;
  /** Kept while in HTML mode too, so switching back loses nothing in this session. */
  document: EmailDocument;
  html: string;
  subject: string;
  preheader: string;
}

export function draftFrom(source: { mode: ContentMode; document: unknown; html: string; subject: string; preheader?: string | null }): ContentDraft {
  const parsed = emailDocumentSchema.safeParse(source.document);
  return {
    mode: source.mode,
    document: parsed.success ? parsed.data : newEmailDocument(),
    html: source.html ?? '',
    subject: source.subject ?? '',
    preheader: source.preheader ?? '',
  };
}

export function toSaveInput(draft: ContentDraft): SaveEmailContentInput {
  const base = { mode: draft.mode, subject: draft.subject, preheader: draft.preheader };
  return draft.mode === 'blocks' ? { ...base, document: draft.document } : { ...base, html: draft.html };
}

/** Problems by field: `subject`, `preheader`, `html`, and everything in the document under `document`. */
export type ContentErrors = Partial<Record<'subject' | 'preheader' | 'html' | 'document', string[]>>;

/** Which block or section a document path points into, in words. */
export function describeDocumentPath(doc: EmailDocument, path: readonly (string | number)[]): string {
  const [, s, , c, , b, field] = path.map((p) => (typeof p === 'number' ? p : /^\d+$/.test(p) ? Number(p) : p));
  if (path[0] === 'sections' && typeof s === 'number') {
    const section = doc.sections[s];
    if (typeof c === 'number' && typeof b === 'number') {
      const block = section?.columns[c]?.blocks[b];
      if (block) return `${describeBlock(block)}${field ? ` — ${String(field)}` : ''}`;
    }
    return `Section ${s + 1}`;
  }
  if (path[0] === 'settings') return `Email settings — ${String(path[1] ?? '')}`;
  return 'The email';
}

function errorsOf(draft: ContentDraft, issues: Array<{ path: readonly PropertyKey[]; message: string }>): ContentErrors {
  const errors: ContentErrors = {};
  for (const issue of issues) {
    const [head, ...rest] = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
    if (head === 'subject' || head === 'preheader' || head === 'html') (errors[head] ??= []).push(issue.message);
    else (errors.document ??= []).push(rest.length ? `${describeDocumentPath(draft.document, rest)}: ${issue.message}` : issue.message);
  }
  return errors;
}

/** The same check the API makes, so an unsaveable draft is said at once and not sent. */
export function validateDraft(draft: ContentDraft): ContentErrors | null {
  const result = saveEmailContentSchema.safeParse(toSaveInput(draft));
  return result.success ? null : errorsOf(draft, result.error.issues);
}

/**
 * An API refusal's field errors in the same shape. A variant's save names the content's fields
 * (`subject`, `document.sections.0…`, `mjml`); a template's nests them under `content.`. The
 * compiled parts (`mjml`, `text`) have no field of their own: they are said with the document.
 */
export function errorsFromApi(draft: ContentDraft, fieldErrors: Record<string, string[]>): ContentErrors {
  return errorsOf(
    draft,
    Object.entries(fieldErrors).flatMap(([path, messages]) => {
      const parts = path.split('.').filter(Boolean);
      const inContent = parts[0] === 'content' ? parts.slice(1) : parts;
      const labelled = inContent.length === 1 && COMPILED_PARTS[inContent[0]!];
      return messages.map((message) => (labelled ? { path: [], message: `${labelled}: ${message}` } : { path: inContent, message }));
    }),
  );
}

const COMPILED_PARTS: Partial<Record<string, string>> = { mjml: 'The compiled layout', text: 'The plain-text part' };

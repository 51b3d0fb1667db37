// Merge tags as the author inserts them: a Liquid output of a merge field with a `default:`
// fallback, so a contact without the value reads naturally instead of showing a gap.

/** `{{ contact.first_name | default: "" }}`; the fallback's quotes and backslashes are escaped. */
export function mergeTag(key: string, fallback = ''): string {
  const quoted = fallback.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return `{{ ${key} | default: "${quoted}" }}`;
}

/** Puts `insert` in place of the selection `[start, end)` and answers the new value and caret. */
export function insertAt(value: string, start: number | null, end: number | null, insert: string): { value: string; caret: number } {
  const from = Math.max(0, Math.min(start ?? value.length, value.length));
  const to = Math.max(from, Math.min(end ?? from, value.length));
  return { value: value.slice(0, from) + insert + value.slice(to), caret: from + insert.length };
}

export type MergeTextPart = { kind: 'text'; text: string } | { kind: 'field'; key: string; fallback: string; source: string };

const OUTPUT_TAG = /\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|\s*default:\s*"((?:[^"\\]|\\.)*)"\s*)?\}\}/g;

/** Plain text cut at each merge field (`{{ key }}` or `{{ key | default: "…" }}`), for showing fields as chips. */
export function splitMergeTags(text: string): MergeTextPart[] {
  const parts: MergeTextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(OUTPUT_TAG)) {
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    parts.push({ kind: 'field', key: match[1]!, fallback: (match[2] ?? '').replace(/\\(.)/g, '$1'), source: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** How the editor's canvas marks a merge field (an outline in the text's own colour, no fill, so the text keeps its contrast). */
export const MERGE_CHIP_CLASS = 'mx-px rounded-sm px-1 ring-1 ring-current/40 ring-inset';

/** `contact.first_name` → "First name". */
export function fieldLabel(key: string): string {
  const name = (key.split('.').at(-1) ?? key).replace(/_/g, ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

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

// A note is written as plain text with @mentions and stored as a small HTML fragment (the server
// sanitizes it again): paragraphs, line breaks, and mentions as `<span data-mention="id">`.

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface Mention {
  id: string;
  name: string;
}

/** The note's HTML: each blank-line-separated block a paragraph, each chosen `@Name` a mention. */
export function noteToHtml(text: string, mentions: readonly Mention[]): string {
  // One pass, longest name first, so "@Sam Lee" is not also read as "@Sam".
  const byToken = new Map([...mentions].sort((a, b) => b.name.length - a.name.length).map((m) => [escapeHtml(`@${m.name}`), m.id]));
  const pattern = byToken.size ? new RegExp([...byToken.keys()].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : null;
  return text
    .trim()
    .split(/\n{2,}/)
    .map((block) => {
      const escaped = escapeHtml(block);
      const html = pattern ? escaped.replace(pattern, (token) => `<span data-mention="${byToken.get(token)}">${token}</span>`) : escaped;
      return `<p>${html.replace(/\n/g, '<br>')}</p>`;
    })
    .join('');
}

/** The word being typed after an `@` at the caret, if any. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{N}._-]{0,30})$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

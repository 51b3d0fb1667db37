import { describe, expect, it } from 'vitest';
import { mentionQueryAt, noteToHtml } from './note-html';

describe('note text to HTML', () => {
  it('escapes markup, keeps paragraphs and line breaks, and marks chosen mentions', () => {
    const html = noteToHtml('Call <b>Ada</b> & ask @Sam Lee\nabout Q3\n\nThanks @Sam', [
      { id: 'u1', name: 'Sam Lee' },
      { id: 'u2', name: 'Sam' },
    ]);
    expect(html).toBe(
      '<p>Call &lt;b&gt;Ada&lt;/b&gt; &amp; ask <span data-mention="u1">@Sam Lee</span><br>about Q3</p><p>Thanks <span data-mention="u2">@Sam</span></p>',
    );
  });

  it('finds the mention being typed at the caret only after a space or at the start', () => {
    expect(mentionQueryAt('hi @al', 6)).toEqual({ start: 3, query: 'al' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail a@b', 8)).toBeNull();
  });
});

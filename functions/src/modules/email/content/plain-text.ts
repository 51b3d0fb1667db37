// The plain-text part, written from the compiled HTML: links kept as `text [url]`, images and the
// hidden preheader dropped, headings in the author's case, lines unwrapped. Liquid passes through
// untouched (the converter would otherwise wrap or upper-case it), so the text part personalizes too.
import { convert, type HtmlToTextOptions } from 'html-to-text';
import { protectLiquid } from './liquid-text';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } }));

const OPTIONS: HtmlToTextOptions = {
  // Wrapping the template would wrap around placeholders, not the values a recipient sees.
  wordwrap: false,
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['[', ']'] } },
    // The preheader: MJML and the HTML mode both hide it with display:none.
    { selector: 'div[style*="display:none"]', format: 'skip' },
    { selector: 'table', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'td', format: 'block' },
    { selector: 'th', format: 'block' },
    ...HEADINGS,
  ],
};

/** Layout tables leave blank runs and trailing spaces behind: at most one empty line between blocks. */
const tidy = (text: string) =>
  text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

export function htmlToPlainText(html: string): string {
  const hidden = protectLiquid(html);
  return tidy(hidden.restore(convert(hidden.text, OPTIONS)));
}

// The frame of the small server-rendered pages people reach from links (an email's preference
// page, a content link's landing page): no script, not indexed, the page's own style inline.
const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A whole HTML document around `body` (already escaped HTML), titled `title` (plain text). */
export function publicPage(input: { title: string; style: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeText(input.title)}</title>
<style>${input.style}</style>
</head>
<body>
<main>
${input.body}
</main>
</body>
</html>
`;
}

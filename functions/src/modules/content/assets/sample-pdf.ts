// A small, valid one-page PDF (Helvetica text, a coloured band) written by hand: the demo library's
// whitepaper and the tests' uploads. The cross-reference table's offsets are computed, so any
// reader (mupdf included) opens it without repair.

/** PDF string literal escaping; non-Latin-1 characters become '?'. */
const pdfText = (text: string) => text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (ch) => `\\${ch}`);

export function samplePdf(title: string, lines: string[], accent: [number, number, number] = [0.16, 0.32, 0.86]): Uint8Array {
  const body = lines.map((line, i) => `BT /F1 12 Tf 72 ${640 - i * 18} Td (${pdfText(line)}) Tj ET`).join('\n');
  const content = [
    `${accent.join(' ')} rg 0 700 612 92 re f`,
    `1 1 1 rg BT /F2 26 Tf 72 736 Td (${pdfText(title)}) Tj ET`,
    `0.1 0.1 0.1 rg`,
    body,
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

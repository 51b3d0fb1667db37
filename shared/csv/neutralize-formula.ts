// Spreadsheet formula injection: a cell a spreadsheet would read as a formula gets a leading
// apostrophe, which Excel, LibreOffice and Google Sheets show as text and never evaluate. The
// importer undoes exactly that, so our own export imports back unchanged.

const FORMULA_START = /^[=+\-@\t\r\0]/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The inverse of neutralizeFormula: one leading apostrophe goes only when what follows would have
 * been neutralized (`'+44 20…` → `+44 20…`); any other apostrophe is the value's own (`'90s`).
 */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

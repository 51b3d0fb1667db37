// Spreadsheet formula injection: a cell a spreadsheet would read as a formula gets a leading
// apostrophe, which Excel, LibreOffice and Google Sheets show as text and never evaluate.

const FORMULA_START = /^[=+\-@\t\r\0]/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

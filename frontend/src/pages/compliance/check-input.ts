// Reads the check tool's text box: values one a line (or separated by commas or semicolons);
// a value with an @ is an email, anything else is read as a phone number.

export function splitCheckInput(text: string): { emails: string[]; phones: string[] } {
  const values = text
    .split(/[\n,;]+/)
    .map((v) => v.trim())
    .filter(Boolean);
  return { emails: values.filter((v) => v.includes('@')), phones: values.filter((v) => !v.includes('@')) };
}

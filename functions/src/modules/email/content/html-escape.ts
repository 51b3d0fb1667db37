// Escaping for the HTML this module writes (text content, double-quoted attribute values), and
// the control characters no message part may hold.

export const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const escapeAttribute = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

// C0 controls other than tab and newlines, and DEL: never meaningful in a message, and the
// tracking step marks link positions with two of them.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export const withoutControlCharacters = (s: string): string => s.replace(CONTROL_CHARACTERS, '');

// Opaque list cursors: the sort field, direction, the last row's sort value (as Postgres printed
// it, so timestamps keep their microseconds) and id, base64url-encoded JSON. A cursor from another
// sort or order is refused rather than silently giving a wrong page.
import { invalid } from '../core/app-error';

export interface CursorPosition {
  sort: string;
  order: 'asc' | 'desc';
  value: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.order, position.value, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expected: { sort: string; order: 'asc' | 'desc' }): CursorPosition {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('query.cursor', 'is not a cursor this API gave out');
  }
  if (
    !Array.isArray(parts) ||
    parts.length !== 4 ||
    typeof parts[0] !== 'string' ||
    (parts[1] !== 'asc' && parts[1] !== 'desc') ||
    typeof parts[2] !== 'string' ||
    typeof parts[3] !== 'string' ||
    !UUID.test(parts[3])
  ) {
    throw invalid('query.cursor', 'is not a cursor this API gave out');
  }
  if (parts[0] !== expected.sort || parts[1] !== expected.order) {
    throw invalid('query.cursor', 'belongs to another sort order: start again from the first page');
  }
  return { sort: parts[0], order: parts[1], value: parts[2], id: parts[3] };
}

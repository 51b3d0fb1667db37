// Text Postgres cannot store (U+0000, unpaired surrogates) is refused at the edge, naming the
// field, before any schema or query sees it: the handler kit checks every request part, and a route
// that parses its own raw body checks what it parsed.
import { invalid } from '../core/app-error';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why Postgres could not store this text, or null when it can. */
function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(text)) return 'must not contain an unpaired surrogate (a lone \\ud800-\\udfff escape)';
  return null;
}

/**
 * Refuses text Postgres cannot store anywhere in a request part, keys included: U+0000, and the
 * unpaired surrogates a JSON `\\ud800` escape yields (no UTF-8 form). Either would otherwise fail
 * whichever query it reached with a 500. Walks without recursion, so no depth escapes it.
 */
export function refuseUnstorableText(value: unknown, field: string): void {
  const stack: Array<{ value: unknown; field: string }> = [{ value, field }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const reason = unstorable(item.value);
      if (reason) throw invalid(item.field, reason);
    } else if (item.value && typeof item.value === 'object') {
      for (const [key, child] of Object.entries(item.value)) {
        const keyReason = unstorable(key);
        if (keyReason) throw invalid(item.field, `has a key that ${keyReason}`);
        stack.push({ value: child, field: `${item.field}.${key}` });
      }
    }
  }
}

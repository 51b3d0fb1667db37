// The queue's order as the analyst last saw it, so "next lead" on the review page follows the
// queue they came from (its filters and order), kept for the tab's session.
const KEY = 'pivotal.leads.queue-order';

export function rememberQueueOrder(ids: readonly string[], search: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ ids, search }));
  } catch {
    // Storage refused (private mode, quota): "next" falls back to the API's queue.
  }
}

export function recalledQueue(): { ids: string[]; search: string } | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { ids?: unknown; search?: unknown };
    if (!Array.isArray(parsed.ids)) return null;
    return { ids: parsed.ids.filter((id): id is string => typeof id === 'string'), search: typeof parsed.search === 'string' ? parsed.search : '' };
  } catch {
    return null;
  }
}

/** The lead after `current` in `ids` (null at the end or when `current` is not listed). */
export function nextInOrder(ids: readonly string[], current: string): string | null {
  const at = ids.indexOf(current);
  return at >= 0 && at + 1 < ids.length ? ids[at + 1]! : null;
}

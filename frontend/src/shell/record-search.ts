// Record search for the command palette over GET /api/search (accounts and contacts). It is
// used only while the API answers it, and a result is offered only when the app has a page to
// open it on — the palette never lists something it cannot take you to.
// Type-only: the accounts contract module pulls in the normalizers (and the public suffix list),
// which the shell's first chunk should not carry.
import type { SearchResponse } from '@shared/contracts/accounts';
import type { Role } from '@shared/roles';
import { api, ApiError } from '@/lib/api';
import { entriesFor } from './navigation';

export interface RecordHit {
  id: string;
  kind: 'account' | 'contact';
  label: string;
  detail: string | undefined;
  path: string;
}

/** The page a record opens on: `/<list page>/<id>` when the user may open that list page. */
export function recordPath(kind: RecordHit['kind'], id: string, roles: readonly Role[]): string | null {
  const listId = kind === 'account' ? 'accounts' : 'contacts';
  const entry = entriesFor(roles).find((candidate) => candidate.id === listId);
  return entry ? `${entry.path}/${id}` : null;
}

/** True when at least one kind of record has a page this user may open (else search is pointless). */
export function canOpenRecords(roles: readonly Role[]): boolean {
  return recordPath('account', 'x', roles) !== null || recordPath('contact', 'x', roles) !== null;
}

function isSearchResponse(body: unknown): body is SearchResponse {
  const candidate = body as Partial<SearchResponse> | null;
  return Array.isArray(candidate?.accounts) && Array.isArray(candidate?.contacts);
}

/** Remembers a 404/403 so a missing or forbidden search is not asked again on every keystroke. */
let unavailable = false;

export async function searchRecords(q: string, roles: readonly Role[], signal: AbortSignal): Promise<RecordHit[]> {
  if (unavailable) return [];
  let body: unknown;
  try {
    body = await api.get<unknown>('/api/search', { q, limit: 5 }, signal);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) unavailable = true;
    return [];
  }
  if (!isSearchResponse(body)) return [];
  const hits: RecordHit[] = [];
  for (const account of body.accounts) {
    const path = recordPath('account', account.id, roles);
    if (path) hits.push({ id: account.id, kind: 'account', label: account.name, detail: account.domain ?? undefined, path });
  }
  for (const contact of body.contacts) {
    const path = recordPath('contact', contact.id, roles);
    const label = contact.fullName ?? contact.email ?? 'Unnamed contact';
    if (path) hits.push({ id: contact.id, kind: 'contact', label, detail: contact.email ?? contact.account?.name ?? undefined, path });
  }
  return hits;
}

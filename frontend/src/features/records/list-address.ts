// The address a list was last seen at (with its filter, search, sort and layout), so a record's
// "back" link returns to the same view rather than to an unfiltered list.
const lastSearch = new Map<string, string>();

export function rememberListAddress(listPath: string, search: string): void {
  lastSearch.set(listPath, search);
}

export function listAddress(listPath: string): string {
  const search = lastSearch.get(listPath);
  return search ? `${listPath}?${search}` : listPath;
}

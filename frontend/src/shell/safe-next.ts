// Where to go after signing in: the page asked for before, if it is one of ours.

/** Only same-site paths are followed after sign-in (never an absolute URL from the query). */
export function safeNext(search: string, fallback = '/'): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') && !next.startsWith('/portal/sign-in') ? next : fallback;
}

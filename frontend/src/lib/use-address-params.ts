// A list page's filters live in the address, so a filtered view can be bookmarked and shared.
// `set` patches the search parameters (an empty value removes its key) and replaces the history
// entry, so Back leaves the page instead of stepping through every filter change.
import { useCallback } from 'react';
import { useSearchParams } from 'wouter';

export interface AddressParams {
  params: URLSearchParams;
  set: (change: Record<string, string | undefined>) => void;
}

export function useAddressParams(): AddressParams {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (change: Record<string, string | undefined>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(change)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { params, set };
}

/** The parameter's value when it is one of `allowed` (a hand-edited address may hold anything). */
export const pickParam = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

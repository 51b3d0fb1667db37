// Saves an edited value a moment after the last change, one save at a time, and says where it
// stands (saved, waiting, saving, not saveable, refused). A value the API would refuse is not
// sent; leaving the page with a change not yet saved asks first, and unmounting saves it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, describeError } from '@/lib/api';

export type AutosaveStatus = 'saved' | 'pending' | 'saving' | 'invalid' | 'error' | 'stale';

export interface AutosaveState<E> {
  status: AutosaveStatus;
  /** The last check's or refusal's problems (invalid, or a 400 naming fields). */
  errors: E | null;
  /** A sentence for a refusal that named no field. */
  message: string | null;
  savedAt: Date | null;
  /** Saves now (the Save button, or before leaving). */
  flush: () => Promise<void>;
}

export interface AutosaveOptions<T, E> {
  value: T;
  save: (value: T) => Promise<void>;
  /** Problems that keep the value from being sent, or null. */
  validate: (value: T) => E | null;
  /** Field problems from an API refusal (400 problem+json). */
  fromApi: (value: T, fieldErrors: Record<string, string[]>) => E;
  delayMs?: number;
  enabled?: boolean;
}

export function useAutosave<T, E>({ value, save, validate, fromApi, delayMs = 1_200, enabled = true }: AutosaveOptions<T, E>): AutosaveState<E> {
  const serialized = JSON.stringify(value);
  const savedRef = useRef(serialized);
  const latest = useRef({ value, serialized, save, validate, fromApi });
  latest.current = { value, serialized, save, validate, fromApi };
  const running = useRef<Promise<void> | null>(null);
  const [status, setStatus] = useState<AutosaveStatus>('saved');
  const [errors, setErrors] = useState<E | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  const flush = useCallback(async (): Promise<void> => {
    if (running.current) await running.current;
    const { value: current, serialized: text, save: run, validate: check, fromApi: mapApi } = latest.current;
    if (text === savedRef.current) return setStatus('saved');
    const problems = check(current);
    if (problems) {
      setErrors(problems);
      setMessage(null);
      return setStatus('invalid');
    }
    setStatus('saving');
    const attempt = (async () => {
      try {
        await run(current);
        savedRef.current = text;
        setErrors(null);
        setMessage(null);
        setSavedAt(new Date());
        setStatus(latest.current.serialized === text ? 'saved' : 'pending');
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          setStatus('stale');
        } else if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
          setErrors(mapApi(current, error.fieldErrors));
          setMessage(null);
          setStatus('invalid');
        } else {
          setMessage(describeError(error));
          setStatus('error');
        }
      }
    })();
    running.current = attempt;
    await attempt;
    running.current = null;
  }, []);

  useEffect(() => {
    if (!enabled || serialized === savedRef.current) return;
    setStatus((s) => (s === 'stale' ? s : 'pending'));
    const timer = setTimeout(() => void flush(), delayMs);
    return () => clearTimeout(timer);
  }, [serialized, enabled, delayMs, flush]);

  const unsaved = serialized !== savedRef.current;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  // Leaving the screen inside the app: what is waiting is saved on the way out.
  useEffect(
    () => () => {
      if (enabled && latest.current.serialized !== savedRef.current && !latest.current.validate(latest.current.value)) void flush();
    },
    [enabled, flush],
  );

  return { status, errors, message, savedAt, flush };
}

// Saving a record's fields from its page: PATCH with the version the page read, the saved record
// put straight into the cache, and a stale write (409: someone saved first) remembered so the page
// can say so and offer the latest version instead of overwriting it.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api, describeError } from '@/lib/api';

export interface VersionedRecord {
  id: string;
  version: number;
}

export function useRecordEditor<T extends VersionedRecord>(options: {
  basePath: string;
  record: T | undefined;
  recordKey: readonly unknown[];
  /** Refreshed after a save (lists the record appears in). */
  listKey: readonly unknown[];
  /** The API's update schema: checked before sending, so most mistakes never leave the browser. */
  schema: z.ZodType;
}) {
  const { basePath, record, recordKey, listKey, schema } = options;
  const queryClient = useQueryClient();
  const [stale, setStale] = useState(false);

  /**
   * Saves one or more fields; answers an error message for the field (as a sentence starting
   * with its label, since the schemas say "is required"), or null when saved.
   */
  async function save(patch: Record<string, unknown>, label: string): Promise<string | null> {
    const sentence = (message: string) => (/^[a-z]/.test(message) ? `${label} ${message}` : message);
    if (!record) return 'The record is not loaded yet.';
    const body = { ...patch, version: record.version };
    const checked = schema.safeParse(body);
    if (!checked.success) return sentence(checked.error.issues[0]?.message ?? 'is not accepted.');
    try {
      const saved = await api.patch<T>(`${basePath}/${record.id}`, body);
      queryClient.setQueryData(recordKey, saved);
      void queryClient.invalidateQueries({ queryKey: [...recordKey, 'history'] });
      void queryClient.invalidateQueries({ queryKey: listKey });
      return null;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'stale_write') {
        setStale(true);
        return 'Not saved: this record was changed by someone else. Reload to see their changes.';
      }
      if (error instanceof ApiError) {
        const messages = Object.values(error.fieldErrors).flat();
        if (messages.length > 0) return sentence(messages.join('; '));
      }
      return describeError(error);
    }
  }

  async function reload() {
    await queryClient.invalidateQueries({ queryKey: recordKey });
    setStale(false);
  }

  return { save, stale, reload };
}

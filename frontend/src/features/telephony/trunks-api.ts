// Server state of Settings → Telephony: SIP trunks over /api/telephony/trunks (admins only,
// telephony.configure). Passwords are sent and never read back.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Trunk, TrunkInput, TrunkUpdate } from '@shared/contracts/telephony';
import { api } from '@/lib/api';
import { useCan } from '@/lib/auth';

export const TRUNKS_PATH = '/api/telephony/trunks';

export const trunkKeys = {
  all: ['telephony', 'trunks'] as const,
};

export function useCanConfigureTelephony(): boolean {
  return useCan('telephony.configure');
}

/** Trunks, the default first; only admins may read them (others get none and no request). */
export function useTrunks(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: trunkKeys.all,
    queryFn: async ({ signal }) => (await api.get<{ items: Trunk[] }>(TRUNKS_PATH, undefined, signal)).items,
    enabled: options.enabled ?? true,
  });
}

function useTrunkWrite<I, O>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    // The campaign editor's trunk choices come from their own route.
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: trunkKeys.all }), client.invalidateQueries({ queryKey: ['telephony', 'trunk-options'] })]),
  });
}

export const useCreateTrunk = () => useTrunkWrite((input: TrunkInput) => api.post<Trunk>(TRUNKS_PATH, input));
export const useUpdateTrunk = () => useTrunkWrite(({ id, patch }: { id: string; patch: TrunkUpdate }) => api.patch<Trunk>(`${TRUNKS_PATH}/${id}`, patch));
export const useDeleteTrunk = () => useTrunkWrite((id: string) => api.delete<void>(`${TRUNKS_PATH}/${id}`));

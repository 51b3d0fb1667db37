// Server state of the asset library (`/api/content/assets`): the searchable, cursor-paged list,
// one asset, its history and one version, the writes (new text asset, details, archive and its
// undo, edit, restore) and file uploads: a presigned PUT sent with XMLHttpRequest so the page can
// show the upload's progress, then the completion that makes the version.
import { useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssetPage,
  AssetType,
  AssetVersionList,
  AssetVersionView,
  AssetView,
  CreateAsset,
  NewVersion,
  StartUpload,
  UpdateAsset,
  UploadTicket,
} from '@shared/contracts/content';
import { DOCUMENT_CONTENT_TYPES, IMAGE_CONTENT_TYPES } from '@shared/contracts/content';
import { api } from '@/lib/api';
import { CONTENT_API, contentKeys } from './content-keys';

const ASSETS = `${CONTENT_API}/assets`;
const PAGE_SIZE = 50;

export interface AssetFilters {
  q?: string;
  type?: AssetType;
  tag?: string;
  archived?: boolean;
}

export function useAssets(filters: AssetFilters) {
  const query = { q: filters.q?.trim() || undefined, type: filters.type, tag: filters.tag?.trim().toLowerCase() || undefined, archived: filters.archived ? 'true' : undefined };
  const result = useInfiniteQuery({
    queryKey: [...contentKeys.assets, 'list', query],
    queryFn: ({ pageParam, signal }) => api.get<AssetPage>(ASSETS, { ...query, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => result.data?.pages.flatMap((page) => page.items) ?? [], [result.data]);
  return { ...result, rows };
}

export function useAsset(id: string) {
  return useQuery({ queryKey: contentKeys.asset(id), queryFn: ({ signal }) => api.get<AssetView>(`${ASSETS}/${id}`, undefined, signal) });
}

export function useAssetVersions(id: string) {
  return useQuery({ queryKey: contentKeys.versions(id), queryFn: ({ signal }) => api.get<AssetVersionList>(`${ASSETS}/${id}/versions`, undefined, signal) });
}

export function useAssetVersion(assetId: string, versionId: string | null) {
  return useQuery({
    queryKey: [...contentKeys.versions(assetId), versionId],
    queryFn: ({ signal }) => api.get<AssetVersionView>(`${ASSETS}/${assetId}/versions/${versionId}`, undefined, signal),
    enabled: versionId !== null,
  });
}

/** Refreshes the library and everything shown of one asset (its versions, usage, report). */
export function useAssetRefresh() {
  const client = useQueryClient();
  return (assetId?: string) => {
    void client.invalidateQueries({ queryKey: contentKeys.assets, exact: false, refetchType: 'active' });
    if (assetId) void client.invalidateQueries({ queryKey: contentKeys.asset(assetId) });
  };
}

export const createTextAsset = (body: CreateAsset) => api.post<AssetView>(ASSETS, body);
export const updateAsset = (id: string, body: UpdateAsset) => api.patch<AssetView>(`${ASSETS}/${id}`, body);
export const archiveAsset = (id: string) => api.delete<AssetView>(`${ASSETS}/${id}`);
export const editAsset = (id: string, body: NewVersion) => api.post<AssetVersionView>(`${ASSETS}/${id}/versions`, body);
export const restoreVersion = (id: string, versionId: string) => api.post<AssetVersionView>(`${ASSETS}/${id}/versions/${versionId}/restore`);

/** The upload's type as the API wants it: the browser's, else guessed from the extension. */
export function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase();
  const byExt: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml', txt: 'text/plain', csv: 'text/csv' };
  return byExt[ext ?? ''] ?? 'application/octet-stream';
}

/** Document or image, from the file's type; null when the library takes neither. */
export function fileAssetType(contentType: string): 'document' | 'image' | null {
  if ((IMAGE_CONTENT_TYPES as readonly string[]).includes(contentType)) return 'image';
  if ((DOCUMENT_CONTENT_TYPES as readonly string[]).includes(contentType)) return 'document';
  return null;
}

export const UPLOAD_ACCEPT = [...DOCUMENT_CONTENT_TYPES, ...IMAGE_CONTENT_TYPES, '.pdf', '.docx', '.pptx', '.xlsx'].join(',');

/** PUTs the file to the presigned URL, reporting the fraction sent. */
function putWithProgress(ticket: UploadTicket, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', ticket.url);
    for (const [name, value] of Object.entries(ticket.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`The storage refused the file (HTTP ${xhr.status}).`)));
    xhr.onerror = () => reject(new Error('The upload was interrupted: check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** The whole upload: ticket, PUT with progress, completion. Answers the asset with its new version. */
export async function uploadFile(
  file: File,
  target: Pick<StartUpload, 'assetId' | 'asset' | 'note'>,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<AssetView> {
  const ticket = await api.post<UploadTicket>(`${ASSETS}/uploads`, { fileName: file.name, contentType: contentTypeOf(file), sizeBytes: file.size, ...target });
  await putWithProgress(ticket, file, onProgress, signal);
  return api.post<AssetView>(`${ASSETS}/uploads/${ticket.uploadId}/complete`);
}

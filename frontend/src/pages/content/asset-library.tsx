// The asset library at /content: every asset, searched (title, description, tags) and filtered by
// type, tag and archived (in the address, so a view can be shared); "Upload" (or a file dropped
// anywhere on the page) for documents and images, "New" for text assets and video links. `/`
// searches, `u` uploads, j focuses the list, Enter opens.
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { useLocation } from 'wouter';
import { pickParam, useAddressParams } from '@/lib/use-address-params';
import { ChevronDown, Library, Plus, Upload } from 'lucide-react';
import { ASSET_TYPES, ASSET_TYPE_LABELS, type AssetListItem } from '@shared/contracts/content';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Input } from '@/components/ui/input';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { Switch } from '@/components/ui/switch';
import { Label } from '@/components/ui/label';
import { toast } from '@/components/ui/toast';
import { SearchBox } from '@/features/records/list-controls';
import { ASSET_TYPE_ICONS } from '@/features/content/asset-badges';
import { assetColumns } from '@/features/content/asset-columns';
import { useAssetRefresh, useAssets, type AssetFilters } from '@/features/content/assets-api';
import { NewTextAssetDialog, type TextAssetType } from '@/features/content/text-asset-dialogs';
import { UploadDialog } from '@/features/content/upload-dialog';
import { useCan } from '@/lib/auth';
import { useHotkeys } from '@/lib/hotkeys';
import { pagedTable } from '@/lib/paged-table';
import { cn } from '@/lib/utils';

const ALL = 'all';
const TABLE_HEIGHT = 'max(360px, calc(100dvh - 17rem))';
const TYPE_OPTIONS = [{ value: ALL, label: 'All types' }, ...labelledOptions(ASSET_TYPES, ASSET_TYPE_LABELS)];
const NEW_TYPES: TextAssetType[] = ['email_template', 'landing_copy', 'social_post', 'video_link'];

function useListAddress() {
  const { params, set } = useAddressParams();
  const filters: AssetFilters = {
    q: params.get('q') ?? undefined,
    type: pickParam(params.get('type'), ASSET_TYPES),
    tag: params.get('tag') ?? undefined,
    archived: params.get('archived') === '1',
  };
  return { filters, set };
}

export function AssetLibrary() {
  const { filters, set } = useListAddress();
  const assets = useAssets(filters);
  const refresh = useAssetRefresh();
  const canCreate = useCan('content.create');
  const [, navigate] = useLocation();
  const [uploading, setUploading] = useState(false);
  const [dropped, setDropped] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [creating, setCreating] = useState<TextAssetType | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const columns = useMemo(() => assetColumns(), []);
  const open = useCallback((asset: AssetListItem) => navigate(`/content/assets/${asset.id}`), [navigate]);

  useHotkeys([
    { combo: '/', handler: () => searchRef.current?.focus() },
    { combo: 'u', handler: () => canCreate && setUploading(true) },
    { combo: 'j', handler: () => document.querySelector<HTMLElement>('[data-testid="asset-list"] [role="grid"]')?.focus() },
  ]);

  const startUpload = (file: File | null) => {
    setDropped(file);
    setUploading(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!canCreate || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) startUpload(file);
  };

  const filtered = (filters.q ?? '') !== '' || filters.type !== undefined || (filters.tag ?? '') !== '' || filters.archived;
  const actions = canCreate ? (
    <div className="flex gap-2">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline">
            <Plus aria-hidden="true" />
            New
            <ChevronDown aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {NEW_TYPES.map((type) => {
            const Icon = ASSET_TYPE_ICONS[type];
            return (
              <DropdownMenuItem key={type} onSelect={() => setCreating(type)}>
                <Icon aria-hidden="true" />
                {ASSET_TYPE_LABELS[type]}
              </DropdownMenuItem>
            );
          })}
        </DropdownMenuContent>
      </DropdownMenu>
      <Button onClick={() => startUpload(null)}>
        <Upload aria-hidden="true" />
        Upload
      </Button>
    </div>
  ) : undefined;

  return (
    <div
      onDragOver={(e) => {
        if (canCreate && e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
      className={cn('relative', dragging && 'rounded-lg outline-2 outline-offset-4 outline-dashed outline-primary')}
    >
      <HeaderActionBar title="Content" description="The asset library: whitepapers, images, video links, email templates, landing copy and social posts, each with its versions." actions={actions} />
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <div className="w-72">
          <SearchBox ref={searchRef} value={filters.q ?? ''} onChange={(q) => set({ q: q || undefined })} placeholder="Search title, description, tags" label="Search assets" />
        </div>
        <OptionSelect value={filters.type ?? ALL} onValueChange={(v) => set({ type: v === ALL ? undefined : v })} options={TYPE_OPTIONS} className="h-9 w-40" aria-label="Type" />
        <Input className="h-9 w-40" value={filters.tag ?? ''} onChange={(e) => set({ tag: e.target.value || undefined })} placeholder="Tag" aria-label="Tag" />
        <div className="flex items-center gap-2 pl-1">
          <Switch id="show-archived" checked={filters.archived} onCheckedChange={(on) => set({ archived: on ? '1' : undefined })} />
          <Label htmlFor="show-archived">Archived</Label>
        </div>
      </div>
      <div data-testid="asset-list">
        <DataTable
          tableId="content-assets"
          label="Assets"
          itemName={assets.hasNextPage ? 'assets loaded' : 'assets'}
          columns={columns}
          rows={assets.rows}
          getRowId={(asset) => asset.id}
          {...pagedTable(assets)}
          onRowOpen={open}
          openOnRowClick
          height={TABLE_HEIGHT}
          defaultDensity="compact"
          empty={
            filtered ? (
              <EmptyState compact title="No asset matches" description="Try another search or clear the filters." />
            ) : (
              <EmptyState
                icon={<Library />}
                title="The library is empty"
                description="Upload a whitepaper or an image (or drop a file here), or write an email template, landing copy or a social post."
                action={
                  canCreate ? (
                    <Button size="sm" onClick={() => startUpload(null)}>
                      <Upload aria-hidden="true" />
                      Upload
                    </Button>
                  ) : undefined
                }
              />
            )
          }
        />
      </div>
      <UploadDialog
        open={uploading}
        onOpenChange={setUploading}
        initialFile={dropped}
        onUploaded={(asset) => {
          refresh(asset.id);
          toast.success(`${asset.title} uploaded.`);
          navigate(`/content/assets/${asset.id}`);
        }}
      />
      <NewTextAssetDialog
        type={creating}
        onOpenChange={(isOpen) => !isOpen && setCreating(null)}
        onCreated={(asset) => {
          refresh(asset.id);
          navigate(`/content/assets/${asset.id}`);
        }}
      />
    </div>
  );
}

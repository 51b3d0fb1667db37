// What a version looks like: a file's preview image (a PDF's first page, the image) with its
// download link, a text asset's subject and body, a video link's address.
import { Download, ExternalLink, FileText } from 'lucide-react';
import type { AssetType, AssetVersionView } from '@shared/contracts/content';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { formatBytes } from './asset-badges';

export function VersionContent({ type, version, title }: { type: AssetType; version: AssetVersionView | null; title: string }) {
  if (!version) return <EmptyState compact title="No version yet" description="Upload a file or write the first version." />;
  if (type === 'document' || type === 'image') {
    return (
      <div className="grid gap-3">
        {version.previewUrl ? (
          <div className="flex justify-center rounded-md border border-border bg-muted/40 p-3">
            <img
              src={version.previewUrl}
              alt={type === 'document' ? `First page of ${title}, version ${version.number}` : `${title}, version ${version.number}`}
              className="max-h-[28rem] w-auto rounded-sm bg-white shadow-sm"
              data-testid="asset-preview-image"
            />
          </div>
        ) : (
          <div className="flex flex-col items-center gap-2 rounded-md border border-dashed border-border p-8 text-sm text-muted-foreground">
            <FileText className="size-8" aria-hidden="true" />
            No preview for this file.
          </div>
        )}
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <span className="truncate">
            <span className="font-medium">{version.fileName}</span> <span className="text-muted-foreground">· {formatBytes(version.sizeBytes)}</span>
          </span>
          {version.downloadUrl && (
            <Button asChild variant="outline" size="sm">
              <a href={version.downloadUrl}>
                <Download aria-hidden="true" />
                Download
              </a>
            </Button>
          )}
        </div>
      </div>
    );
  }
  if (type === 'video_link') {
    return (
      <a href={version.url ?? '#'} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-2 break-all text-sm text-primary underline-offset-4 hover:underline">
        <ExternalLink className="size-4 shrink-0" aria-hidden="true" />
        {version.url}
      </a>
    );
  }
  return (
    <div className="grid gap-2" data-testid="asset-text">
      {version.subject && (
        <p className="text-sm">
          <span className="text-muted-foreground">Subject: </span>
          <span className="font-medium">{version.subject}</span>
        </p>
      )}
      <div className="max-h-[28rem] overflow-auto whitespace-pre-wrap rounded-md border border-border bg-muted/40 p-3 font-mono text-[13px] leading-relaxed">{version.body}</div>
    </div>
  );
}

// What a version looks like: a file's preview image (a PDF's first page, the image) with its
// download link, a text asset's subject and body, a video link's address. The preview is read from
// its short-lived S3 link with fetch (the bucket is a connect-src of the app's CSP, which keeps
// img-src to the app itself) and shown from a blob URL.
import { useEffect, useState } from 'react';
import { Download, ExternalLink, FileText } from 'lucide-react';
import type { AssetType, AssetVersionView } from '@shared/contracts/content';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { formatBytes } from './asset-badges';

type PreviewState = { kind: 'loading' } | { kind: 'ready'; src: string } | { kind: 'failed' };

/** The image at a presigned URL as a blob URL, released when the URL changes or the view goes. */
function usePreviewImage(url: string | null): PreviewState | null {
  const [state, setState] = useState<PreviewState | null>(null);
  useEffect(() => {
    if (!url) {
      setState(null);
      return;
    }
    const abort = new AbortController();
    let objectUrl: string | null = null;
    setState({ kind: 'loading' });
    fetch(url, { signal: abort.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        objectUrl = URL.createObjectURL(await res.blob());
        setState({ kind: 'ready', src: objectUrl });
      })
      .catch(() => !abort.signal.aborted && setState({ kind: 'failed' }));
    return () => {
      abort.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  return state;
}

function NoPreview({ text }: { text: string }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-md border border-dashed border-border p-8 text-sm text-muted-foreground">
      <FileText className="size-8" aria-hidden="true" />
      {text}
    </div>
  );
}

export function VersionContent({ type, version, title }: { type: AssetType; version: AssetVersionView | null; title: string }) {
  const preview = usePreviewImage(version?.previewUrl ?? null);
  if (!version) return <EmptyState compact title="No version yet" description="Upload a file or write the first version." />;
  if (type === 'document' || type === 'image') {
    return (
      <div className="grid gap-3">
        {preview?.kind === 'loading' ? (
          <Skeleton className="h-96" aria-label="Loading the preview" />
        ) : preview?.kind === 'failed' ? (
          <NoPreview text="The preview could not be loaded." />
        ) : preview?.kind === 'ready' ? (
          <div className="flex justify-center rounded-md border border-border bg-muted/40 p-3">
            <img
              src={preview.src}
              alt={type === 'document' ? `First page of ${title}, version ${version.number}` : `${title}, version ${version.number}`}
              className="max-h-80 w-auto rounded-sm bg-white shadow-sm"
              data-testid="asset-preview-image"
            />
          </div>
        ) : (
          <NoPreview text="No preview for this file." />
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

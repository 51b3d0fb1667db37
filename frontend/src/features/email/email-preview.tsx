// The rendered email as a chosen contact would get it (the server's render, Liquid and all):
// desktop or mobile width, light or a client's forced dark mode, and the plain-text part. The
// HTML runs in a sandboxed frame with no scripts.
import { useState } from 'react';
import { Monitor, Moon, RotateCw, Smartphone } from 'lucide-react';
import type { Variant } from '@shared/contracts/email';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { OptionSelect } from '@/components/ui/option-select';
import { Skeleton } from '@/components/ui/skeleton';
import { Switch } from '@/components/ui/switch';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { describeError } from '@/lib/api';
import { cn } from '@/lib/utils';
import { isRouteMissing, usePreview } from './campaigns-api';
import { ContactPicker, type PickedContact } from './contact-picker';

const WIDTHS = { desktop: 680, mobile: 375 } as const;

/** Many clients invert a light email in dark mode; an email with its own dark styles is shown with them instead. */
function darkDocument(html: string): string {
  if (/prefers-color-scheme\s*:\s*dark/i.test(html)) return html;
  const style = '<style>html{filter:invert(1) hue-rotate(180deg);background:#fff}img,video{filter:invert(1) hue-rotate(180deg)}</style>';
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${style}</head>`) : style + html;
}

export interface EmailPreviewProps {
  campaignId: string;
  variants: Variant[];
  /** Only fetched while shown. */
  active: boolean;
  /** Changes when the content was saved, so the preview follows the edits. */
  stamp: string;
  contact: PickedContact | null;
  onContactChange: (contact: PickedContact | null) => void;
}

export function EmailPreview({ campaignId, variants, active, stamp, contact, onContactChange }: EmailPreviewProps) {
  const [variantId, setVariantId] = useState<string | null>(variants[0]?.id ?? null);
  const [device, setDevice] = useState<keyof typeof WIDTHS>('desktop');
  const [dark, setDark] = useState(false);
  const current = variants.find((v) => v.id === variantId) ? variantId : (variants[0]?.id ?? null);
  const preview = usePreview(campaignId, current, contact?.id ?? null, stamp, active);

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-3">
        {variants.length > 1 && (
          <OptionSelect
            aria-label="Variant to preview"
            className="w-36"
            size="sm"
            options={variants.map((v) => ({ value: v.id, label: `Variant ${v.key}` }))}
            value={current ?? undefined}
            onValueChange={setVariantId}
          />
        )}
        <ContactPicker value={contact} onChange={onContactChange} />
        <div role="group" aria-label="Preview width" className="inline-flex h-8 items-center gap-1 rounded-lg bg-muted p-1">
          {(
            [
              ['desktop', 'Desktop', Monitor],
              ['mobile', 'Mobile', Smartphone],
            ] as const
          ).map(([key, text, Icon]) => (
            <Button
              key={key}
              variant="ghost"
              size="sm"
              aria-pressed={device === key}
              className={cn('h-6 px-2.5', device === key ? 'bg-card text-foreground shadow-sm hover:bg-card' : 'text-muted-foreground')}
              onClick={() => setDevice(key)}
            >
              <Icon aria-hidden="true" /> {text}
            </Button>
          ))}
        </div>
        <label className="inline-flex items-center gap-2 text-sm">
          <Switch checked={dark} onCheckedChange={setDark} aria-label="Dark mode preview" />
          <Moon className="size-4 text-muted-foreground" aria-hidden="true" /> Dark mode
        </label>
        <Button variant="ghost" size="sm" onClick={() => void preview.refetch()} loading={preview.isFetching} className="ml-auto">
          {!preview.isFetching && <RotateCw aria-hidden="true" />} Refresh preview
        </Button>
      </div>

      {preview.isError && !preview.data && isRouteMissing(preview.error) ? (
        <EmptyState
          compact
          icon={<Monitor />}
          title="Preview is not available yet"
          description="This server cannot render a campaign for one contact yet. The saved content is checked by pre-flight; the Content step shows the layout."
        />
      ) : preview.isError && !preview.data ? (
        <ErrorState title="The preview could not be rendered" description={describeError(preview.error)} onRetry={() => void preview.refetch()} compact />
      ) : !preview.data ? (
        <Skeleton className="h-[32rem]" />
      ) : (
        <Tabs defaultValue="html">
          <TabsList variant="pill" aria-label="Preview part">
            <TabsTrigger value="html">HTML</TabsTrigger>
            <TabsTrigger value="text">Plain text</TabsTrigger>
          </TabsList>
          <div className="mt-3 rounded-lg border border-border bg-muted/40 p-3 text-sm">
            <p>
              <span className="text-muted-foreground">Subject: </span>
              <span className="font-medium" data-testid="preview-subject">
                {preview.data.subject || <em className="text-muted-foreground">no subject</em>}
              </span>
            </p>
            {preview.data.preheader && (
              <p className="mt-0.5 text-muted-foreground">
                Preheader: <span className="text-foreground">{preview.data.preheader}</span>
              </p>
            )}
          </div>
          <TabsContent value="html">
            <div className={cn('overflow-x-auto rounded-lg border border-border p-4', dark ? 'bg-neutral-900' : 'bg-muted/40')}>
              <iframe
                title={`Email preview, ${device}${dark ? ', dark mode' : ''}`}
                sandbox=""
                srcDoc={dark ? darkDocument(preview.data.html) : preview.data.html}
                className="mx-auto block h-[40rem] rounded-md border border-border bg-white shadow-sm transition-[width]"
                style={{ width: WIDTHS[device], maxWidth: '100%', colorScheme: dark ? 'dark' : 'light' }}
              />
            </div>
          </TabsContent>
          <TabsContent value="text">
            <pre className="max-h-[40rem] overflow-auto whitespace-pre-wrap rounded-lg border border-border bg-card p-4 font-mono text-[12.5px] leading-relaxed" tabIndex={0} aria-label="Plain-text part">
              {preview.data.text}
            </pre>
          </TabsContent>
        </Tabs>
      )}
    </div>
  );
}

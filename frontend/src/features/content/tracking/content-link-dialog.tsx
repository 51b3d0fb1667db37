// A contact's tracking URL for an asset, for a person to copy into a message: pick the asset, the
// campaign (optional) and where the link is handed out; the link is made once and then the same.
import { useState } from 'react';
import { Link2 } from 'lucide-react';
import { TRACKING_CHANNEL_LABELS, TRACKING_CHANNELS, type TrackingChannel, type TrackingLinkView } from '@shared/contracts/content-tracking';
import { ASSET_TYPE_LABELS } from '@shared/contracts/content';
import { Button } from '@/components/ui/button';
import { Combobox } from '@/components/ui/combobox';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { labelledOptions, OptionSelect } from '@/components/ui/option-select';
import { describeError, isApiError } from '@/lib/api';
import { CampaignPicker } from './campaign-picker';
import { useAssetOptions, useCanLinkContent, useCreateTrackingLink, type CampaignOption } from './tracking-api';

export interface ContentLinkButtonProps {
  contactId: string;
  contactName: string;
}

/** The header action of a contact: shown to those who may make content links. */
export function ContentLinkButton({ contactId, contactName }: ContentLinkButtonProps) {
  const canLink = useCanLinkContent();
  const [open, setOpen] = useState(false);
  if (!canLink) return null;
  return (
    <>
      <Button variant="outline" onClick={() => setOpen(true)}>
        <Link2 aria-hidden="true" />
        Content link
      </Button>
      {open && <ContentLinkDialog contactId={contactId} contactName={contactName} onClose={() => setOpen(false)} />}
    </>
  );
}

function ContentLinkDialog({ contactId, contactName, onClose }: ContentLinkButtonProps & { onClose: () => void }) {
  const assets = useAssetOptions('', true);
  const make = useCreateTrackingLink();
  const [assetId, setAssetId] = useState<string | null>(null);
  const [campaign, setCampaign] = useState<CampaignOption | null>(null);
  const [channel, setChannel] = useState<TrackingChannel>('email');
  const [link, setLink] = useState<TrackingLinkView | null>(null);
  const fieldErrors = isApiError(make.error) ? make.error.fieldErrors : {};
  const reset = () => {
    setLink(null);
    make.reset();
  };

  const submit = () => {
    if (!assetId) return;
    make.mutate(
      { assetId, contactId, channel, ...(campaign ? { campaignKind: campaign.kind, campaignId: campaign.id } : {}) },
      { onSuccess: setLink },
    );
  };

  return (
    <Dialog open onOpenChange={(next) => !next && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Content link for {contactName}</DialogTitle>
          <DialogDescription>A personal tracking URL: their clicks show on their timeline and in the asset’s report.</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Field label="Asset" required error={fieldErrors.assetId?.[0] ?? (assets.isError ? describeError(assets.error) : undefined)}>
            {(control) => (
              <Combobox
                {...control}
                options={(assets.data ?? []).filter((a) => !a.archived).map((a) => ({ value: a.id, label: a.title, detail: ASSET_TYPE_LABELS[a.type] }))}
                value={assetId}
                onChange={(value) => {
                  setAssetId(value);
                  reset();
                }}
                placeholder={assets.isLoading ? 'Loading assets…' : 'Choose an asset'}
                searchPlaceholder="Search assets…"
                emptyText="No asset matches."
              />
            )}
          </Field>
          <Field label="Campaign" hint="Optional: the campaign the link is for (UTM campaign, and its report)." error={fieldErrors.campaignId?.[0]}>
            {(control) => (
              <CampaignPicker
                id={control.id}
                value={campaign}
                onChange={(value) => {
                  setCampaign(value);
                  reset();
                }}
                noneLabel="No campaign"
              />
            )}
          </Field>
          <Field label="Handed out in">
            {(control) => (
              <OptionSelect
                {...control}
                options={labelledOptions(TRACKING_CHANNELS, TRACKING_CHANNEL_LABELS)}
                value={channel}
                onValueChange={(value) => {
                  setChannel(value);
                  reset();
                }}
              />
            )}
          </Field>
          {make.isError && !fieldErrors.assetId && !fieldErrors.campaignId && (
            <p role="alert" className="text-sm text-danger-text">
              {describeError(make.error)}
            </p>
          )}
          {link && (
            <Field label="Tracking URL" hint="Made once for this contact, asset, campaign and channel: asking again gives the same URL.">
              {(control) => (
                <div className="flex gap-2">
                  <Input {...control} readOnly value={link.url} className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
                  <CopyButton value={link.url} text="Copy" label="Copy the tracking URL" />
                </div>
              )}
            </Field>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" disabled={!assetId || make.isPending}>
              {make.isPending ? 'Making…' : 'Get link'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

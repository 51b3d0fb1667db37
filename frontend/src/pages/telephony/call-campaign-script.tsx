// The Script tab: what the agent reads, in sections, with merge fields from the contact and
// account (inserted at the caret with a fallback) and the content linked to the campaign (each
// contact's tracking URL on the console). The server cleans it and checks every merge field; its
// refusal shows under the editor.
import { useState } from 'react';
import type { CallCampaign } from '@shared/contracts/telephony';
import { FormError } from '@/components/form/form-error';
import { Button } from '@/components/ui/button';
import { SectionCard } from '@/components/ui/section-card';
import { toast } from '@/components/ui/toast';
import { RichTextField } from '@/features/email/editor/rich-text-field';
import { useScriptMergeFields, useUpdateCallCampaign } from '@/features/telephony/campaigns-api';
import { describeError, isApiError } from '@/lib/api';

export function CallCampaignScript({ campaign, readOnly }: { campaign: CallCampaign; readOnly: boolean }) {
  const update = useUpdateCallCampaign(campaign.id);
  const mergeFields = useScriptMergeFields(campaign.id);
  const [script, setScript] = useState(campaign.script);
  const [error, setError] = useState<string | null>(null);
  const dirty = script !== campaign.script;

  async function save() {
    setError(null);
    try {
      const saved = await update.mutateAsync({ script });
      setScript(saved.script);
      toast.success('Script saved.');
    } catch (e) {
      setError(isApiError(e) && e.fieldErrors.script ? e.fieldErrors.script.join(' ') : describeError(e));
    }
  }

  return (
    <SectionCard
      title="Script"
      description="What the agent reads beside the call. Use section headings for the parts of the call, merge fields for the person and their company, and content links for the assets linked to this campaign (each contact's own tracked URL, for the agent to send)."
      actions={
        !readOnly && (
          <>
            {dirty && (
              <Button variant="ghost" size="sm" onClick={() => setScript(campaign.script)} disabled={update.isPending}>
                Discard
              </Button>
            )}
            <Button size="sm" onClick={() => void save()} loading={update.isPending} disabled={!dirty}>
              Save script
            </Button>
          </>
        )
      }
    >
      <div className="grid max-w-4xl gap-2">
        {readOnly ? (
          <div className="prose-sm rounded-md border border-border px-3 py-2 text-sm [&_h3]:mt-3 [&_h3]:font-semibold [&_ul]:list-disc [&_ul]:pl-5" dangerouslySetInnerHTML={{ __html: campaign.script }} />
        ) : (
          <RichTextField id="call-script" label="Call script" value={script} onChange={setScript} sections mergeFields={mergeFields} className="min-h-72" />
        )}
        <FormError>{error}</FormError>
      </div>
    </SectionCard>
  );
}

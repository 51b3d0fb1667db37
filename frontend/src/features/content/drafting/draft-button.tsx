// "Draft with AI" on a text asset's page: a brief (with the kind of copy, a tone and a length) in, a
// new AI-written version out. When AI drafting is not configured the button says so and stays
// disabled: nothing is ever invented in its place.
import { useEffect, useState } from 'react';
import { Sparkles } from 'lucide-react';
import { DRAFT_KIND_LABELS, type AssetType, type DraftKind } from '@shared/contracts/content';
import { DRAFT_KINDS_BY_TYPE, DRAFT_LENGTHS, DRAFT_LENGTH_LABELS, DRAFT_TONES, DRAFT_TONE_LABELS, type DraftLength, type DraftTone } from '@shared/contracts/content-drafting';
import { SOCIAL_PLATFORMS, SOCIAL_PLATFORM_LABELS, SOCIAL_TEXT_LIMITS, type SocialPlatform } from '@shared/contracts/content-social';
import { FormDialog } from '@/components/form/form-dialog';
import { errorsByField } from '@/components/form/apply-api-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { useCan } from '@/lib/auth';
import { rewriteAsset, useDraftingStatus, useDraftRefresh } from './drafting-api';

export interface DraftWithAiButtonProps {
  assetId: string;
  assetType: AssetType;
}

export const NOT_CONFIGURED_LABEL = 'AI drafting is not configured';

interface DraftForm {
  brief: string;
  kind: DraftKind;
  tone: DraftTone;
  length: DraftLength;
  platform: SocialPlatform;
}

export function DraftWithAiButton({ assetId, assetType }: DraftWithAiButtonProps) {
  const canCreate = useCan('content.create');
  const kinds = DRAFT_KINDS_BY_TYPE[assetType];
  const status = useDraftingStatus(canCreate && Boolean(kinds));
  const refresh = useDraftRefresh();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<DraftForm>({ brief: '', kind: kinds?.[0] ?? 'social_post', tone: 'professional', length: 'medium', platform: 'linkedin' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (open) setErrors({});
  }, [open]);

  if (!canCreate || !kinds) return null;
  const configured = status.data?.configured === true;
  const set = <K extends keyof DraftForm>(key: K, value: DraftForm[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _dropped, form: _form, ...rest }) => rest);
  };

  async function submit(event?: { preventDefault(): void }) {
    event?.preventDefault();
    if (values.brief.trim().length < 10) {
      setErrors({ brief: 'Say in at least 10 characters what the copy is for.' });
      return;
    }
    setPending(true);
    try {
      const draft = await rewriteAsset(assetId, {
        brief: values.brief.trim(),
        kind: values.kind,
        tone: values.tone,
        length: values.length,
        ...(values.kind === 'social_post' ? { platform: values.platform } : {}),
      });
      toast.success(`Version ${draft.number} drafted with AI (${draft.model}).`);
      refresh(assetId);
      setOpen(false);
    } catch (error) {
      const byPath = errorsByField(error);
      setErrors(Object.fromEntries(Object.entries(byPath).map(([path, message]) => [path.replace(/^body\./, ''), message])));
    } finally {
      setPending(false);
    }
  }

  const button = (
    <Button
      variant="outline"
      size="sm"
      onClick={() => setOpen(true)}
      disabled={!configured}
      title={configured || status.isLoading ? undefined : 'Set OPENAI_API_KEY (on AWS, the LEADS_AI secret) to draft copy with AI.'}
    >
      <Sparkles aria-hidden="true" />
      {status.isLoading ? 'Draft with AI…' : configured ? 'Draft with AI' : NOT_CONFIGURED_LABEL}
    </Button>
  );

  return (
    <>
      {button}
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        title="Draft with AI"
        description={`A new version written by ${status.data?.model ?? 'the model'} from your brief. The current version stays in the history.`}
        onSubmit={(event) => submit(event)}
        pending={pending}
        formError={errors.form ?? null}
        submitLabel="Draft"
      >
        <Field label="Brief" required error={errors.brief} hint="What the copy is for, who reads it, what they should do.">
          <Textarea rows={5} value={values.brief} onChange={(e) => set('brief', e.target.value)} maxLength={4000} placeholder="Promote our zero-trust whitepaper to mid-market CIOs; free download." />
        </Field>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Kind" error={errors.kind}>
            {(control) => <OptionSelect {...control} value={values.kind} onValueChange={(v) => set('kind', v)} options={kinds.map((k) => ({ value: k, label: DRAFT_KIND_LABELS[k] }))} />}
          </Field>
          <Field label="Tone" error={errors.tone}>
            {(control) => <OptionSelect {...control} value={values.tone} onValueChange={(v) => set('tone', v)} options={labelledOptions(DRAFT_TONES, DRAFT_TONE_LABELS)} />}
          </Field>
          <Field label="Length" error={errors.length}>
            {(control) => <OptionSelect {...control} value={values.length} onValueChange={(v) => set('length', v)} options={labelledOptions(DRAFT_LENGTHS, DRAFT_LENGTH_LABELS)} />}
          </Field>
        </div>
        {values.kind === 'social_post' && (
          <Field label="Platform" hint={`At most ${SOCIAL_TEXT_LIMITS[values.platform].toLocaleString('en-US')} characters.`} error={errors.platform}>
            {(control) => <OptionSelect {...control} value={values.platform} onValueChange={(v) => set('platform', v)} options={labelledOptions(SOCIAL_PLATFORMS, SOCIAL_PLATFORM_LABELS)} />}
          </Field>
        )}
      </FormDialog>
    </>
  );
}

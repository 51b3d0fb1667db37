// The Content step: one tab per variant (A, B, …), each the content editor autosaving its
// subject, preheader and body; add or remove a variant; and, with two or more, the A/B test:
// the share of the audience that gets the variants, the metric, and the window before the
// winner goes to the rest.
import { useCallback, useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Plus, Trash2 } from 'lucide-react';
import { AB_METRICS, VARIANT_KEYS, abTestSchema, type AbTest, type Campaign, type Variant } from '@shared/contracts/email';
import { applyApiErrors } from '@/components/form/apply-api-errors';
import { FormError } from '@/components/form/form-error';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { OptionSelect } from '@/components/ui/option-select';
import { SectionCard } from '@/components/ui/section-card';
import { Switch } from '@/components/ui/switch';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toast';
import { useAddVariant, useDeleteVariant, useSaveVariant, useUpdateCampaign } from '@/features/email/campaigns-api';
import { ContentEditor } from '@/features/email/content-editor';
import { draftFrom, errorsFromApi, toSaveInput, validateDraft, type ContentDraft } from '@/features/email/content-draft';
import { SaveStatus } from '@/features/email/save-status';
import { useAutosave } from '@/features/email/use-autosave';
import { describeError, isApiError } from '@/lib/api';

export interface CampaignContentProps {
  campaign: Campaign;
  onStale: () => void;
  /** Called after each save, so the preview follows the edits. */
  onSaved: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

export function CampaignContent({ campaign, onStale, onSaved, onDirtyChange }: CampaignContentProps) {
  const [active, setActive] = useState(campaign.variants[0]?.id ?? '');
  const [removing, setRemoving] = useState<Variant | null>(null);
  const [dirty, setDirty] = useState<Record<string, boolean>>({});
  const add = useAddVariant(campaign.id);
  const remove = useDeleteVariant(campaign.id);
  const variants = campaign.variants;
  const current = variants.some((v) => v.id === active) ? active : (variants[0]?.id ?? '');

  useEffect(() => onDirtyChange(Object.values(dirty).some(Boolean)), [dirty, onDirtyChange]);
  const markDirty = useCallback((id: string, value: boolean) => setDirty((d) => (d[id] === value ? d : { ...d, [id]: value })), []);

  async function addVariant() {
    try {
      const saved = await add.mutateAsync();
      const added = saved.variants[saved.variants.length - 1];
      if (added) setActive(added.id);
      toast.success(`Variant ${added?.key ?? ''} added: a copy of variant ${variants[0]?.key ?? 'A'} as last saved.`);
    } catch (error) {
      toast.error('The variant could not be added', { description: describeError(error) });
    }
  }

  return (
    <div className="grid gap-6">
      <SectionCard
        title="Content"
        description="Subject, preheader and body. Changes save on their own a moment after you stop typing."
        actions={
          variants.length < VARIANT_KEYS.length && (
            <Button variant="outline" size="sm" onClick={() => void addVariant()} loading={add.isPending}>
              {!add.isPending && <Plus aria-hidden="true" />} Add variant
            </Button>
          )
        }
      >
        {variants.length === 0 ? (
          <p className="text-sm text-muted-foreground">This campaign has no content yet. Add a variant to start writing.</p>
        ) : (
          <Tabs value={current} onValueChange={setActive}>
            {/* Shown with one variant too: it says the content is variant A, and A/B starts with "Add variant". */}
            <TabsList aria-label="Variants" className="mb-2">
              {variants.map((v) => (
                <TabsTrigger key={v.id} value={v.id}>
                  Variant {v.key}
                  {dirty[v.id] && <span className="sr-only"> (unsaved)</span>}
                </TabsTrigger>
              ))}
            </TabsList>
            {variants.map((variant) => (
              // Every variant stays mounted, so an edit in one survives a look at another.
              <TabsContent key={variant.id} value={variant.id} forceMount className="data-[state=inactive]:hidden">
                <VariantEditor
                  campaignId={campaign.id}
                  variant={variant}
                  label={`Variant ${variant.key} content`}
                  onSaved={onSaved}
                  onStale={onStale}
                  onDirtyChange={markDirty}
                  onRemove={variants.length > 1 ? () => setRemoving(variant) : undefined}
                />
              </TabsContent>
            ))}
          </Tabs>
        )}
      </SectionCard>

      {variants.length > 1 && <AbTestSettings campaign={campaign} onStale={onStale} />}

      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        destructive
        title={`Remove variant ${removing?.key ?? ''}?`}
        description="Its subject and content go; the other variants stay."
        confirmLabel="Remove variant"
        onConfirm={async () => {
          if (!removing) return;
          try {
            await remove.mutateAsync(removing.id);
            toast.success(`Variant ${removing.key} removed.`);
          } catch (error) {
            toast.error(describeError(error));
            throw error;
          }
        }}
      />
    </div>
  );
}

function VariantEditor({
  campaignId,
  variant,
  label,
  onSaved,
  onStale,
  onDirtyChange,
  onRemove,
}: {
  campaignId: string;
  variant: Variant;
  label: string;
  onSaved: () => void;
  onStale: () => void;
  onDirtyChange: (id: string, dirty: boolean) => void;
  onRemove?: () => void;
}) {
  const save = useSaveVariant(campaignId);
  // The draft is taken from the server once: later refetches (a new version number) must not
  // overwrite what the author is typing.
  const [draft, setDraft] = useState<ContentDraft>(() => draftFrom(variant));
  const autosave = useAutosave({
    value: draft,
    save: async (value) => {
      await save.mutateAsync({ variantId: variant.id, content: toSaveInput(value) });
      onSaved();
    },
    validate: validateDraft,
    fromApi: errorsFromApi,
  });

  useEffect(() => onDirtyChange(variant.id, autosave.status !== 'saved'), [autosave.status, variant.id, onDirtyChange]);
  useEffect(() => {
    if (autosave.status === 'stale') onStale();
  }, [autosave.status, onStale]);

  return (
    <ContentEditor
      draft={draft}
      onChange={(update) => setDraft(update)}
      errors={autosave.errors}
      label={label}
      toolbar={
        <>
          <SaveStatus state={autosave} />
          <Button variant="outline" size="sm" onClick={() => void autosave.flush()} disabled={autosave.status === 'saved' || autosave.status === 'saving'}>
            Save now
          </Button>
          {onRemove && (
            <Button variant="ghost" size="sm" className="text-danger-text hover:bg-danger-subtle" onClick={onRemove}>
              <Trash2 aria-hidden="true" /> Remove variant {variant.key}
            </Button>
          )}
        </>
      }
    />
  );
}

const METRIC_OPTIONS = AB_METRICS.map((m) => ({ value: m, label: m === 'unique_open_rate' ? 'Unique open rate' : 'Unique click rate' }));
const DEFAULT_AB: AbTest = { testShare: 20, metric: 'unique_click_rate', windowHours: 4, manual: false };

function AbTestSettings({ campaign, onStale }: { campaign: Campaign; onStale: () => void }) {
  const update = useUpdateCampaign(campaign.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AbTest>({ resolver: zodResolver(abTestSchema) as never, defaultValues: campaign.abTest ?? DEFAULT_AB });
  const { errors, isSubmitting, isDirty } = form.formState;
  const manual = form.watch('manual');
  const share = form.watch('testShare');

  const submit = form.handleSubmit(async (abTest) => {
    setFormError(null);
    try {
      const saved = await update.mutateAsync({ abTest, version: campaign.version });
      form.reset(saved.abTest ?? abTest);
      toast.success('A/B test saved.');
    } catch (error) {
      if (isApiError(error) && error.status === 409) return onStale();
      setFormError(applyApiErrors(form, error));
    }
  });

  const perVariant = Number.isFinite(share) ? Math.floor(share / campaign.variants.length) : 0;
  return (
    <SectionCard
      title="A/B test"
      description={
        campaign.abTest
          ? `${campaign.variants.length} variants, each to about ${perVariant}% of the audience; the winner goes to the other ${100 - share}%.`
          : 'Not saved yet: until it is, the variants split the whole audience.'
      }
    >
      <form onSubmit={submit} className="grid max-w-3xl gap-4 sm:grid-cols-3" noValidate aria-label="A/B test settings">
        <Field label="Test share (%)" error={errors.testShare?.message} hint="Of the audience, split across the variants.">
          <Input type="number" min={2} max={100} {...form.register('testShare', { valueAsNumber: true })} />
        </Field>
        <Field label="Winning metric" error={errors.metric?.message}>
          {(control) => <Controller control={form.control} name="metric" render={({ field }) => <OptionSelect {...control} options={METRIC_OPTIONS} value={field.value} onValueChange={field.onChange} />} />}
        </Field>
        <Field label="Window (hours)" error={errors.windowHours?.message} hint="After the test sends, before the winner is picked.">
          <Input type="number" min={1} max={168} disabled={manual} {...form.register('windowHours', { valueAsNumber: true })} />
        </Field>
        <label className="flex items-center gap-2 text-sm sm:col-span-3">
          <Controller control={form.control} name="manual" render={({ field }) => <Switch checked={field.value} onCheckedChange={field.onChange} aria-label="Pick the winner by hand" />} />
          Pick the winner by hand (the rest wait until you do)
        </label>
        <FormError className="sm:col-span-3">{formError}</FormError>
        <div className="sm:col-span-3">
          <Button type="submit" loading={isSubmitting} disabled={!isDirty && campaign.abTest !== null}>
            Save A/B test
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}

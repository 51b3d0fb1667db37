// One campaign's QA settings, edited and saved whole: the client the leads are for and whether
// approved leads go to it without a click, the checklist reviewers tick, and the account
// criteria the pipeline checks. The contract's schema checks the values before they are sent;
// whatever it or the API refuses is shown on the field it names.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { leadCampaignSettingsSchema, type LeadCampaignSettings } from '@shared/contracts/leads';
import { FormError } from '@/components/form/form-error';
import { FormSaveBar } from '@/components/form/form-save-bar';
import { Combobox } from '@/components/ui/combobox';
import { Field } from '@/components/ui/field';
import { SectionCard } from '@/components/ui/section-card';
import { LabelledSwitch } from '@/components/ui/switch';
import { toast } from '@/components/ui/toast';
import { useCan } from '@/lib/auth';
import { draftOf, settingsOf, type SettingsDraft } from './campaign-settings-draft';
import { ChecklistEditor, type ChecklistRow } from './checklist-editor';
import { CriteriaEditor } from './criteria-editor';
import { apiFieldErrors, issuesByPath, leftoverErrors, type FieldErrors } from './field-errors';
import { useClientOrganisations, useSaveCampaignSettings, type CampaignOption } from './settings-api';

const SHOWN = (path: string) => path === 'clientOrgId' || path.startsWith('checklist.') || path.startsWith('criteria.');

export interface CampaignSettingsFormProps {
  campaign: CampaignOption;
  settings: LeadCampaignSettings;
  readOnly: boolean;
}

export function CampaignSettingsForm({ campaign, settings, readOnly }: CampaignSettingsFormProps) {
  const save = useSaveCampaignSettings(campaign.id);
  const clients = useClientOrganisations();
  const isAdmin = useCan('admin');
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  // A reload of the saved settings (after a save, or another campaign) starts the form again.
  useEffect(() => {
    setDraft(draftOf(settings));
    setErrors({});
  }, [settings]);

  const current = useMemo(() => settingsOf(draft, campaign.kind), [draft, campaign.kind]);
  const dirty = JSON.stringify(current) !== JSON.stringify(settingsOf(draftOf(settings), campaign.kind));

  const setRows = (update: (rows: ChecklistRow[]) => ChecklistRow[]) => setDraft((d) => ({ ...d, checklist: update(d.checklist) }));
  const move = (index: number, by: -1 | 1) =>
    setRows((all) => {
      const to = index + by;
      if (to < 0 || to >= all.length) return all;
      const next = [...all];
      [next[index], next[to]] = [next[to]!, next[index]!];
      return next;
    });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = leadCampaignSettingsSchema.safeParse(current);
    if (!parsed.success) {
      setErrors(issuesByPath(parsed.error));
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync(parsed.data);
      toast.success(`QA settings of ${campaign.name} saved.`);
    } catch (error) {
      setErrors(apiFieldErrors(error));
    }
  }

  const clientOptions = (clients.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  const banner = leftoverErrors(errors, SHOWN);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`QA settings of ${campaign.name}`} className="grid gap-4">
      <SectionCard title="Client and delivery" description="Who the campaign's leads are for, and whether an approved lead is delivered without a click.">
        <div className="grid items-start gap-4 md:grid-cols-2">
          <Field
            label="Client organisation"
            error={errors.clientOrgId}
            hint={isAdmin ? 'Delivery configurations of this client receive its leads.' : 'Only administrators can change the client.'}
          >
            {(control) => (
              <Combobox
                {...control}
                aria-invalid={control['aria-invalid']}
                value={draft.clientOrgId}
                onChange={(clientOrgId) => setDraft((d) => ({ ...d, clientOrgId }))}
                options={
                  draft.clientOrgId && !clientOptions.some((o) => o.value === draft.clientOrgId)
                    ? [...clientOptions, { value: draft.clientOrgId, label: 'The current client' }]
                    : clientOptions
                }
                placeholder={clients.isLoading ? 'Loading clients…' : 'No client yet'}
                searchPlaceholder="Search clients"
                emptyText="No client by that name."
                disabled={readOnly || !clients.isSuccess}
              />
            )}
          </Field>
          <div className="pt-7">
            <LabelledSwitch
              id="lead-auto-deliver"
              checked={draft.autoDeliver}
              disabled={readOnly}
              onCheckedChange={(autoDeliver) => setDraft((d) => ({ ...d, autoDeliver }))}
              label={
                <>
                  Deliver approved leads automatically <span className="text-muted-foreground">(otherwise a reviewer clicks Deliver)</span>
                </>
              }
            />
          </div>
        </div>
      </SectionCard>

      <SectionCard
        title="Checklist"
        description="What a reviewer confirms on each lead. Required items must be ticked before the lead can be approved."
        flush
      >
        <ChecklistEditor rows={draft.checklist} onRowsChange={setRows} move={move} errors={errors} readOnly={readOnly} />
      </SectionCard>

      <SectionCard title="Account criteria" description="The companies this campaign's leads must come from. The pipeline checks each lead's account against them; empty means any.">
        <CriteriaEditor value={draft.criteria} onChange={(criteria) => setDraft((d) => ({ ...d, criteria }))} errors={errors} readOnly={readOnly} />
      </SectionCard>

      <FormError>{banner}</FormError>
      {!readOnly && (
        <FormSaveBar
          saveLabel="Save QA settings"
          pending={save.isPending}
          dirty={dirty}
          onDiscard={() => {
            setDraft(draftOf(settings));
            setErrors({});
          }}
        />
      )}
    </form>
  );
}

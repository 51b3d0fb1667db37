// One saved template at /email/templates/:id: its name and content in the same editor as a
// campaign's, saved on its own a moment after each change (or now, with Save); duplicate and
// delete from the header.
import { useState } from 'react';
import { useLocation } from 'wouter';
import { Copy, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { DetailBackButton, DetailPageFallback } from '@/features/records/detail-page-states';
import { Input } from '@/components/ui/input';
import { SectionCard } from '@/components/ui/section-card';
import { toast } from '@/components/ui/toast';
import { ContentEditor } from '@/features/email/content-editor';
import { draftFrom, errorsFromApi, toSaveInput, validateDraft, type ContentDraft, type ContentErrors } from '@/features/email/content-draft';
import { SaveStatus } from '@/features/email/save-status';
import type { Template } from '@shared/contracts/email';
import { TEMPLATES_ROUTE, templateHref, useDeleteTemplate, useDuplicateTemplate, useSaveTemplate, useTemplate } from '@/features/email/templates-api';
import { useAutosave } from '@/features/email/use-autosave';
import { StaleWriteBanner } from '@/features/records/stale-write-banner';
import { describeError } from '@/lib/api';

export function TemplateEditorPage({ id }: { id: string }) {
  const query = useTemplate(id);
  const [generation, setGeneration] = useState(0);
  const back = <DetailBackButton href={TEMPLATES_ROUTE}>Templates</DetailBackButton>;
  if (query.isPending || query.isError) {
    return <DetailPageFallback query={query} back={back} loadingLabel="Loading the template" blocks={['h-96']} title="Template" noun="template" />;
  }
  return (
    <TemplateEditor
      key={generation}
      template={query.data}
      back={back}
      onReload={async () => {
        await query.refetch();
        setGeneration((g) => g + 1);
      }}
    />
  );
}

type TemplateDraft = ContentDraft & { name: string };

function TemplateEditor({ template, back, onReload }: { template: Template; back: React.ReactNode; onReload: () => Promise<void> }) {
  const [, navigate] = useLocation();
  const save = useSaveTemplate(template.id);
  const duplicate = useDuplicateTemplate();
  const remove = useDeleteTemplate();
  const [deleting, setDeleting] = useState(false);
  const [draft, setDraft] = useState<TemplateDraft>(() => ({ ...draftFrom(template), name: template.name }));

  const autosave = useAutosave<TemplateDraft, ContentErrors & { name?: string[] }>({
    value: draft,
    save: async (value) => {
      await save.mutateAsync({ name: value.name.trim(), content: toSaveInput(value) });
    },
    validate: (value) => (value.name.trim() === '' ? { name: ['The template needs a name.'] } : validateDraft(value)),
    fromApi: (value, { name, ...contentErrors }) => ({ ...errorsFromApi(value, contentErrors), ...(name ? { name } : {}) }),
  });

  return (
    <div className="grid gap-5">
      <HeaderActionBar
        className="pb-0"
        eyebrow={back}
        title={draft.name.trim() || 'Untitled template'}
        meta={<SaveStatus state={autosave} />}
        actions={
          <>
            <Button size="sm" onClick={() => void autosave.flush()} disabled={autosave.status === 'saved' || autosave.status === 'saving'}>
              Save
            </Button>
            <Button
              variant="outline"
              size="sm"
              loading={duplicate.isPending}
              onClick={async () => {
                await autosave.flush();
                try {
                  const copy = await duplicate.mutateAsync(template.id);
                  toast.success(`Duplicated as “${copy.name}”.`);
                  navigate(templateHref(copy.id));
                } catch (error) {
                  toast.error('The template could not be duplicated', { description: describeError(error) });
                }
              }}
            >
              {!duplicate.isPending && <Copy aria-hidden="true" />} Duplicate
            </Button>
            <Button variant="outline" size="sm" className="text-danger-text" onClick={() => setDeleting(true)}>
              <Trash2 aria-hidden="true" /> Delete
            </Button>
          </>
        }
      />
      {autosave.status === 'stale' && <StaleWriteBanner noun="template" onReload={() => void onReload()} />}
      <SectionCard title="Template" description="Changes save on their own a moment after you stop typing.">
        <div className="grid gap-5">
          <Field label="Template name" required error={autosave.errors?.name?.join('; ')} className="max-w-md">
            <Input value={draft.name} onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} maxLength={120} autoComplete="off" />
          </Field>
          <ContentEditor draft={draft} onChange={(update) => setDraft((d) => ({ ...update(d), name: d.name }))} errors={autosave.errors} label="Template content" />
        </div>
      </SectionCard>
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        destructive
        title={`Delete “${template.name}”?`}
        description="Campaigns started from it keep their own copy of the content."
        confirmLabel="Delete template"
        onConfirm={async () => {
          try {
            await remove.mutateAsync(template.id);
            toast.success(`Template “${template.name}” deleted.`);
            navigate(TEMPLATES_ROUTE);
          } catch (error) {
            toast.error(describeError(error));
            throw error;
          }
        }}
      />
    </div>
  );
}

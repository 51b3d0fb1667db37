// Saved email templates: each with its subject, mode and last change; create one (C), open it
// in the editor, duplicate or delete it (with confirmation). Campaigns start from them.
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { ColumnDef } from '@tanstack/react-table';
import { Copy, LayoutTemplate, Trash2 } from 'lucide-react';
import type { TemplateSummary } from '@shared/contracts/email';
import { newEmailDocument } from '@shared/contracts/email-content';
import { applyApiErrors } from '@/components/form/apply-api-errors';
import { FormDialogFooter } from '@/components/form/form-dialog-footer';
import { FormError } from '@/components/form/form-error';
import { Badge } from '@/components/ui/badge';
import { RowAction, actionsColumn } from '@/components/ui/data-table/row-actions';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { DeleteNamedDialog } from '@/features/named-index/delete-named-dialog';
import { NamedIndexPage } from '@/features/named-index/named-index-page';
import { whenColumn } from '@/features/records/when-column';
import { TEMPLATES_PATH, templateHref, templateKeys, useCreateTemplate, useDuplicateTemplate, useTemplates } from '@/features/email/templates-api';
import { useQueryClient } from '@tanstack/react-query';
import { describeError } from '@/lib/api';

export function TemplatesIndex() {
  const [, navigate] = useLocation();
  const templates = useTemplates();
  const duplicate = useDuplicateTemplate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<TemplateSummary | null>(null);

  const columns = useMemo<ColumnDef<TemplateSummary, unknown>[]>(
    () => [
      { id: 'subject', header: 'Subject', size: 300, cell: ({ row }) => row.original.subject || <span className="text-muted-foreground">No subject</span> },
      { id: 'mode', header: 'Mode', size: 110, cell: ({ row }) => <Badge variant={row.original.mode === 'html' ? 'accent' : 'neutral'}>{row.original.mode === 'html' ? 'HTML' : 'Blocks'}</Badge> },
      whenColumn('updatedAt', 'Updated', 150, (t) => t.updatedAt),
      { id: 'updatedBy', header: 'By', size: 150, cell: ({ row }) => row.original.updatedByName ?? <span className="text-muted-foreground">—</span> },
      actionsColumn(90, (t) => (
        <>
          <RowAction
            label={`Duplicate ${t.name}`}
            icon={<Copy aria-hidden="true" />}
            onClick={() =>
              void duplicate
                .mutateAsync(t.id)
                .then((copy) => toast.success(`Duplicated as “${copy.name}”.`, { action: { label: 'Open', onClick: () => navigate(templateHref(copy.id)) } }))
                .catch((error: unknown) => toast.error('The template could not be duplicated', { description: describeError(error) }))
            }
          />
          <RowAction label={`Delete ${t.name}`} icon={<Trash2 aria-hidden="true" />} tone="danger" onClick={() => setDeleting(t)} />
        </>
      )),
    ],
    [navigate],
  );

  return (
    <NamedIndexPage
      title="Templates"
      description="Saved emails a campaign can start from: blocks or HTML, subject and preheader."
      tableId="email-templates"
      itemName="templates"
      query={templates}
      hrefOf={(t) => templateHref(t.id)}
      columns={columns}
      createLabel="New template"
      onCreate={() => setCreating(true)}
      canCreate
      empty={{ icon: <LayoutTemplate />, title: 'No templates yet', description: 'Save a layout your team reuses — a newsletter, an event invitation — and start campaigns from it.' }}
    >
      <CreateTemplateDialog open={creating} onOpenChange={setCreating} onCreated={(id) => navigate(templateHref(id))} />
      <DeleteNamedDialog
        item={deleting}
        onClose={() => setDeleting(null)}
        noun="Template"
        pathOf={(t) => `${TEMPLATES_PATH}/${t.id}`}
        description="Campaigns started from it keep their own copy of the content."
        onDeleted={() => void queryClient.invalidateQueries({ queryKey: templateKeys.all })}
      />
    </NamedIndexPage>
  );
}

const nameSchema = z.object({ name: z.string().trim().min(1, 'is required').max(120) });

function CreateTemplateDialog({ open, onOpenChange, onCreated }: { open: boolean; onOpenChange: (open: boolean) => void; onCreated: (id: string) => void }) {
  const create = useCreateTemplate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ name: string }>({ resolver: zodResolver(nameSchema), defaultValues: { name: '' } });
  const submit = form.handleSubmit(async ({ name }) => {
    setFormError(null);
    try {
      const template = await create.mutateAsync({ name, content: { mode: 'blocks', document: newEmailDocument(), subject: '', preheader: '' } });
      toast.success(`Template “${template.name}” created.`);
      onOpenChange(false);
      form.reset({ name: '' });
      onCreated(template.id);
    } catch (error) {
      setFormError(applyApiErrors(form, error));
    }
  });
  return (
    <Dialog open={open} onOpenChange={(next) => !form.formState.isSubmitting && onOpenChange(next)}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate aria-label="New template">
          <DialogHeader>
            <DialogTitle>New template</DialogTitle>
            <DialogDescription>It starts with a greeting, a paragraph, a button and the footer.</DialogDescription>
          </DialogHeader>
          <Field label="Template name" required error={form.formState.errors.name?.message}>
            <Input autoFocus autoComplete="off" maxLength={120} {...form.register('name')} />
          </Field>
          <FormError>{formError}</FormError>
          <FormDialogFooter submitLabel="Create template" pending={form.formState.isSubmitting} onCancel={() => onOpenChange(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

// Writing text assets: "New" (an email template, landing copy, a social post or a video link, with
// its first version) and "Edit" (a new version of one, starting from the current content). The
// API's refusals land on the fields they name.
import { useEffect, useState } from 'react';
import { ASSET_TYPE_LABELS, type AssetView, type AssetVersionView, type CreateAsset } from '@shared/contracts/content';
import { errorsByField } from '@/components/form/apply-api-errors';
import { FormDialog } from '@/components/form/form-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { TagInput } from '@/features/leads/settings/tag-input';
import { describeError } from '@/lib/api';
import { createTextAsset, editAsset } from './assets-api';

export type TextAssetType = CreateAsset['type'];

interface ContentValues {
  subject: string;
  body: string;
  url: string;
}

const fieldError = (errors: Record<string, string>, name: string) => errors[name] ?? errors[`body.${name}`];

function ContentFields({ type, values, onChange, errors }: { type: TextAssetType; values: ContentValues; onChange: (next: ContentValues) => void; errors: Record<string, string> }) {
  if (type === 'video_link') {
    return (
      <Field label="Video URL" required error={fieldError(errors, 'url')} hint="Where the video plays (YouTube, Vimeo, Wistia…).">
        {(props) => <Input {...props} type="url" value={values.url} onChange={(e) => onChange({ ...values, url: e.target.value })} placeholder="https://" />}
      </Field>
    );
  }
  return (
    <>
      {type === 'email_template' && (
        <Field label="Subject" error={fieldError(errors, 'subject')}>
          {(props) => <Input {...props} value={values.subject} onChange={(e) => onChange({ ...values, subject: e.target.value })} maxLength={300} />}
        </Field>
      )}
      <Field label={type === 'social_post' ? 'Post' : type === 'email_template' ? 'Body' : 'Copy'} required error={fieldError(errors, 'body')}>
        {(props) => (
          <Textarea {...props} value={values.body} onChange={(e) => onChange({ ...values, body: e.target.value })} rows={type === 'social_post' ? 4 : 10} className="font-mono text-[13px]" />
        )}
      </Field>
      {type === 'social_post' && <p className="text-xs text-muted-foreground">{values.body.length} characters</p>}
    </>
  );
}

function errorsOf(failure: unknown): { fields: Record<string, string>; form: string | null } {
  const { form, ...fields } = errorsByField(failure);
  return { fields, form: form ?? (Object.keys(fields).length ? null : describeError(failure)) };
}

export function NewTextAssetDialog({ type, onOpenChange, onCreated }: { type: TextAssetType | null; onOpenChange: (open: boolean) => void; onCreated: (asset: AssetView) => void }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [content, setContent] = useState<ContentValues>({ subject: '', body: '', url: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!type) return;
    setTitle('');
    setDescription('');
    setTags([]);
    setContent({ subject: '', body: '', url: '' });
    setErrors({});
    setFormError(null);
  }, [type]);

  const submit = async (event?: { preventDefault(): void }) => {
    event?.preventDefault();
    if (!type) return;
    setPending(true);
    setFormError(null);
    try {
      const body: CreateAsset =
        type === 'video_link'
          ? { type, title, description, tags, url: content.url.trim() }
          : { type, title, description, tags, body: content.body, ...(type === 'email_template' && content.subject.trim() ? { subject: content.subject } : {}) };
      onCreated(await createTextAsset(body));
      onOpenChange(false);
    } catch (failure) {
      const { fields, form } = errorsOf(failure);
      setErrors(fields);
      setFormError(form);
    } finally {
      setPending(false);
    }
  };

  return (
    <FormDialog
      open={type !== null}
      onOpenChange={onOpenChange}
      title={type ? `New ${ASSET_TYPE_LABELS[type].toLowerCase()}` : 'New asset'}
      size="lg"
      onSubmit={submit}
      pending={pending}
      formError={formError}
      submitLabel="Create"
    >
      <Field label="Title" required error={fieldError(errors, 'title')}>
        {(props) => <Input {...props} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />}
      </Field>
      <Field label="Description" error={fieldError(errors, 'description')}>
        {(props) => <Input {...props} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} />}
      </Field>
      <Field label="Tags" error={fieldError(errors, 'tags')}>
        {(props) => <TagInput {...props} value={tags} onChange={setTags} itemNames={['tag', 'tags']} normalize={(t) => t.toLowerCase()} placeholder="webinar, nurture…" />}
      </Field>
      {type && <ContentFields type={type} values={content} onChange={setContent} errors={errors} />}
    </FormDialog>
  );
}

export function EditVersionDialog({
  open,
  onOpenChange,
  asset,
  current,
  onSaved,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  asset: Pick<AssetView, 'id' | 'type' | 'title'>;
  current: AssetVersionView | null;
  onSaved: (version: AssetVersionView) => void;
}) {
  const type = asset.type as TextAssetType;
  const [content, setContent] = useState<ContentValues>({ subject: '', body: '', url: '' });
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!open) return;
    setContent({ subject: current?.subject ?? '', body: current?.body ?? '', url: current?.url ?? '' });
    setNote('');
    setErrors({});
    setFormError(null);
  }, [open, current]);

  const submit = async (event?: { preventDefault(): void }) => {
    event?.preventDefault();
    setPending(true);
    setFormError(null);
    try {
      const edit =
        type === 'video_link'
          ? { url: content.url.trim(), note: note.trim() || undefined }
          : { body: content.body, note: note.trim() || undefined, ...(type === 'email_template' ? { subject: content.subject } : {}) };
      onSaved(await editAsset(asset.id, edit));
      onOpenChange(false);
    } catch (failure) {
      const { fields, form } = errorsOf(failure);
      setErrors(fields);
      setFormError(form);
    } finally {
      setPending(false);
    }
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Edit ${asset.title}`}
      description="Saving makes a new version; the earlier ones stay in the history."
      size="lg"
      onSubmit={submit}
      pending={pending}
      formError={formError}
      submitLabel="Save as new version"
    >
      <ContentFields type={type} values={content} onChange={setContent} errors={errors} />
      <Field label="Note" hint="What changed, for the history (optional)." error={fieldError(errors, 'note')}>
        {(props) => <Input {...props} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />}
      </Field>
    </FormDialog>
  );
}

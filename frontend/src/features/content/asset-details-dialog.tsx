// An asset's details (title, description, tags): changed without making a version.
import { useEffect, useState } from 'react';
import type { AssetView } from '@shared/contracts/content';
import { errorsByField } from '@/components/form/apply-api-errors';
import { FormDialog } from '@/components/form/form-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { TagInput } from '@/features/leads/settings/tag-input';
import { updateAsset } from './assets-api';

export function AssetDetailsDialog({ asset, open, onOpenChange, onSaved }: { asset: AssetView; open: boolean; onOpenChange: (open: boolean) => void; onSaved: () => void }) {
  const [title, setTitle] = useState(asset.title);
  const [description, setDescription] = useState(asset.description);
  const [tags, setTags] = useState<string[]>(asset.tags);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!open) return;
    setTitle(asset.title);
    setDescription(asset.description);
    setTags(asset.tags);
    setErrors({});
  }, [open, asset]);

  const submit = async (event?: { preventDefault(): void }) => {
    event?.preventDefault();
    setPending(true);
    try {
      await updateAsset(asset.id, { title, description, tags });
      onSaved();
      onOpenChange(false);
    } catch (failure) {
      setErrors(errorsByField(failure));
    } finally {
      setPending(false);
    }
  };
  const error = (name: string) => errors[`body.${name}`] ?? errors[name];

  return (
    <FormDialog open={open} onOpenChange={onOpenChange} title="Edit details" onSubmit={submit} pending={pending} formError={errors.form ?? null} submitLabel="Save">
      <Field label="Title" required error={error('title')}>
        {(props) => <Input {...props} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />}
      </Field>
      <Field label="Description" error={error('description')}>
        {(props) => <Textarea {...props} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={2000} />}
      </Field>
      <Field label="Tags" error={error('tags')}>
        {(props) => <TagInput {...props} value={tags} onChange={setTags} itemNames={['tag', 'tags']} normalize={(t) => t.toLowerCase()} />}
      </Field>
    </FormDialog>
  );
}

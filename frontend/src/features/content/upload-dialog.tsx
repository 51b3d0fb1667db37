// Uploading a file: a new document or image (title from the file's name, description, tags) or a
// new version of one (with a note). The file is chosen or dropped; the dialog shows the PUT's
// progress, and a refusal (type, size, a broken connection) stays in it with the reason.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { UploadCloud } from 'lucide-react';
import { ASSET_TYPE_LABELS, MAX_UPLOAD_BYTES, type AssetView } from '@shared/contracts/content';
import { FormDialog } from '@/components/form/form-dialog';
import { Field } from '@/components/ui/field';
import { FileButton } from '@/components/ui/file-button';
import { Input } from '@/components/ui/input';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Textarea } from '@/components/ui/textarea';
import { TagInput } from '@/features/leads/settings/tag-input';
import { describeError } from '@/lib/api';
import { cn } from '@/lib/utils';
import { formatBytes } from './asset-badges';
import { UPLOAD_ACCEPT, contentTypeOf, fileAssetType, uploadFile } from './assets-api';

export interface UploadDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** A file already chosen (dropped on the page). */
  initialFile?: File | null;
  /** A new version of this asset; else a new asset. */
  asset?: Pick<AssetView, 'id' | 'type' | 'title'>;
  onUploaded: (asset: AssetView) => void;
}

const titleFromName = (name: string) => name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();

/** What is wrong with this file before any request, or null. */
function fileProblem(file: File, asset: UploadDialogProps['asset']): string | null {
  const type = fileAssetType(contentTypeOf(file));
  if (!type) return `${file.name} is not a document or image the library takes (PDF, Office, text, CSV, PNG, JPEG, GIF, WebP, SVG).`;
  if (asset && asset.type !== type) return `${file.name} is not a ${ASSET_TYPE_LABELS[asset.type].toLowerCase()}.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_UPLOAD_BYTES) return `${file.name} is larger than 5 GB.`;
  return null;
}

export function UploadDialog({ open, onOpenChange, initialFile, asset, onUploaded }: UploadDialogProps) {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const choose = (next: File | null | undefined) => {
    setError(null);
    setProgress(null);
    setFile(next ?? null);
    if (next && !asset) setTitle((current) => current || titleFromName(next.name));
    if (next) setError(fileProblem(next, asset));
  };

  useEffect(() => {
    if (!open) return;
    setFile(null);
    setTitle('');
    setDescription('');
    setTags([]);
    setNote('');
    setProgress(null);
    setError(null);
    // Only on opening: choose reads the props of this opening.
    if (initialFile) choose(initialFile);
  }, [open, initialFile]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  const submit = async (event?: { preventDefault(): void }) => {
    event?.preventDefault();
    if (!file) return setError('Choose a file to upload.');
    const problem = fileProblem(file, asset);
    if (problem) return setError(problem);
    if (!asset && !title.trim()) return setError('Give the asset a title.');
    setPending(true);
    setError(null);
    setProgress(0);
    abort.current = new AbortController();
    try {
      const type = fileAssetType(contentTypeOf(file))!;
      const target = asset
        ? { assetId: asset.id, note: note.trim() || undefined }
        : { asset: { type, title: title.trim(), description: description.trim(), tags } };
      const done = await uploadFile(file, target, (fraction) => setProgress(fraction * 100), abort.current.signal);
      setProgress(100);
      onUploaded(done);
      onOpenChange(false);
    } catch (failure) {
      setProgress(null);
      setError(describeError(failure));
    } finally {
      setPending(false);
    }
  };

  const close = (next: boolean) => {
    if (!next) abort.current?.abort();
    onOpenChange(next);
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={close}
      title={asset ? `Upload a new version of ${asset.title}` : 'Upload a file'}
      description={asset ? 'The file becomes the current version; the earlier ones stay in the history.' : 'A document (PDF, Office, text) or an image, up to 5 GB.'}
      onSubmit={submit}
      pending={pending}
      formError={error}
      submitLabel="Upload"
      submitDisabled={!file}
    >
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="upload-drop-zone"
        className={cn('flex flex-col items-center gap-2 rounded-lg border-2 border-dashed border-border p-5 text-center text-sm', dragging && 'border-primary bg-primary-subtle')}
      >
        <UploadCloud className="size-6 text-muted-foreground" aria-hidden="true" />
        {file ? (
          <p>
            <span className="font-medium">{file.name}</span> <span className="text-muted-foreground">· {formatBytes(file.size)}</span>
          </p>
        ) : (
          <p className="text-muted-foreground">Drop a file here, or</p>
        )}
        <FileButton label={file ? 'Choose another file' : 'Choose a file'} accept={UPLOAD_ACCEPT} onFile={choose} />
      </div>
      {progress !== null && <ProgressBar value={progress} label="Upload progress" valueText={file ? `${Math.round(progress)}% of ${formatBytes(file.size)}` : undefined} />}
      {asset ? (
        <Field label="Note" hint="What changed, for the history (optional).">
          {(props) => <Input {...props} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />}
        </Field>
      ) : (
        <>
          <Field label="Title" required>
            {(props) => <Input {...props} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />}
          </Field>
          <Field label="Description">
            {(props) => <Textarea {...props} value={description} onChange={(e) => setDescription(e.target.value)} rows={2} maxLength={2000} />}
          </Field>
          <Field label="Tags">
            {(props) => <TagInput {...props} value={tags} onChange={setTags} itemNames={['tag', 'tags']} normalize={(t) => t.toLowerCase()} placeholder="whitepaper, webinar…" />}
          </Field>
        </>
      )}
    </FormDialog>
  );
}

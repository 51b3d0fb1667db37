// One record's page from its spec: a header (back to the list, name, badges, Edit / Delete /
// Restore), its field sections edited in place (PATCH with the version read; a stale write is
// said plainly with a reload), its field history, and the slots a module fills with what only
// it has (an account's contacts, a contact's consent). Deleting offers an undo.
import { useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import type { UseQueryResult } from '@tanstack/react-query';
import { PencilLine, RotateCcw, Trash2 } from 'lucide-react';
import { BackLink } from '@/components/ui/back-link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { SectionCard } from '@/components/ui/section-card';
import { toast } from '@/components/ui/toast';
import { api, describeError } from '@/lib/api';
import { DetailLoadError } from './detail-load-error';
import { EditableFields } from './editable-fields';
import { formatDateTime } from './format';
import { listAddress } from './list-address';
import { RecordDetailSkeleton } from './record-detail-skeleton';
import { RecordFormDialog } from './record-form-dialog';
import { RecordHistory } from './record-history';
import { historyLabelsOf, isMono, sectionsOf, type RecordBase, type RecordSpec } from './record-spec';
import { StaleWriteBanner } from './stale-write-banner';
import { useRecordEditor } from './use-record-editor';

export interface RecordDetailPageProps<T extends RecordBase> {
  spec: RecordSpec<T>;
  id: string;
  query: UseQueryResult<T>;
  canWrite: boolean;
  /** Beside the name in the title: an avatar. */
  avatar?: (record: T) => ReactNode;
  /** Under the name: a domain, a title and company. */
  subtitle?: (record: T) => ReactNode;
  /** Next to the title: status badges. */
  badges?: (record: T) => ReactNode;
  /** Header actions before Edit (a website link). */
  actions?: (record: T) => ReactNode;
  /** Cards above the field sections in the main column. */
  before?: (record: T) => ReactNode;
  /** Cards below the field sections in the main column. */
  after?: (record: T) => ReactNode;
  /** Cards above the history in the side column. */
  aside?: (record: T) => ReactNode;
}

export function RecordDetailPage<T extends RecordBase>({ spec, id, query, canWrite, avatar, subtitle, badges, actions, before, after, aside }: RecordDetailPageProps<T>) {
  const [, navigate] = useLocation();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { singular } = spec.nouns;
  const editor = useRecordEditor({ basePath: spec.apiPath, record: query.data, recordKey: spec.keys.detail(id), listKey: spec.keys.lists, schema: spec.updateSchema });
  const back = listAddress(spec.route);

  if (query.isLoading) return <RecordDetailSkeleton label={`Loading ${singular}`} />;
  if (query.isError || !query.data) return <DetailLoadError noun={singular} query={query} missingDescription="It may have been deleted for good, or the link is mistyped." />;
  const record = query.data;
  const name = spec.nameOf(record);
  const deleted = record.deletedAt !== null;
  const readOnly = !canWrite || deleted;

  async function restore() {
    try {
      await api.post(`${spec.apiPath}/${id}/restore`);
      toast.success(`${name} restored.`);
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      void editor.reload();
    }
  }

  async function remove() {
    try {
      await api.delete(`${spec.apiPath}/${id}`);
      toast.success(`${name} deleted.`, { duration: 12_000, action: { label: 'Undo', onClick: () => void restore() } });
      navigate(back);
    } catch (error) {
      toast.error(describeError(error));
    }
  }

  const sections = sectionsOf(spec);
  return (
    <div className="grid gap-6">
      <HeaderActionBar
        className="pb-0"
        eyebrow={<BackLink href={back}>{spec.title}</BackLink>}
        title={
          <span className="flex items-center gap-3">
            {avatar?.(record)}
            <span className="min-w-0">
              <span className="block truncate">{name}</span>
              {subtitle && <span className="block truncate text-sm font-normal tracking-normal text-muted-foreground">{subtitle(record)}</span>}
            </span>
          </span>
        }
        meta={
          <>
            {deleted && <Badge variant="danger">Deleted</Badge>}
            {badges?.(record)}
          </>
        }
        actions={
          canWrite && (
            <>
              {actions?.(record)}
              {deleted ? (
                <Button onClick={() => void restore()}>
                  <RotateCcw aria-hidden="true" />
                  Restore
                </Button>
              ) : (
                <>
                  <Button variant="outline" onClick={() => setEditing(true)}>
                    <PencilLine aria-hidden="true" />
                    Edit
                  </Button>
                  <Button variant="outline" className="text-danger-text hover:bg-danger-subtle" onClick={() => setConfirmDelete(true)}>
                    <Trash2 aria-hidden="true" />
                    Delete
                  </Button>
                </>
              )}
            </>
          )
        }
      />

      {editor.stale && <StaleWriteBanner noun={singular} onReload={() => void editor.reload()} />}

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(320px,1fr)]">
        <div className="grid min-w-0 grid-cols-1 content-start gap-6">
          {before?.(record)}
          {sections.map((section, index) => (
            <SectionCard
              key={section.title}
              id={index === 0 ? `${singular}-details` : `${singular}-${section.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`}
              title={section.title}
              description={index === 0 && !readOnly ? 'Click a field to change it: Enter saves, Esc cancels.' : undefined}
              actions={index === 0 ? <span className="text-xs text-muted-foreground">Updated {formatDateTime(record.updatedAt)}</span> : undefined}
            >
              <EditableFields
                record={record}
                fields={section.fields.map((f) => ({ ...f, kind: f.kind === 'textarea' ? 'textarea' : f.kind === 'number' ? 'number' : f.kind === 'enum' ? 'enum' : 'text', mono: isMono(f) }))}
                readOnly={readOnly}
                save={editor.save}
              />
            </SectionCard>
          ))}
          {after?.(record)}
        </div>
        <div className="grid min-w-0 grid-cols-1 content-start gap-6 self-start">
          {aside?.(record)}
          <SectionCard id={`${singular}-history`} title="History" description="Every change, newest first.">
            <RecordHistory
              path={`${spec.apiPath}/${id}/history`}
              queryKey={spec.keys.history(id)}
              labels={historyLabelsOf(spec)}
              formatValue={spec.formatHistoryValue ? (field, value) => spec.formatHistoryValue?.(field, value, record) : undefined}
            />
          </SectionCard>
        </div>
      </div>

      <RecordFormDialog spec={spec} open={editing} onOpenChange={setEditing} record={record} />
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        destructive
        title={`Delete ${name}?`}
        description={spec.copy.deleteDescription}
        confirmLabel={`Delete ${singular}`}
        onConfirm={remove}
      />
    </div>
  );
}

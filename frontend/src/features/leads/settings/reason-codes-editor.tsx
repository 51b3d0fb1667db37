// The reason-code catalogue reviewers and clients choose from when a lead is rejected or returned:
// add a code (its code follows the label until saved), rename one, switch one off or remove it.
// A removed code that leads already carry is only deactivated by the API (leads and reports refer
// to it). Saved whole; Discard brings back what was removed; problems show on the row they name.
import { useEffect, useState } from 'react';
import { Plus, Tags, Trash2 } from 'lucide-react';
import { reasonCodeCatalogueSchema, type ReasonCode } from '@shared/contracts/leads';
import { FormError } from '@/components/form/form-error';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { SectionCard } from '@/components/ui/section-card';
import { Switch } from '@/components/ui/switch';
import { toast } from '@/components/ui/toast';
import { answerId, uniqueId } from '@/features/telephony/answer-id';
import { ListSaveActions } from '@/features/telephony/sortable-rows';
import { apiFieldErrors, issuesByPath, leftoverErrors, type FieldErrors } from './field-errors';
import { useSaveReasonCodes } from './settings-api';

interface Row extends ReasonCode {
  key: number;
  saved: boolean;
}

let nextKey = 1;
const rowsOf = (codes: ReasonCode[]): Row[] => codes.map((c) => ({ ...c, key: nextKey++, saved: true }));
const codesOf = (rows: Row[]): ReasonCode[] => rows.map(({ code, label, kind, active }) => ({ code, label: label.trim(), kind, active }));

const KINDS = [
  { kind: 'reject', title: 'Reject reasons', hint: 'Why a reviewer rejects a lead.' },
  { kind: 'return', title: 'Return reasons', hint: 'Why a client sends a delivered lead back.' },
] as const;

export function ReasonCodesEditor({ codes, readOnly }: { codes: ReasonCode[]; readOnly: boolean }) {
  const save = useSaveReasonCodes();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(codes));
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    setRows(rowsOf(codes));
    setErrors({});
  }, [codes]);
  const dirty = JSON.stringify(codesOf(rows)) !== JSON.stringify(codes);

  const update = (key: number, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function relabel(row: Row, label: string) {
    if (row.saved) return update(row.key, { label });
    const taken = new Set(rows.filter((r) => r.key !== row.key).map((r) => r.code));
    update(row.key, { label, code: uniqueId(answerId(label), taken) });
  }

  function add(kind: ReasonCode['kind']) {
    const key = nextKey++;
    setRows((all) => [...all, { key, code: '', label: '', kind, active: true, saved: false }]);
    requestAnimationFrame(() => document.getElementById(`reason-${key}-label`)?.focus());
  }

  async function submit() {
    const parsed = reasonCodeCatalogueSchema.safeParse({ codes: codesOf(rows) });
    if (!parsed.success) return setErrors(issuesByPath(parsed.error));
    setErrors({});
    try {
      await save.mutateAsync(parsed.data.codes);
      toast.success('Reason codes saved.');
    } catch (error) {
      setErrors(apiFieldErrors(error));
    }
  }

  const cell = 'px-2 py-1.5 align-top';
  return (
    <SectionCard
      title="Reason codes"
      description="A removed code that leads carry is kept, switched off."
      flush
      actions={
        !readOnly && (
          <ListSaveActions
            dirty={dirty}
            saving={save.isPending}
            onDiscard={() => {
              setRows(rowsOf(codes));
              setErrors({});
            }}
            onSave={() => void submit()}
            saveLabel="Save reason codes"
            saveDisabled={!dirty}
          />
        )
      }
    >
      {KINDS.map(({ kind, title, hint }) => {
        const list = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.kind === kind);
        return (
          <section key={kind} aria-labelledby={`reasons-${kind}`} className="border-b border-border last:border-b-0">
            <div className="flex items-center justify-between gap-3 px-5 pb-1 pt-4">
              <div>
                <h3 id={`reasons-${kind}`} className="text-sm font-semibold">
                  {title}
                </h3>
                <p className="text-xs text-muted-foreground">{hint}</p>
              </div>
              {!readOnly && (
                <Button variant="outline" size="sm" onClick={() => add(kind)}>
                  <Plus aria-hidden="true" /> Add {kind} reason
                </Button>
              )}
            </div>
            {list.length === 0 ? (
              <EmptyState compact icon={<Tags />} title={`No ${kind} reasons yet`} />
            ) : (
              <table className="w-full text-sm" aria-labelledby={`reasons-${kind}`}>
                <thead className="text-left text-xs font-medium text-muted-foreground">
                  <tr>
                    <th className={`${cell} pl-5`}>Label</th>
                    <th className={`${cell} w-56`}>Code</th>
                    <th className={`${cell} w-24`}>Active</th>
                    <th className={`${cell} w-12 pr-5`}>
                      <span className="sr-only">Remove</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map(({ row, index }) => {
                    const problem = errors[`codes.${index}.label`] ?? errors[`codes.${index}.code`] ?? errors[`codes.${index}`];
                    const errorId = `reason-${row.key}-error`;
                    const name = row.label || row.code || 'the new reason';
                    return (
                      <tr key={row.key} className="border-t border-border">
                        <td className={`${cell} pl-5`}>
                          <Input
                            id={`reason-${row.key}-label`}
                            aria-label={`Label of ${row.saved ? row.code : `new ${kind} reason`}`}
                            aria-invalid={problem ? true : undefined}
                            aria-describedby={problem ? errorId : undefined}
                            className="h-8"
                            value={row.label}
                            maxLength={120}
                            autoComplete="off"
                            disabled={readOnly}
                            onChange={(e) => relabel(row, e.target.value)}
                          />
                          {problem && (
                            <p id={errorId} className="mt-0.5 px-1 text-xs font-medium text-danger-text" role="alert">
                              {problem}
                            </p>
                          )}
                        </td>
                        <td className={`${cell} pt-3`}>
                          <span className="font-mono text-xs">{row.code || '—'}</span>
                          {!row.saved && (
                            <Badge variant="info" className="ml-2">
                              New
                            </Badge>
                          )}
                        </td>
                        <td className={`${cell} pt-2.5`}>
                          <Switch
                            aria-label={`${name} is active`}
                            checked={row.active}
                            disabled={readOnly}
                            onCheckedChange={(active) => update(row.key, { active })}
                          />
                        </td>
                        <td className={`${cell} pr-5`}>
                          {!readOnly && (
                            <Button
                              variant="ghost"
                              size="icon-sm"
                              className="text-danger-text"
                              aria-label={`Remove ${name}`}
                              onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                            >
                              <Trash2 aria-hidden="true" />
                            </Button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
      <FormError className="mx-5 my-3">{leftoverErrors(errors, (path) => /^codes\.\d+/.test(path))}</FormError>
    </SectionCard>
  );
}

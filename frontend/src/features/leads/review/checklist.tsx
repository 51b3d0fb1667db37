// The campaign's QA checklist for this lead: each item ticked by the analyst (saved at once, who
// and when kept by the API); approval waits for every required item.
import { useState } from 'react';
import type { LeadDetail } from '@shared/contracts/leads';
import { Checkbox } from '@/components/ui/checkbox';
import { SectionCard } from '@/components/ui/section-card';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { formatDateTime } from '@/features/records/format';
import { useAuth } from '@/lib/auth';
import { putChecklist } from '../leads-api';

/** The labels of the required items not ticked yet. */
export function missingRequired(lead: Pick<LeadDetail, 'checklistItems' | 'checklist'>): string[] {
  return lead.checklistItems.filter((item) => item.required && !lead.checklist[item.id]?.checked).map((item) => item.label);
}

export function ChecklistPanel({ lead, editable, onSaved }: { lead: LeadDetail; editable: boolean; onSaved: () => void }) {
  const [saving, setSaving] = useState<string | null>(null);
  const { user } = useAuth();
  const missing = missingRequired(lead);

  async function toggle(itemId: string, checked: boolean) {
    setSaving(itemId);
    try {
      const items = Object.fromEntries(lead.checklistItems.map((item) => [item.id, lead.checklist[item.id]?.checked ?? false]));
      await putChecklist(lead.id, { ...items, [itemId]: checked });
      onSaved();
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setSaving(null);
    }
  }

  return (
    <SectionCard
      id="lead-checklist"
      title="Checklist"
      description={
        lead.checklistItems.length === 0
          ? 'The campaign has no checklist.'
          : !editable
            ? 'Ticked while the lead is under review; reopen it to change.'
            : missing.length === 0
            ? 'Every required item is ticked.'
            : `${missing.length} required item${missing.length === 1 ? '' : 's'} left before approval.`
      }
      flush
    >
      {lead.checklistItems.length > 0 && (
        <ul className="grid gap-0.5 px-2 py-2" aria-label="Checklist items">
          {lead.checklistItems.map((item) => {
            const state = lead.checklist[item.id];
            const id = `check-${item.id}`;
            return (
              <li key={item.id} className="flex items-start gap-2.5 rounded-md px-2 py-1.5 hover:bg-muted/60">
                <Checkbox
                  id={id}
                  checked={state?.checked ?? false}
                  disabled={!editable || saving !== null}
                  onCheckedChange={(value) => void toggle(item.id, value === true)}
                  className="mt-0.5"
                />
                <label htmlFor={id} className="grid min-w-0 flex-1 cursor-pointer gap-0.5 text-sm leading-snug">
                  <span>
                    {item.label}
                    {item.required && <span className="ml-1 text-xs text-danger-text">required</span>}
                  </span>
                  {state?.checked && (
                    <span className="text-xs text-muted-foreground">
                      Ticked {state.by && state.by === user?.id ? 'by you ' : ''}on {formatDateTime(state.at)}
                    </span>
                  )}
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </SectionCard>
  );
}

// A checklist item's id, derived from its label the way a question's answer id is ("Budget
// confirmed?" → "budget_confirmed"), unique within the checklist. Saved items keep their id
// when relabelled: reviews already checked refer to it.
import { answerId, uniqueId } from '@/features/telephony/answer-id';

export function checklistItemId(label: string, taken: ReadonlySet<string>): string {
  const base = label.trim() ? answerId(label) : 'item';
  return uniqueId(base, taken);
}

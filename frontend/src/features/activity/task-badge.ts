// The sidebar's count beside My tasks: overdue tasks (urgent) or, when none, those due today.
import { useMyTasks } from './activity-api';

export function useTaskBadge(): { count: number; urgent: boolean } | null {
  const tasks = useMyTasks('today');
  const counts = tasks.data?.counts;
  if (!counts) return null;
  return counts.overdue > 0 ? { count: counts.overdue, urgent: true } : { count: counts.today, urgent: false };
}

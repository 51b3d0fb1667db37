// Who works a campaign: every user whose role makes calls, ticked or not, searchable, saved as one
// list. Assigned agents read the campaign's contacts and get its calls.
import { useMemo, useState } from 'react';
import { Users } from 'lucide-react';
import { FormError } from '@/components/form/form-error';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SearchBox } from '@/components/ui/search-box';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { useAssignableAgents } from './campaigns-api';

export function AgentsPicker({ agentIds, onSave, readOnly = false }: { agentIds: string[]; onSave: (ids: string[]) => Promise<void>; readOnly?: boolean }) {
  const agents = useAssignableAgents();
  const [picked, setPicked] = useState<Set<string>>(() => new Set(agentIds));
  const [q, setQ] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dirty = picked.size !== agentIds.length || agentIds.some((id) => !picked.has(id));
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (agents.data ?? []).filter((a) => !needle || a.name.toLowerCase().includes(needle) || a.username.toLowerCase().includes(needle));
  }, [agents.data, q]);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      // Kept in the order the list shows them.
      await onSave((agents.data ?? []).filter((a) => picked.has(a.id)).map((a) => a.id));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(false);
    }
  }

  const toggle = (id: string, on: boolean) =>
    setPicked((all) => {
      const next = new Set(all);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <SectionCard
      title="Agents"
      description={`${picked.size} assigned. They see this campaign in their console, read its contacts and take its calls.`}
      flush
      actions={
        !readOnly && (
          <>
            {dirty && (
              <Button variant="ghost" size="sm" onClick={() => setPicked(new Set(agentIds))} disabled={saving}>
                Discard
              </Button>
            )}
            <Button size="sm" onClick={() => void save()} loading={saving} disabled={!dirty}>
              Save agents
            </Button>
          </>
        )
      }
    >
      <div className="border-b border-border px-5 py-3">
        <SearchBox className="w-72" label="Search agents" placeholder="Search people…" value={q} onChange={setQ} />
      </div>
      {agents.isLoading ? (
        <div className="grid gap-2 p-5" aria-busy="true" aria-label="Loading agents">
          <Skeleton className="h-6" />
          <Skeleton className="h-6" />
          <Skeleton className="h-6" />
        </div>
      ) : agents.isError ? (
        <ErrorState title="The agents could not be loaded" description={describeError(agents.error)} onRetry={() => void agents.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState compact icon={<Users />} title={q ? 'Nobody matches' : 'Nobody makes calls yet'} description={q ? 'Try another name.' : 'Give users the agent role in Settings → Users.'} />
      ) : (
        <ul className="max-h-[28rem] divide-y divide-border overflow-y-auto" aria-label="People who make calls">
          {shown.map((a) => (
            <li key={a.id} className="flex items-center gap-3 px-5 py-2">
              <Checkbox id={`agent-${a.id}`} checked={picked.has(a.id)} disabled={readOnly} onCheckedChange={(on) => toggle(a.id, on === true)} />
              <label htmlFor={`agent-${a.id}`} className="flex min-w-0 flex-1 cursor-pointer items-baseline gap-2 text-sm">
                <span className="truncate font-medium">{a.name}</span>
                <span className="truncate font-mono text-xs text-muted-foreground">{a.username}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <div className="border-t border-border px-5 py-3">
          <FormError>{error}</FormError>
        </div>
      )}
    </SectionCard>
  );
}

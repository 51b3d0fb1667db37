// Settings → Users (admins): everyone with access, searchable and filterable by role and
// status; create and edit with roles, deactivate and reactivate with confirmation, and each
// person's audit trail.
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { Search, UserPlus, Users } from 'lucide-react';
import type { User } from '@shared/contracts/identity';
import { ROLES, ROLE_LABELS, isRole } from '@shared/roles';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Input } from '@/components/ui/input';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { useAuth } from '@/lib/auth';
import { useDebounced } from '@/lib/use-debounced';
import { UserAuditSheet } from './user-audit-sheet';
import { userColumns } from './user-columns';
import { fullName } from './user-format';
import { UserFormDialog } from './user-form-dialog';
import { useSetUserActive, useUserList, type UserFilters } from './users-api';
import { pagedTable } from '@/lib/paged-table';

const ALL = 'all';
const ROLE_FILTER_OPTIONS = [{ value: ALL, label: 'All roles' }, ...labelledOptions(ROLES, ROLE_LABELS)];
const STATUS_FILTER_OPTIONS = [
  { value: ALL, label: 'Any status' },
  { value: 'active', label: 'Active' },
  { value: 'deactivated', label: 'Deactivated' },
];
const SEARCH_DEBOUNCE_MS = 250;

export default function UsersPage() {
  const { user: me } = useAuth();
  const search = useSearch();
  const [, navigate] = useLocation();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string>(ALL);
  const [status, setStatus] = useState<string>(ALL);
  const debouncedQ = useDebounced(q.trim(), SEARCH_DEBOUNCE_MS);
  const filters: UserFilters = {
    ...(debouncedQ ? { q: debouncedQ } : {}),
    ...(isRole(role) ? { role } : {}),
    ...(status === 'active' || status === 'deactivated' ? { status } : {}),
  };
  const list = useUserList(filters);
  const users = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const filtered = Boolean(filters.q || filters.role || filters.status);

  const [editing, setEditing] = useState<User | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [auditUser, setAuditUser] = useState<User | null>(null);
  const [confirming, setConfirming] = useState<{ user: User; active: boolean } | null>(null);
  const setActive = useSetUserActive();

  // "Create user" from the command palette arrives as ?new=1.
  useEffect(() => {
    if (new URLSearchParams(search).get('new') === '1') {
      setEditing(null);
      setFormOpen(true);
      navigate('/settings/users', { replace: true });
    }
  }, [search, navigate]);

  const columns = useMemo(
    () =>
      userColumns({
        currentUserId: me?.id,
        onEdit: (user) => {
          setEditing(user);
          setFormOpen(true);
        },
        onAudit: setAuditUser,
        onSetActive: (user, active) => setConfirming({ user, active }),
      }),
    [me?.id],
  );

  function openCreate() {
    setEditing(null);
    setFormOpen(true);
  }

  function clearFilters() {
    setQ('');
    setRole(ALL);
    setStatus(ALL);
  }

  const toolbar = (
    <>
      <div className="relative w-full max-w-xs">
        <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
        <Input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Search name, username or email"
          aria-label="Search users"
          className="h-8 pl-8"
        />
      </div>
      <OptionSelect value={role} onValueChange={setRole} options={ROLE_FILTER_OPTIONS} size="sm" className="w-44" aria-label="Filter by role" />
      <OptionSelect value={status} onValueChange={setStatus} options={STATUS_FILTER_OPTIONS} size="sm" className="w-40" aria-label="Filter by status" />
      {filtered && (
        <Button variant="ghost" size="sm" onClick={clearFilters}>
          Clear filters
        </Button>
      )}
    </>
  );

  return (
    <>
      <HeaderActionBar
        title="Users"
        description="Everyone who can sign in to this workspace, their roles and their status. Changes are recorded in each person's audit trail."
        actions={
          <Button onClick={openCreate}>
            <UserPlus aria-hidden="true" />
            Create user
          </Button>
        }
      />
      <DataTable
        tableId="settings-users"
        label="Users"
        itemName={list.hasNextPage ? 'loaded' : users.length === 1 ? 'user' : 'users'}
        columns={columns}
        rows={users}
        getRowId={(user) => user.id}
        total={list.hasNextPage ? undefined : users.length}
        {...pagedTable(list)}
        onRowOpen={(user) => {
          setEditing(user);
          setFormOpen(true);
        }}
        toolbar={toolbar}
        height="calc(100dvh - 17rem)"
        empty={
          filtered ? (
            <EmptyState
              icon={<Search />}
              title="No user matches these filters"
              description="Try another name or clear the filters."
              action={
                <Button variant="outline" size="sm" onClick={clearFilters}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<Users />}
              title="No users yet"
              description="Create the first user and choose their roles."
              action={
                <Button size="sm" onClick={openCreate}>
                  <UserPlus aria-hidden="true" />
                  Create user
                </Button>
              }
            />
          )
        }
      />

      <UserFormDialog open={formOpen} onOpenChange={setFormOpen} user={editing} />
      <UserAuditSheet user={auditUser} onOpenChange={(open) => !open && setAuditUser(null)} />
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        destructive={confirming?.active === false}
        title={confirming ? `${confirming.active ? 'Reactivate' : 'Deactivate'} ${fullName(confirming.user)}?` : ''}
        description={
          confirming?.active
            ? 'They can sign in again with their current password.'
            : 'They are signed out within a minute and cannot sign in until reactivated. Their records stay.'
        }
        confirmLabel={confirming?.active ? 'Reactivate' : 'Deactivate'}
        onConfirm={async () => {
          if (!confirming) return;
          try {
            await setActive.mutateAsync({ userId: confirming.user.id, active: confirming.active });
            toast.success(`${fullName(confirming.user)} ${confirming.active ? 'reactivated' : 'deactivated'}.`);
          } catch (error) {
            // The dialog closes either way; the toast says why nothing changed.
            toast.error(describeError(error));
          }
        }}
      />
    </>
  );
}

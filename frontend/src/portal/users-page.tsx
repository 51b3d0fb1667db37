// The users of my organisation at /portal/users (client admins): who can sign in to the portal,
// inviting another (the temporary password, when the API hands one back, is shown once to copy),
// and deactivating or reactivating one after a confirmation.
import { useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { UserPlus, Users } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { portalUserInviteSchema, type PortalUser } from '@shared/contracts/portal-leads';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table/data-table';
import { actionsColumn, RowAction, unsortable } from '@/components/ui/data-table/row-actions';
import { ShownOnceDialog } from '@/components/ui/shown-once-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { FormDialog, useDialogForm } from '@/components/form/form-dialog';
import { api, describeError } from '@/lib/api';
import { useQueryClient } from '@tanstack/react-query';
import { NotAllowed } from '@/shell/page-states';
import { formatTime } from './order-badges';
import { PORTAL_API, portalKeys, useMe, useSetUserActive, useUsers } from './portal-api';

type InviteInput = z.input<typeof portalUserInviteSchema>;
type InviteValues = z.output<typeof portalUserInviteSchema>;
interface InviteResult {
  user: PortalUser;
  temporaryPassword: string | null;
}

function InviteDialog({ open, onOpenChange, onInvited }: { open: boolean; onOpenChange: (open: boolean) => void; onInvited: (result: InviteResult) => void }) {
  const queryClient = useQueryClient();
  const form = useForm<InviteInput, unknown, InviteValues>({ resolver: zodResolver(portalUserInviteSchema) });
  const dialog = useDialogForm(form, {
    open,
    onOpenChange,
    initial: () => ({ email: '', firstName: '', lastName: '', clientAdmin: false }),
    send: async (values) => {
      const result = await api.post<InviteResult>(`${PORTAL_API}/users`, values);
      await queryClient.invalidateQueries({ queryKey: portalKeys.users });
      onInvited(result);
    },
  });
  const errors = form.formState.errors;
  return (
    <FormDialog {...dialog} title="Invite a user" description="They can sign in to the portal and see your organisation's orders and leads." submitLabel="Invite">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name" required error={errors.firstName?.message}>
          <Input autoComplete="off" {...form.register('firstName')} />
        </Field>
        <Field label="Last name" required error={errors.lastName?.message}>
          <Input autoComplete="off" {...form.register('lastName')} />
        </Field>
      </div>
      <Field label="Email" required error={errors.email?.message}>
        <Input type="email" autoComplete="off" {...form.register('email')} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <Checkbox checked={form.watch('clientAdmin') === true} onCheckedChange={(v) => form.setValue('clientAdmin', v === true)} />
        Client admin (may invite and deactivate users)
      </label>
    </FormDialog>
  );
}

function TemporaryPasswordDialog({ result, onClose }: { result: InviteResult | null; onClose: () => void }) {
  return (
    <ShownOnceDialog
      value={result ? (result.temporaryPassword ?? '') : null}
      title={result ? `${result.user.firstName} ${result.user.lastName} is invited` : 'Invited'}
      description="Hand over this temporary password now: it is shown only once. They choose their own at first sign-in."
      testId="temporary-password"
      copyLabel="Copy the temporary password"
      done="Done"
      onClose={onClose}
    />
  );
}

export default function UsersPage() {
  const me = useMe();
  const admin = me.data?.clientAdmin === true;
  const users = useUsers(admin);
  const setActive = useSetUserActive();
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<InviteResult | null>(null);
  const [toggling, setToggling] = useState<PortalUser | null>(null);
  const [toggleError, setToggleError] = useState<string | null>(null);

  const columns = useMemo<ColumnDef<PortalUser, unknown>[]>(
    () =>
      unsortable<PortalUser>([
        {
          id: 'name',
          header: 'Name',
          size: 200,
          meta: { locked: true },
          cell: ({ row }) => (
            <span className="flex items-center gap-2">
              <span className="truncate font-medium">
                {row.original.firstName} {row.original.lastName}
              </span>
              {row.original.clientAdmin && <Badge>Admin</Badge>}
            </span>
          ),
        },
        { id: 'email', header: 'Email', size: 240, meta: { mono: true }, cell: ({ row }) => row.original.email },
        {
          id: 'status',
          header: 'Status',
          size: 110,
          cell: ({ row }) => (
            <Badge variant={row.original.status === 'active' ? 'success' : 'neutral'} dot>
              {row.original.status === 'active' ? 'Active' : 'Inactive'}
            </Badge>
          ),
        },
        { id: 'lastSignIn', header: 'Last sign-in', size: 170, cell: ({ row }) => <span className="text-xs">{row.original.lastSignInAt ? formatTime(row.original.lastSignInAt) : 'Never'}</span> },
        actionsColumn<PortalUser>(140, (user) =>
          user.id === me.data?.userId ? null : (
            <RowAction
              label={`${user.status === 'active' ? 'Deactivate' : 'Reactivate'} ${user.firstName} ${user.lastName}`}
              icon={<Users />}
              text={user.status === 'active' ? 'Deactivate' : 'Reactivate'}
              tone={user.status === 'active' ? 'danger' : 'success'}
              onClick={() => {
                setToggleError(null);
                setToggling(user);
              }}
            />
          ),
        ),
      ]),
    [me.data?.userId],
  );

  if (me.isSuccess && !admin) return <NotAllowed page="Users" />;
  const deactivating = toggling?.status === 'active';
  return (
    <>
      <HeaderActionBar
        title="Users"
        description="Who in your organisation can sign in to the portal."
        actions={
          <Button onClick={() => setInviting(true)} disabled={!admin}>
            <UserPlus aria-hidden="true" />
            Invite user
          </Button>
        }
      />
      <DataTable
        tableId="portal-users"
        label="Users"
        itemName="users"
        columns={columns}
        rows={users.data ?? []}
        getRowId={(u) => u.id}
        loading={me.isLoading || users.isLoading}
        error={users.isError ? describeError(users.error) : null}
        onRetry={() => void users.refetch()}
        defaultDensity="compact"
        height="max(320px, calc(100dvh - 15rem))"
        empty={<EmptyState icon={<Users />} title="No users yet" description="Invite the colleagues who should see your orders and leads." />}
      />
      <InviteDialog open={inviting} onOpenChange={setInviting} onInvited={(result) => (result.temporaryPassword ? setInvited(result) : toast.success(`${result.user.email} invited`))} />
      <TemporaryPasswordDialog result={invited} onClose={() => setInvited(null)} />
      <ConfirmDialog
        open={toggling !== null}
        onOpenChange={(open) => !open && setToggling(null)}
        title={toggling ? `${deactivating ? 'Deactivate' : 'Reactivate'} ${toggling.firstName} ${toggling.lastName}?` : ''}
        description={deactivating ? 'They can no longer sign in; their orders and returns stay.' : 'They can sign in again with their password.'}
        confirmLabel={deactivating ? 'Deactivate' : 'Reactivate'}
        destructive={deactivating}
        error={toggleError}
        onConfirm={async () => {
          if (!toggling) return;
          try {
            await setActive.mutateAsync({ userId: toggling.id, active: !deactivating });
            toast.success(`${toggling.firstName} ${toggling.lastName} ${deactivating ? 'deactivated' : 'reactivated'}`);
          } catch (error) {
            setToggleError(describeError(error));
            throw error;
          }
        }}
      />
    </>
  );
}

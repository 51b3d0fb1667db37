// The users table's columns: name and username, email, role badges, status, last sign-in and
// the row's actions.
import type { ColumnDef } from '@tanstack/react-table';
import { History, MoreHorizontal, Pencil, UserCheck, UserX } from 'lucide-react';
import type { User } from '@shared/contracts/identity';
import { ROLE_LABELS } from '@shared/roles';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { ROLE_BADGE } from './role-labels';
import { formatLastSignIn, fullName } from './user-format';

export interface UserRowActions {
  onEdit(user: User): void;
  onAudit(user: User): void;
  onSetActive(user: User, active: boolean): void;
  currentUserId: string | undefined;
}

export function userColumns(actions: UserRowActions): ColumnDef<User>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      size: 240,
      meta: { locked: true },
      cell: ({ row }) => (
        <div className="min-w-0">
          <p className="truncate font-medium">{fullName(row.original)}</p>
          <p className="truncate font-mono text-xs text-muted-foreground">{row.original.username}</p>
        </div>
      ),
    },
    {
      id: 'email',
      header: 'Email',
      size: 260,
      meta: { mono: true },
      cell: ({ row }) => <span className="truncate font-mono text-[13px]">{row.original.email}</span>,
    },
    {
      id: 'roles',
      header: 'Roles',
      size: 280,
      cell: ({ row }) => (
        <div className="flex flex-wrap gap-1">
          {row.original.roles.map((role) => (
            <Badge key={role} variant={ROLE_BADGE[role]}>
              {ROLE_LABELS[role]}
            </Badge>
          ))}
        </div>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      size: 130,
      cell: ({ row }) =>
        row.original.status === 'active' ? (
          <Badge variant="success" dot>
            Active
          </Badge>
        ) : (
          <Badge variant="neutral" dot>
            Deactivated
          </Badge>
        ),
    },
    {
      id: 'lastSignIn',
      header: 'Last sign-in',
      size: 150,
      meta: { mono: true },
      cell: ({ row }) => (
        <span className="font-mono text-[13px] text-muted-foreground" title={row.original.lastSignInAt ? new Date(row.original.lastSignInAt).toLocaleString() : undefined}>
          {formatLastSignIn(row.original.lastSignInAt)}
        </span>
      ),
    },
    {
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      size: 64,
      meta: { align: 'right', label: 'Actions', locked: true },
      cell: ({ row }) => {
        const user = row.original;
        const self = user.id === actions.currentUserId;
        return (
          <div className="flex justify-end">
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${fullName(user)}`}>
                  <MoreHorizontal aria-hidden="true" />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent>
                <DropdownMenuItem onSelect={() => actions.onEdit(user)}>
                  <Pencil aria-hidden="true" />
                  Edit
                </DropdownMenuItem>
                <DropdownMenuItem onSelect={() => actions.onAudit(user)}>
                  <History aria-hidden="true" />
                  Audit trail
                </DropdownMenuItem>
                <DropdownMenuSeparator />
                {user.status === 'active' ? (
                  <DropdownMenuItem destructive disabled={self} onSelect={() => actions.onSetActive(user, false)}>
                    <UserX aria-hidden="true" />
                    {self ? 'Deactivate (not yourself)' : 'Deactivate'}
                  </DropdownMenuItem>
                ) : (
                  <DropdownMenuItem onSelect={() => actions.onSetActive(user, true)}>
                    <UserCheck aria-hidden="true" />
                    Reactivate
                  </DropdownMenuItem>
                )}
              </DropdownMenuContent>
            </DropdownMenu>
          </div>
        );
      },
    },
  ];
}

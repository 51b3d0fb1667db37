// The user menu: who is signed in and with which roles, change password, shortcuts, sign out.
import { lazy, Suspense, useState } from 'react';
import { ChevronDown, Keyboard, KeyRound, LogOut } from 'lucide-react';
import { ROLE_LABELS } from '@shared/roles';
import { Badge } from '@/components/ui/badge';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { useAuth } from '@/lib/auth';

const ChangePasswordDialog = lazy(() => import('../pages/account/change-password-dialog'));

export function initialsOf(user: { firstName: string; lastName: string; username: string }): string {
  const initials = `${user.firstName.trim()[0] ?? ''}${user.lastName.trim()[0] ?? ''}`;
  return (initials || user.username.slice(0, 2)).toUpperCase();
}

export function UserMenu({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const { user, signOut } = useAuth();
  const [changingPassword, setChangingPassword] = useState(false);
  if (!user) return null;
  const name = `${user.firstName} ${user.lastName}`.trim() || user.username;
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger
          aria-label={`User menu: ${name}`}
          className="flex h-9 items-center gap-2 rounded-md pl-1 pr-2 text-sm hover:bg-muted data-[state=open]:bg-muted"
        >
          <span className="grid size-7 place-items-center rounded-full bg-brand-gradient text-[11px] font-semibold text-white" aria-hidden="true">
            {initialsOf(user)}
          </span>
          <span className="hidden max-w-36 truncate font-medium lg:inline">{name}</span>
          <ChevronDown className="size-3.5 text-muted-foreground" aria-hidden="true" />
        </DropdownMenuTrigger>
        <DropdownMenuContent className="w-64">
          <DropdownMenuLabel className="grid gap-0.5 py-2 font-normal">
            <span className="text-sm font-semibold text-foreground">{name}</span>
            <span className="truncate font-mono text-xs text-muted-foreground">{user.email}</span>
            <span className="mt-1.5 flex flex-wrap gap-1">
              {user.roles.map((role) => (
                <Badge key={role} variant={role === 'admin' ? 'default' : 'neutral'}>
                  {ROLE_LABELS[role]}
                </Badge>
              ))}
            </span>
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setChangingPassword(true)}>
            <KeyRound aria-hidden="true" />
            Change password
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={onShowShortcuts}>
            <Keyboard aria-hidden="true" />
            Keyboard shortcuts
            <DropdownMenuShortcut>?</DropdownMenuShortcut>
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => void signOut()}>
            <LogOut aria-hidden="true" />
            Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {changingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordDialog open={changingPassword} onOpenChange={setChangingPassword} />
        </Suspense>
      )}
    </>
  );
}

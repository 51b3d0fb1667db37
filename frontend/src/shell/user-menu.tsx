// The user menu: who is signed in and with which roles, change password, shortcuts, sign out.
import { lazy, Suspense, useState, type ReactNode } from 'react';
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

/**
 * The round badge with a person's initials. The letters are drawn by CSS (not text in the page),
 * so they are not part of what the button visibly says: its name ("User menu: <name>") then holds
 * all of its visible text, as speech-input users need.
 */
export function UserInitials({ user }: { user: { firstName: string; lastName: string; username: string } }) {
  return (
    <span
      data-initials={initialsOf(user)}
      className="grid size-7 place-items-center rounded-full bg-brand-gradient text-[11px] font-semibold text-white before:content-[attr(data-initials)]"
      aria-hidden="true"
    />
  );
}

/**
 * The menu behind a signed-in person's name, shared by the staff app and the client portal: who
 * is signed in (name, email and `badges`), then `items` (what the frame adds), change password
 * and sign out.
 */
export function AccountMenu({ badges, items, align }: { badges?: ReactNode; items?: ReactNode; align?: 'start' | 'end' }) {
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
          <UserInitials user={user} />
          <span className="hidden max-w-36 truncate font-medium lg:inline">{name}</span>
          <ChevronDown className="size-3.5 text-muted-foreground" aria-hidden="true" />
        </DropdownMenuTrigger>
        <DropdownMenuContent className="w-64" align={align}>
          <DropdownMenuLabel className="grid gap-0.5 py-2 font-normal">
            <span className="text-sm font-semibold text-foreground">{name}</span>
            <span className="truncate font-mono text-xs text-muted-foreground">{user.email}</span>
            {badges && <span className="mt-1.5 flex flex-wrap gap-1">{badges}</span>}
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          {items}
          <DropdownMenuItem onSelect={() => setChangingPassword(true)}>
            <KeyRound aria-hidden="true" />
            Change password
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

/** The staff app's user menu: the roles, and the keyboard shortcuts. */
export function UserMenu({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const { user } = useAuth();
  return (
    <AccountMenu
      badges={user?.roles.map((role) => (
        <Badge key={role} variant={role === 'admin' ? 'default' : 'neutral'}>
          {ROLE_LABELS[role]}
        </Badge>
      ))}
      items={
        <DropdownMenuItem onSelect={onShowShortcuts}>
          <Keyboard aria-hidden="true" />
          Keyboard shortcuts
          <DropdownMenuShortcut>?</DropdownMenuShortcut>
        </DropdownMenuItem>
      }
    />
  );
}

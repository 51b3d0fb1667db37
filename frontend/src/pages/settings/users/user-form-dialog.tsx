// Create or edit a user: names, email, (on create) username and a temporary password, roles as
// checkboxes, and for a client user their organisation (and, on create, whether they are its client
// admin). Validated with the API's schemas before
// sending; the API's field errors come back onto the same fields.
import { forwardRef, useEffect, useState, type InputHTMLAttributes } from 'react';
import { Controller, useController, useForm, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Wand2 } from 'lucide-react';
import type { User } from '@shared/contracts/identity';
import { CLIENT_ROLES, ROLES, ROLE_LABELS, type Role } from '@shared/roles';
import { FormDialog, useDialogForm } from '@/components/form/form-dialog';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { cn } from '@/lib/utils';
import { OrganisationPicker } from './organisation-picker';
import { ROLE_DESCRIPTIONS } from './role-labels';
import { createUserFormSchema, editUserFormSchema, generatePassword, type UserFormValues } from './user-form-schema';
import { useCreateUser, useUpdateUser } from './users-api';

const EMPTY: UserFormValues = {
  username: '',
  email: '',
  firstName: '',
  lastName: '',
  password: '',
  roles: [],
  orgId: null,
  clientAdmin: false,
  mustChangePassword: true,
};

function valuesOf(user: User | null): UserFormValues {
  if (!user) return EMPTY;
  return { ...EMPTY, username: user.username, email: user.email, firstName: user.firstName, lastName: user.lastName, roles: user.roles, orgId: user.orgId };
}

export interface UserFormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The user to edit; null to create one. */
  user: User | null;
}

export function UserFormDialog({ open, onOpenChange, user }: UserFormDialogProps) {
  const editing = user !== null;
  const create = useCreateUser();
  const update = useUpdateUser();
  const [showPassword, setShowPassword] = useState(false);
  const form = useForm<UserFormValues>({
    // One form, two contracts: creating sends the create request, editing the profile and roles.
    resolver: zodResolver(editing ? editUserFormSchema : createUserFormSchema) as never,
    defaultValues: valuesOf(user),
    mode: 'onTouched',
  });
  const { errors } = form.formState;
  const roles = form.watch('roles');
  const isClient = roles.includes('client_user');
  const dialog = useDialogForm(form, {
    open,
    onOpenChange,
    initial: () => valuesOf(user),
    resetKeys: [user],
    send: async (values) => {
      if (user) {
        await update.mutateAsync({
          user,
          profile: { email: values.email, firstName: values.firstName, lastName: values.lastName },
          roles: values.roles,
        });
        toast.success(`${values.firstName} ${values.lastName} saved.`);
      } else {
        await create.mutateAsync({
          username: values.username,
          email: values.email,
          firstName: values.firstName,
          lastName: values.lastName,
          password: values.password,
          roles: values.roles,
          ...(values.roles.includes('client_user') && values.orgId ? { orgId: values.orgId, clientAdmin: values.clientAdmin } : {}),
          mustChangePassword: values.mustChangePassword,
        });
        toast.success(`${values.firstName} ${values.lastName} can now sign in as ${values.username}.`);
      }
    },
  });
  useEffect(() => {
    if (open) setShowPassword(false);
  }, [open, user]);

  function toggleRole(current: Role[], role: Role, checked: boolean): Role[] {
    if (!checked) return current.filter((r) => r !== role);
    // A client user holds only that role; a staff role replaces it.
    if (role === 'client_user') return [...CLIENT_ROLES];
    return [...current.filter((r) => r !== 'client_user'), role];
  }

  return (
    <FormDialog
      {...dialog}
      size="lg"
      title={editing ? `Edit ${user.firstName} ${user.lastName}` : 'Create user'}
      description={editing ? 'Change their details and roles. Role changes apply within a minute.' : 'They sign in with the username and the temporary password you give them.'}
      formLabel={editing ? 'Edit user' : 'Create user'}
      className="grid gap-5"
      submitLabel={editing ? 'Save changes' : 'Create user'}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field className="content-start" label="First name" required error={errors.firstName?.message}>
          <Input autoComplete="off" autoFocus {...form.register('firstName')} />
        </Field>
        <Field className="content-start" label="Last name" required error={errors.lastName?.message}>
          <Input autoComplete="off" {...form.register('lastName')} />
        </Field>
        <Field className="content-start" label="Username" required={!editing} error={errors.username?.message} hint={editing ? 'Usernames cannot be changed.' : 'Letters, digits, dot, dash or underscore.'}>
          <Input autoComplete="off" spellCheck={false} className="font-mono" disabled={editing} {...form.register('username')} />
        </Field>
        <Field className="content-start" label="Email" required error={errors.email?.message}>
          <Input type="email" autoComplete="off" spellCheck={false} className="font-mono" {...form.register('email')} />
        </Field>
      </div>

      {!editing && (
        <div className="grid gap-3">
          <Field label="Temporary password" required error={errors.password?.message} hint="At least 12 characters; not containing the username.">
            <GeneratedPasswordInput
              show={showPassword}
              onGenerate={() => {
                form.setValue('password', generatePassword(), { shouldValidate: true, shouldDirty: true });
                setShowPassword(true);
              }}
              {...form.register('password')}
            />
          </Field>
          <Controller
            control={form.control}
            name="mustChangePassword"
            render={({ field }) => (
              <label className="flex items-center gap-2.5 text-sm">
                <Checkbox checked={field.value} onCheckedChange={(checked) => field.onChange(checked === true)} />
                Ask them to choose their own password at first sign-in
              </label>
            )}
          />
        </div>
      )}

      <fieldset className="grid gap-2" aria-describedby={errors.roles ? 'roles-error' : undefined}>
        <legend className="mb-1 text-sm font-medium">
          Roles<span className="ml-0.5 text-danger-text" aria-hidden="true">*</span>
        </legend>
        <Controller
          control={form.control}
          name="roles"
          render={({ field }) => (
            <div className="grid gap-2 sm:grid-cols-2">
              {ROLES.map((role) => {
                const checked = field.value.includes(role);
                const id = `role-${role}`;
                return (
                  <label
                    key={role}
                    htmlFor={id}
                    className={cn(
                      'flex cursor-pointer items-start gap-3 rounded-lg border px-3 py-2.5 transition-colors hover:bg-muted/60',
                      checked ? 'border-primary/60 bg-primary-subtle/50' : 'border-border',
                    )}
                  >
                    <Checkbox
                      id={id}
                      className="mt-0.5"
                      checked={checked}
                      aria-invalid={errors.roles ? true : undefined}
                      onCheckedChange={(next) => field.onChange(toggleRole(field.value, role, next === true))}
                      onBlur={field.onBlur}
                    />
                    <span className="grid gap-0.5">
                      <span className="text-sm font-medium">{ROLE_LABELS[role]}</span>
                      <span className="text-xs text-muted-foreground">{ROLE_DESCRIPTIONS[role]}</span>
                    </span>
                  </label>
                );
              })}
            </div>
          )}
        />
        {errors.roles && (
          <p id="roles-error" role="alert" className="text-xs font-medium text-danger-text">
            {errors.roles.message ?? errors.roles.root?.message}
          </p>
        )}
      </fieldset>

      {isClient && (
        <Field
          label="Organisation"
          required={!editing}
          error={errors.orgId?.message}
          hint={editing ? 'A client user stays with the organisation they were created for.' : 'The client this person orders leads for.'}
        >
          {editing ? (
            <Input value={user.orgId ?? 'None'} readOnly className="font-mono" />
          ) : (
            <OrganisationControl control={form.control} />
          )}
        </Field>
      )}
      {isClient && !editing && (
        <Controller
          control={form.control}
          name="clientAdmin"
          render={({ field }) => (
            <label className="-mt-2 flex items-center gap-2.5 text-sm">
              <Checkbox checked={field.value} onCheckedChange={(checked) => field.onChange(checked === true)} />
              Client admin (invites and deactivates the users of their organisation)
            </label>
          )}
        />
      )}
    </FormDialog>
  );
}

/** The organisation picker bound to the form; takes the id and aria props its Field hands it. */
function OrganisationControl({ control, ...aria }: { control: Control<UserFormValues>; id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) {
  const { field } = useController({ control, name: 'orgId' });
  return <OrganisationPicker value={field.value} onChange={field.onChange} {...aria} />;
}

/** A password input with a "Generate" button beside it; the field's id lands on the input. */
const GeneratedPasswordInput = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { show: boolean; onGenerate: () => void }>(
  function GeneratedPasswordInput({ show, onGenerate, ...props }, ref) {
    return (
      <div className="flex gap-2">
        <Input ref={ref} type={show ? 'text' : 'password'} autoComplete="new-password" className="font-mono" {...props} />
        <Button variant="outline" onClick={onGenerate}>
          <Wand2 aria-hidden="true" />
          Generate
        </Button>
      </div>
    );
  },
);

// Create an account, or edit its main fields, with the API's own schemas (accountCreateSchema /
// accountUpdateSchema) checking the form before it is sent; the API's field errors come back
// onto the same fields. Creating with a domain that already exists merges into that account.
import { useEffect, useState } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { accountCreateSchema, accountUpdateSchema, type Account, type AccountCreate } from '@shared/contracts/accounts';
import { EMPLOYEE_RANGES, REVENUE_RANGES } from '@shared/template';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { ApiError, api, describeError } from '@/lib/api';
import { ACCOUNTS_PATH, accountKeys } from './accounts-api';

interface AccountFormValues {
  name: string;
  domain: string;
  website: string;
  industry: string;
  employeeRange: AccountCreate['employeeRange'];
  revenueRange: AccountCreate['revenueRange'];
  phone: string;
  city: string;
  country: string;
  description: string;
}

const FORM_FIELDS = ['name', 'domain', 'website', 'industry', 'employeeRange', 'revenueRange', 'phone', 'city', 'country', 'description'] as const;
const NONE = '__none__';

function valuesOf(account: Account | null): AccountFormValues {
  return {
    name: account?.name ?? '',
    domain: account?.domain ?? '',
    website: account?.website ?? '',
    industry: account?.industry ?? '',
    employeeRange: account?.employeeRange ?? null,
    revenueRange: account?.revenueRange ?? null,
    phone: account?.phoneRaw ?? account?.phone ?? '',
    city: account?.city ?? '',
    country: account?.country ?? '',
    description: account?.description ?? '',
  };
}

export function AccountFormDialog({ open, onOpenChange, account }: { open: boolean; onOpenChange: (open: boolean) => void; account: Account | null }) {
  const editing = account !== null;
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AccountFormValues>({
    // The API's schema validates the form; its transforms (empty → null) shape what is sent.
    resolver: zodResolver((editing ? accountUpdateSchema : accountCreateSchema) as never) as never,
    defaultValues: valuesOf(account),
    mode: 'onTouched',
  });
  const { errors, isSubmitting, dirtyFields } = form.formState;

  useEffect(() => {
    if (open) {
      form.reset(valuesOf(account));
      setFormError(null);
    }
  }, [open, account, form]);

  function applyServerErrors(error: unknown) {
    if (error instanceof ApiError && error.code === 'stale_write') {
      setFormError('Not saved: this account was changed by someone else since you opened it. Close this form and reload the account to see their changes.');
      return;
    }
    if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
      let placed = false;
      for (const [field, messages] of Object.entries(error.fieldErrors)) {
        if ((FORM_FIELDS as readonly string[]).includes(field)) {
          form.setError(field as FieldPath<AccountFormValues>, { message: messages.join('; ') }, { shouldFocus: !placed });
          placed = true;
        }
      }
      if (placed) return;
    }
    setFormError(describeError(error));
  }

  const onSubmit = form.handleSubmit(async (parsed) => {
    setFormError(null);
    const values = parsed as unknown as Record<string, unknown>;
    try {
      if (account) {
        const changed = Object.fromEntries(FORM_FIELDS.filter((key) => dirtyFields[key]).map((key) => [key, values[key]]));
        if (Object.keys(changed).length === 0) {
          onOpenChange(false);
          return;
        }
        const saved = await api.patch<Account>(`${ACCOUNTS_PATH}/${account.id}`, { ...changed, version: account.version });
        queryClient.setQueryData(accountKeys.detail(account.id), saved);
        toast.success(`${saved.name} saved.`);
      } else {
        const saved = await api.post<Account>(ACCOUNTS_PATH, values);
        toast.success(`${saved.name} ${saved.version > 1 ? 'already existed: the new details were merged into it' : 'created'}.`);
        navigate(`/accounts/${saved.id}`);
      }
      void queryClient.invalidateQueries({ queryKey: accountKeys.all });
      onOpenChange(false);
    } catch (error) {
      applyServerErrors(error);
    }
  });

  return (
    <Dialog open={open} onOpenChange={(next) => !isSubmitting && onOpenChange(next)}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>{editing ? `Edit ${account.name}` : 'New account'}</DialogTitle>
          <DialogDescription>
            {editing ? 'Change the main details; every change is kept in the history.' : 'A company you sell to. If an account with this domain exists, the details are merged into it.'}
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-5" aria-label={editing ? 'Edit account' : 'New account'}>
          {formError && (
            <p role="alert" className="rounded-lg border border-danger/30 bg-danger-subtle px-3 py-2.5 text-sm text-danger-text">
              {formError}
            </p>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field className="content-start" label="Company name" required error={errors.name?.message}>
              <Input autoComplete="off" autoFocus {...form.register('name')} />
            </Field>
            <Field className="content-start" label="Domain" error={errors.domain?.message} hint="A domain, website address or email; stored as the company domain.">
              <Input autoComplete="off" spellCheck={false} className="font-mono" placeholder="northwind.com" {...form.register('domain')} />
            </Field>
            <Field className="content-start" label="Website" error={errors.website?.message}>
              <Input autoComplete="off" spellCheck={false} className="font-mono" placeholder="https://" {...form.register('website')} />
            </Field>
            <Field className="content-start" label="Industry" error={errors.industry?.message}>
              <Input autoComplete="off" {...form.register('industry')} />
            </Field>
            <Field className="content-start" label="Employees" error={errors.employeeRange?.message}>
              {(control) => (
                <Controller
                  control={form.control}
                  name="employeeRange"
                  render={({ field }) => (
                    <Select value={field.value ?? NONE} onValueChange={(v) => field.onChange(v === NONE ? null : v)}>
                      <SelectTrigger {...control} onBlur={field.onBlur}>
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        <SelectItem value={NONE}>Not known</SelectItem>
                        {EMPLOYEE_RANGES.map((range) => (
                          <SelectItem key={range} value={range}>
                            {range}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                />
              )}
            </Field>
            <Field className="content-start" label="Revenue" error={errors.revenueRange?.message}>
              {(control) => (
                <Controller
                  control={form.control}
                  name="revenueRange"
                  render={({ field }) => (
                    <Select value={field.value ?? NONE} onValueChange={(v) => field.onChange(v === NONE ? null : v)}>
                      <SelectTrigger {...control} onBlur={field.onBlur}>
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        <SelectItem value={NONE}>Not known</SelectItem>
                        {REVENUE_RANGES.map((range) => (
                          <SelectItem key={range} value={range}>
                            {range}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                />
              )}
            </Field>
            <Field className="content-start" label="Phone" error={errors.phone?.message}>
              <Input type="tel" autoComplete="off" className="font-mono" {...form.register('phone')} />
            </Field>
            <Field className="content-start" label="City" error={errors.city?.message}>
              <Input autoComplete="off" {...form.register('city')} />
            </Field>
            <Field className="content-start" label="Country" error={errors.country?.message} hint="Name or ISO code.">
              <Input autoComplete="off" {...form.register('country')} />
            </Field>
          </div>
          <Field label="Description" error={errors.description?.message}>
            <Textarea rows={3} {...form.register('description')} />
          </Field>
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {editing ? 'Save changes' : 'Create account'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

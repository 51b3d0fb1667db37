// Create a contact, or edit its main fields, checked with the API's schemas (contactCreateSchema
// / contactUpdateSchema); the API's field errors come back onto the fields. Creating with an
// email that already exists merges into that contact.
import { useEffect, useState } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { contactCreateSchema, contactUpdateSchema, type Contact, type ContactCreate } from '@shared/contracts/accounts';
import { SENIORITY_VALUES } from '@shared/template';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { toast } from '@/components/ui/toast';
import { ApiError, api, describeError } from '@/lib/api';
import { AccountPicker } from './account-picker';
import { CONTACTS_PATH, contactKeys, contactName } from './contacts-api';

interface ContactFormValues {
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string;
  seniority: ContactCreate['seniority'];
  directPhone: string;
  mobilePhone: string;
  country: string;
  accountId: string | null;
}

const FORM_FIELDS = ['firstName', 'lastName', 'email', 'jobTitle', 'seniority', 'directPhone', 'mobilePhone', 'country', 'accountId'] as const;
const NONE = '__none__';

function valuesOf(contact: Contact | null, accountId: string | null): ContactFormValues {
  return {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    email: contact?.email ?? '',
    jobTitle: contact?.jobTitle ?? '',
    seniority: contact?.seniority ?? null,
    directPhone: contact?.directPhoneRaw ?? contact?.directPhone ?? '',
    mobilePhone: contact?.mobilePhoneRaw ?? contact?.mobilePhone ?? '',
    country: contact?.country ?? '',
    accountId: contact?.accountId ?? accountId,
  };
}

export function ContactFormDialog({
  open,
  onOpenChange,
  contact,
  accountId = null,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  contact: Contact | null;
  /** Preselected account when creating from an account. */
  accountId?: string | null;
}) {
  const editing = contact !== null;
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ContactFormValues>({
    resolver: zodResolver((editing ? contactUpdateSchema : contactCreateSchema) as never) as never,
    defaultValues: valuesOf(contact, accountId),
    mode: 'onTouched',
  });
  const { errors, isSubmitting, dirtyFields } = form.formState;

  useEffect(() => {
    if (open) {
      form.reset(valuesOf(contact, accountId));
      setFormError(null);
    }
  }, [open, contact, accountId, form]);

  function applyServerErrors(error: unknown) {
    if (error instanceof ApiError && error.code === 'stale_write') {
      setFormError('Not saved: this contact was changed by someone else since you opened it. Close this form and reload the contact to see their changes.');
      return;
    }
    if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
      let placed = false;
      for (const [field, messages] of Object.entries(error.fieldErrors)) {
        if ((FORM_FIELDS as readonly string[]).includes(field)) {
          form.setError(field as FieldPath<ContactFormValues>, { message: messages.join('; ') }, { shouldFocus: !placed });
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
      if (contact) {
        const changed = Object.fromEntries(FORM_FIELDS.filter((key) => dirtyFields[key]).map((key) => [key, values[key]]));
        if (Object.keys(changed).length === 0) {
          onOpenChange(false);
          return;
        }
        const saved = await api.patch<Contact>(`${CONTACTS_PATH}/${contact.id}`, { ...changed, version: contact.version });
        queryClient.setQueryData(contactKeys.detail(contact.id), saved);
        toast.success(`${contactName(saved)} saved.`);
      } else {
        const saved = await api.post<Contact>(CONTACTS_PATH, values);
        toast.success(`${contactName(saved)} ${saved.version > 1 ? 'already existed: the new details were merged in' : 'created'}.`);
        navigate(`/contacts/${saved.id}`);
      }
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      onOpenChange(false);
    } catch (error) {
      applyServerErrors(error);
    }
  });

  return (
    <Dialog open={open} onOpenChange={(next) => !isSubmitting && onOpenChange(next)}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>{editing ? `Edit ${contactName(contact)}` : 'New contact'}</DialogTitle>
          <DialogDescription>
            {editing ? 'Change the main details; every change is kept in the history.' : 'A person at an account. A contact needs an email or a name; an existing email merges into that contact.'}
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-5" aria-label={editing ? 'Edit contact' : 'New contact'}>
          {formError && (
            <p role="alert" className="rounded-lg border border-danger/30 bg-danger-subtle px-3 py-2.5 text-sm text-danger-text">
              {formError}
            </p>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field className="content-start" label="First name" error={errors.firstName?.message}>
              <Input autoComplete="off" autoFocus {...form.register('firstName')} />
            </Field>
            <Field className="content-start" label="Last name" error={errors.lastName?.message}>
              <Input autoComplete="off" {...form.register('lastName')} />
            </Field>
            <Field className="content-start" label="Email" error={errors.email?.message}>
              <Input type="email" autoComplete="off" spellCheck={false} className="font-mono" {...form.register('email')} />
            </Field>
            <Field className="content-start" label="Job title" error={errors.jobTitle?.message}>
              <Input autoComplete="off" {...form.register('jobTitle')} />
            </Field>
            <Field className="content-start" label="Seniority" error={errors.seniority?.message}>
              {(control) => (
                <Controller
                  control={form.control}
                  name="seniority"
                  render={({ field }) => (
                    <Select value={field.value ?? NONE} onValueChange={(v) => field.onChange(v === NONE ? null : v)}>
                      <SelectTrigger {...control} onBlur={field.onBlur}>
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        <SelectItem value={NONE}>Not known</SelectItem>
                        {SENIORITY_VALUES.map((value) => (
                          <SelectItem key={value} value={value}>
                            {value}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                />
              )}
            </Field>
            <Field className="content-start" label="Account" error={errors.accountId?.message}>
              {(control) => (
                <Controller
                  control={form.control}
                  name="accountId"
                  render={({ field }) => (
                    <AccountPicker
                      id={control.id}
                      aria-describedby={control['aria-describedby']}
                      aria-invalid={control['aria-invalid']}
                      value={field.value}
                      onChange={field.onChange}
                      currentLabel={contact?.account ? { value: contact.account.id, label: contact.account.name, detail: contact.account.domain ?? undefined } : undefined}
                    />
                  )}
                />
              )}
            </Field>
            <Field className="content-start" label="Direct phone" error={errors.directPhone?.message}>
              <Input type="tel" autoComplete="off" className="font-mono" {...form.register('directPhone')} />
            </Field>
            <Field className="content-start" label="Mobile phone" error={errors.mobilePhone?.message}>
              <Input type="tel" autoComplete="off" className="font-mono" {...form.register('mobilePhone')} />
            </Field>
            <Field className="content-start" label="Country" error={errors.country?.message} hint="Name or ISO code.">
              <Input autoComplete="off" {...form.register('country')} />
            </Field>
          </div>
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {editing ? 'Save changes' : 'Create contact'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

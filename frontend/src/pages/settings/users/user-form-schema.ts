// The user form's rules: the API's own schemas (shared contract) plus the two rules a form can
// explain before submitting — the password policy and "a client user belongs to exactly one
// organisation and holds no other role".
import { z } from 'zod';
import {
  createUserRequestSchema,
  passwordPolicyIssues,
  replaceRolesRequestSchema,
  updateUserRequestSchema,
} from '@shared/contracts/identity';
import type { Role } from '@shared/roles';

export interface UserFormValues {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  password: string;
  roles: Role[];
  orgId: string | null;
  /** A client user who may invite and deactivate the users of their organisation. */
  clientAdmin: boolean;
  mustChangePassword: boolean;
}

function roleRules(values: { roles: Role[]; orgId?: string | null }, ctx: z.RefinementCtx, creating: boolean) {
  const client = values.roles.includes('client_user');
  if (client && values.roles.length > 1) {
    ctx.addIssue({ code: 'custom', path: ['roles'], message: 'a client user holds no other role' });
  }
  if (client && creating && !values.orgId) {
    ctx.addIssue({ code: 'custom', path: ['orgId'], message: "choose the client's organisation" });
  }
}

export const createUserFormSchema = createUserRequestSchema
  .extend({ orgId: z.string().uuid().nullable(), clientAdmin: z.boolean(), mustChangePassword: z.boolean() })
  .superRefine((values, ctx) => {
    for (const message of passwordPolicyIssues(values.password, { username: values.username, email: values.email })) {
      ctx.addIssue({ code: 'custom', path: ['password'], message });
    }
    roleRules(values, ctx, true);
  });

// A plain object (not the request's strict one): the form also carries the create-only fields,
// which editing ignores.
export const editUserFormSchema = z
  .object({ ...updateUserRequestSchema.shape, roles: replaceRolesRequestSchema.shape.roles })
  .superRefine((values, ctx) => roleRules(values, ctx, false));

/** A random password that meets the policy, for the admin to hand over (the user then changes it). */
export function generatePassword(length = 18): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_!';
  const bytes = new Uint32Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (n) => alphabet[n % alphabet.length]).join('');
}

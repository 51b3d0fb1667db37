// The roles a user can hold. Staff hold any mix of the first five; client users hold only
// `client_user` and always belong to one client organisation.
export const STAFF_ROLES = ['admin', 'campaign_manager', 'agent', 'quality_analyst', 'content_creator'] as const;
export const CLIENT_ROLES = ['client_user'] as const;
export const ROLES = [...STAFF_ROLES, ...CLIENT_ROLES] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  campaign_manager: 'Campaign manager',
  agent: 'Agent',
  quality_analyst: 'Quality analyst',
  content_creator: 'Content creator',
  client_user: 'Client user',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

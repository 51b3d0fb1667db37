// What each role may do, in one line, for the role checkboxes and badges.
import type { Role } from '@shared/roles';
import type { BadgeVariant } from '@/components/ui/badge';

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Everything, including users and settings',
  campaign_manager: 'Accounts, lists and email and call campaigns',
  agent: 'The calling console and assigned contacts',
  quality_analyst: 'Reviews and qualifies leads',
  content_creator: 'Content studio and resources',
  client_user: 'The client portal of one organisation',
};

export const ROLE_BADGE: Record<Role, BadgeVariant> = {
  admin: 'default',
  campaign_manager: 'info',
  agent: 'accent',
  quality_analyst: 'warning',
  content_creator: 'success',
  client_user: 'neutral',
};

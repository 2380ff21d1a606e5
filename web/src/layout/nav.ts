import type { Role } from '../api/types';

export interface NavItem {
  to: string;
  label: string;
  /** Who sees the link. */
  roles: readonly Role[];
  /** Highlight only on this exact path (so /tickets is not current on /tickets/new). */
  end?: boolean;
}

const EMPLOYEE: readonly Role[] = ['Employee'];
const STAFF: readonly Role[] = ['Ticket Coordinator', 'System Admin'];
const ADMIN: readonly Role[] = ['System Admin'];
const EVERYONE: readonly Role[] = ['Employee', 'Ticket Coordinator', 'System Admin'];

/** The header's links, in order; each role sees its own. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/tickets', label: 'My tickets', roles: EMPLOYEE, end: true },
  { to: '/tickets/new', label: 'New ticket', roles: EMPLOYEE },
  { to: '/queue', label: 'Queue', roles: STAFF },
  { to: '/dashboard', label: 'Dashboard', roles: STAFF },
  { to: '/canned-replies', label: 'Canned replies', roles: STAFF },
  { to: '/admin/accounts', label: 'Accounts', roles: ADMIN },
  { to: '/admin/rejections', label: 'Rejections', roles: ADMIN },
  { to: '/admin/api-keys', label: 'API keys', roles: ADMIN },
  { to: '/admin/dead-events', label: 'Dead notifications', roles: ADMIN },
  { to: '/admin/sla', label: 'SLA', roles: ADMIN },
  { to: '/profile', label: 'Profile', roles: EVERYONE },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

import type { Account } from '../../../api/types';

/** "Ana M. Cruz Jr." from an account's name parts. */
export function accountName(a: Pick<Account, 'first_name' | 'middle_name' | 'last_name' | 'suffix'>): string {
  return [a.first_name, a.middle_name, a.last_name, a.suffix].filter((part) => part && part.trim()).join(' ');
}

/** The roles an account can have, until the catalogue has loaded. */
export const ROLES = ['Employee', 'Ticket Coordinator', 'System Admin'];

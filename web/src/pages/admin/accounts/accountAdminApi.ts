// Changing an existing account (System Admin): names and department, role,
// deactivation, and the account's history.
import { api } from '../../../api/client';
import type { Account, AccountHistoryEntry, AccountUpdate, Page, Role } from '../../../api/types';

export function updateAccount(id: number, change: AccountUpdate): Promise<Account> {
  return api.patch<Account>(`/api/employees/${id}/`, change);
}

export function changeRole(id: number, role: Role): Promise<Account> {
  return api.post<Account>(`/api/employees/${id}/change-role/`, { role });
}

/** Ends the account's sessions and puts its open tickets back in the queue. */
export function deactivateAccount(id: number): Promise<Account> {
  return api.post<Account>(`/api/employees/${id}/deactivate/`);
}

export function reactivateAccount(id: number): Promise<Account> {
  return api.post<Account>(`/api/employees/${id}/reactivate/`);
}

export const HISTORY_PAGE_SIZE = 20;

/** One page of the account's changes, oldest first (`cursor` empty for the first). */
export function accountHistory(id: number, cursor: string, signal?: AbortSignal): Promise<Page<AccountHistoryEntry>> {
  return api.get<Page<AccountHistoryEntry>>(`/api/employees/${id}/history/`, { query: { cursor, page_size: HISTORY_PAGE_SIZE }, signal });
}

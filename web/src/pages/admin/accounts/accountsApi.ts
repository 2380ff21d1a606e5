// The account administration requests (System Admin).
import { api } from '../../../api/client';
import type { Account, Page, RejectedAccount } from '../../../api/types';
import type { Query } from '../../../api/url';

export function listAccounts(query: Query, signal?: AbortSignal): Promise<Page<Account>> {
  return api.get<Page<Account>>('/api/employees/', { query, signal });
}

export function approveAccount(id: number): Promise<Account> {
  return api.post<Account>(`/api/employees/${id}/approve/`);
}

export function rejectAccount(id: number, reason: string): Promise<RejectedAccount> {
  return api.post<RejectedAccount>(`/api/employees/${id}/reject/`, { reason });
}

export interface NewAccount {
  email: string;
  first_name: string;
  middle_name?: string;
  last_name: string;
  suffix?: string;
  department: string;
  role: string;
}

export function createAccount(body: NewAccount): Promise<Account> {
  return api.post<Account>('/api/admin/create-employee/', body);
}

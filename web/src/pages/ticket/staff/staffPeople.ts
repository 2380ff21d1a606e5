// The people a ticket may be assigned to: approved Ticket Coordinators and System Admins.
import { api } from '../../../api/client';
import type { Account, Page } from '../../../api/types';
import { linkParam } from '../../../api/url';

export interface StaffPerson {
  id: number;
  name: string;
  role: string;
}

const STAFF_ROLES = ['Ticket Coordinator', 'System Admin'] as const;
const PAGE_SIZE = 100;
/** Enough for any real help desk's staff; stops a runaway loop. */
const MAX_PAGES = 20;

async function approvedWithRole(role: string, signal?: AbortSignal): Promise<Account[]> {
  const out: Account[] = [];
  let page = 1;
  for (let i = 0; i < MAX_PAGES; i++) {
    const found = await api.get<Page<Account>>('/api/employees/', { query: { role, status: 'Approved', page, page_size: PAGE_SIZE }, signal });
    out.push(...found.results);
    const next = Number(linkParam(found.next, 'page'));
    if (!next) break;
    page = next;
  }
  return out;
}

export async function loadStaffPeople(signal?: AbortSignal): Promise<StaffPerson[]> {
  const lists = await Promise.all(STAFF_ROLES.map((role) => approvedWithRole(role, signal)));
  return lists
    .flat()
    .map((a) => ({ id: a.id, name: `${a.first_name} ${a.last_name}`.trim() || a.email, role: a.role }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

// Test helpers for the staff and admin pages: a signed-in person and a router.
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Role } from '../../api/types';
import { AuthContext, type AuthValue } from '../../auth/AuthContext';
import type { SessionUser } from '../../auth/user';

export function staffUser(role: Role = 'Ticket Coordinator', id = 7): SessionUser {
  return { id, email: 'cora@example.com', role, firstName: 'Cora', lastName: 'Lee', companyId: 'MA0007', department: 'IT Department' };
}

export function authValue(user: SessionUser): AuthValue {
  return {
    status: 'signed-in',
    user,
    notice: null,
    profile: null,
    reloadProfile: async () => {},
    setProfile: () => {},
    login: async () => user,
    logout: async () => {},
  };
}

/** Renders `element` at `url` (route `path`), signed in as `user`; returns the router too. */
export function renderAt(element: ReactNode, { url, path, user = staffUser() }: { url: string; path: string; user?: SessionUser }) {
  const router = createMemoryRouter([{ path, element }], { initialEntries: [url] });
  const result = render(
    <AuthContext.Provider value={authValue(user)}>
      <RouterProvider router={router} />
    </AuthContext.Provider>,
  );
  return { ...result, router };
}

export const CATALOG = {
  departments: ['IT Department', 'Asset Department', 'Budget Department'],
  categories: [
    { name: 'IT', sub_categories: ['Hardware', 'Software'] },
    { name: 'Asset', sub_categories: ['Laptop'] },
  ],
  priorities: ['Critical', 'High', 'Medium', 'Low'],
  statuses: ['New', 'Open', 'In Progress', 'On Hold', 'Pending', 'Resolved', 'Closed', 'Rejected', 'Withdrawn'],
  roles: ['Employee', 'Ticket Coordinator', 'System Admin'],
  suffixes: ['Jr.', 'Sr.'],
  attachments: { max_file_bytes: 10485760, max_files: 5, types: [] },
  image: { max_bytes: 2097152, types: ['image/png', 'image/jpeg'] },
  password: { min_length: 8, rule: 'At least 8 characters.' },
};

/** A ticket as the API sends it; override what a test needs. */
export function ticketFixture(over: Record<string, unknown> = {}) {
  return {
    id: 1,
    ticket_number: 'TX0001',
    employee: { id: 3, first_name: 'Alice', last_name: 'Ng', email: 'alice@example.com', role: 'Employee' },
    subject: 'Printer jam',
    category: 'IT',
    sub_category: 'Hardware',
    description: 'The printer on floor 2 jams.',
    scheduled_date: null,
    priority: 'Medium',
    department: 'IT Department',
    status: 'New',
    assigned_to: null,
    submit_date: '2026-12-01T09:00:00Z',
    update_date: '2026-12-01T09:30:00Z',
    response_time: null,
    resolution_time: null,
    time_closed: null,
    rejection_reason: null,
    finalized: false,
    version: 3,
    attachments: [],
    comments: [],
    actions: [],
    status_targets: [],
    ...over,
  };
}

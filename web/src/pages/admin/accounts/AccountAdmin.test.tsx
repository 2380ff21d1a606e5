import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { resetCatalogCache } from '../../../catalog/catalogStore';
import { account, json, mockApi, type Handler } from '../../../test/mockApi';
import { CATALOG, renderAt, staffUser } from '../../staff/testUtils';
import AccountsPage from '../AccountsPage';

/** An approved, active account with the last name Doe. */
const person = (id: number, first: string, over: Record<string, unknown> = {}) =>
  account({ id, email: `${first.toLowerCase()}@example.com`, first_name: first, last_name: 'Doe', company_id: `MA000${id}`, is_active: true, ...over });

let sam = person(5, 'Sam');
const ADA = person(1, 'Ada', { role: 'System Admin' });

function serve(routes: Record<string, Handler> = {}) {
  return mockApi({
    'GET /api/catalog/': () => json(200, CATALOG),
    'GET /api/employees/': (c) => {
      const rows = c.query.get('status') === 'Pending' ? [] : c.query.get('role') === 'System Admin' ? [ADA] : [sam, ADA];
      return json(200, { count: rows.length, next: null, previous: null, results: rows });
    },
    ...routes,
  });
}

const show = () => renderAt(<AccountsPage />, { url: '/admin/accounts', path: '/admin/accounts', user: staffUser('System Admin', 1) });

async function manageSam() {
  const all = await screen.findByRole('region', { name: 'All accounts' });
  await userEvent.click(await within(all).findByRole('button', { name: 'Manage Sam Doe' }));
  return screen.getByRole('dialog', { name: 'Manage Sam Doe' });
}

beforeEach(() => {
  resetCatalogCache();
  sam = person(5, 'Sam');
});
afterEach(() => vi.unstubAllGlobals());

describe('account administration', () => {
  it('shows an Active column and filters by access', async () => {
    sam = person(5, 'Sam', { is_active: false });
    const api = serve();
    show();
    const all = await screen.findByRole('region', { name: 'All accounts' });
    const table = await within(all).findByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Active' })).toBeInTheDocument();
    expect(within(table).getByText('Deactivated')).toBeInTheDocument();
    await userEvent.selectOptions(within(all).getByLabelText('Access'), 'Deactivated');
    await waitFor(() => expect(api.of('GET /api/employees/').at(-1)!.query.get('is_active')).toBe('false'));
  });

  it('saves changed names and department (PATCH) and a new role (change-role), each only when changed', async () => {
    const api = serve({
      'PATCH /api/employees/5/': (c) => json(200, (sam = { ...sam, ...(c.body as object) })),
      'POST /api/employees/5/change-role/': (c) => json(200, (sam = { ...sam, ...(c.body as object) })),
    });
    show();
    const dialog = await manageSam();
    expect(within(dialog).getByRole('button', { name: 'Save changes' })).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText(/Middle name/), 'Q');
    await userEvent.selectOptions(within(dialog).getByLabelText(/Department/), 'Budget Department');
    await userEvent.selectOptions(within(dialog).getByLabelText('Role'), 'Ticket Coordinator');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Sam Q Doe is saved.');
    expect(api.of('PATCH /api/employees/5/')[0]!.body).toEqual({ middle_name: 'Q', department: 'Budget Department' });
    expect(api.of('POST /api/employees/5/change-role/')[0]!.body).toEqual({ role: 'Ticket Coordinator' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a 400 field error beside its field', async () => {
    serve({
      'PATCH /api/employees/5/': () => json(400, { error: 'invalid_argument', detail: 'invalid input', field_errors: { last_name: ['Use letters only.'] } }),
    });
    show();
    const dialog = await manageSam();
    await userEvent.type(within(dialog).getByLabelText(/Last name/), 'x');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    const last = within(dialog).getByLabelText(/Last name/);
    await waitFor(() => expect(last).toHaveAttribute('aria-invalid', 'true'));
    expect(last).toHaveAccessibleDescription(expect.stringContaining('Use letters only.'));
  });

  it('shows a 409 (the last System Admin) as a sentence in the dialog', async () => {
    serve({ 'POST /api/employees/5/change-role/': () => json(409, { error: 'conflict', detail: 'the last active System Admin cannot be demoted' }) });
    show();
    const dialog = await manageSam();
    await userEvent.selectOptions(within(dialog).getByLabelText('Role'), 'Ticket Coordinator');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The last active System Admin cannot be demoted.');
    expect(screen.getByRole('dialog', { name: 'Manage Sam Doe' })).toBeInTheDocument();
  });

  it('deactivates only after confirming, then offers to reactivate', async () => {
    const api = serve({
      'POST /api/employees/5/deactivate/': () => json(200, (sam = { ...sam, is_active: false })),
      'POST /api/employees/5/reactivate/': () => json(200, (sam = { ...sam, is_active: true })),
    });
    show();
    const dialog = await manageSam();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate…' }));
    const confirm = within(dialog).getByRole('group', { name: 'Confirm deactivation' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Keep active' }));
    expect(api.of('POST /api/employees/5/deactivate/')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate…' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, deactivate' }));
    expect(await within(dialog).findByText(/Sam Doe is deactivated/)).toBeInTheDocument();
    expect(api.of('POST /api/employees/5/deactivate/')).toHaveLength(1);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reactivate…' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, reactivate' }));
    expect(await within(dialog).findByText(/Sam Doe is active again/)).toBeInTheDocument();
  });

  it('a refused deactivation (403) stays beside the confirmation', async () => {
    serve({ 'POST /api/employees/5/deactivate/': () => json(403, { error: 'forbidden', detail: 'you cannot deactivate your own account' }) });
    show();
    const dialog = await manageSam();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate…' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, deactivate' }));
    const confirm = within(dialog).getByRole('group', { name: 'Confirm deactivation' });
    expect(await within(confirm).findByRole('alert')).toHaveTextContent('You cannot deactivate your own account.');
  });

  it("shows the account's history when opened, with who changed what", async () => {
    const api = serve({
      'GET /api/employees/5/history/': () =>
        json(200, {
          count: null,
          next: null,
          previous: null,
          results: [
            { id: 1, account: 5, actor: 1, at: '2026-12-02T08:00:00Z', field: 'role', old_value: 'Employee', new_value: 'Ticket Coordinator' },
            { id: 2, account: 5, actor: 1, at: '2026-12-03T08:00:00Z', field: 'is_active', old_value: 'true', new_value: 'false' },
            { id: 3, account: 5, actor: 1, at: '2026-12-04T08:00:00Z', field: 'suffix', old_value: 'Jr.', new_value: null },
          ],
        }),
    });
    show();
    const dialog = await manageSam();
    expect(api.of('GET /api/employees/5/history/')).toHaveLength(0);
    await userEvent.click(within(dialog).getByText('History of this account'));
    expect(await within(dialog).findByText(/Role: Employee → Ticket Coordinator/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Access: active → deactivated/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Suffix: Jr\. → \(none\)/)).toBeInTheDocument();
    expect(within(dialog).getAllByText(/by Ada Doe/)).toHaveLength(3);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { buildUrl } from '../../api/url';
import { resetCatalogCache } from '../../catalog/catalogStore';
import { CATALOG, renderAt, staffUser } from '../staff/testUtils';
import AccountsPage from './AccountsPage';

vi.mock('../../api/client', () => ({ api: { get: vi.fn(), post: vi.fn() } }));
const get = vi.mocked(api.get);
const post = vi.mocked(api.post);

function account(id: number, first: string, status = 'Pending') {
  return {
    id,
    email: `${first.toLowerCase()}@example.com`,
    first_name: first,
    middle_name: null,
    last_name: 'Doe',
    suffix: null,
    company_id: `MA000${id}`,
    department: 'IT Department',
    role: 'Employee',
    status,
    date_created: '2026-12-01T08:00:00Z',
    image_url: null,
  };
}

let pending = [account(11, 'Pat')];
const approved = [account(5, 'Sam', 'Approved')];

function accountCalls(): string[] {
  return get.mock.calls
    .filter(([p]) => p === '/api/employees/')
    .map(([p, o]) => decodeURIComponent(buildUrl(p, (o as { query: never }).query)).replace(/\+/g, ' '));
}

beforeEach(() => {
  pending = [account(11, 'Pat')];
  resetCatalogCache();
  get.mockReset();
  post.mockReset();
  get.mockImplementation(async (path: string, options?: { query?: Record<string, unknown> }) => {
    if (path === '/api/catalog/') return CATALOG as never;
    const rows = options?.query?.status === 'Pending' ? pending : [...pending, ...approved];
    return { count: rows.length, next: null, previous: null, results: rows } as never;
  });
});

const show = () => renderAt(<AccountsPage />, { url: '/admin/accounts', path: '/admin/accounts', user: staffUser('System Admin', 1) });

describe('AccountsPage', () => {
  it('approves a pending sign-up and refreshes the lists', async () => {
    post.mockImplementation(async () => {
      pending = [];
      return account(11, 'Pat', 'Approved') as never;
    });
    show();
    const pendingSection = await screen.findByRole('region', { name: /Pending sign-ups/ });
    await userEvent.click(await within(pendingSection).findByRole('button', { name: 'Approve Pat Doe' }));
    expect(post).toHaveBeenCalledWith('/api/employees/11/approve/');
    expect(await screen.findByText('Pat Doe is approved and can sign in now.')).toBeInTheDocument();
    expect(await within(pendingSection).findByText('No sign-ups are waiting.')).toBeInTheDocument();
  });

  it('rejects a sign-up only with a reason', async () => {
    post.mockImplementation(async () => {
      pending = [];
      return {} as never;
    });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Reject Pat Doe' }));
    const dialog = screen.getByRole('dialog', { name: 'Reject Pat Doe' });
    const confirm = within(dialog).getByRole('button', { name: 'Reject sign-up' });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText(/Reason/), 'Not an employee.');
    await userEvent.click(confirm);
    await waitFor(() => expect(post).toHaveBeenCalledWith('/api/employees/11/reject/', { reason: 'Not an employee.' }));
    expect(await screen.findByText("Pat Doe's sign-up is rejected.")).toBeInTheDocument();
  });

  it('filters all accounts by role, status and department', async () => {
    show();
    const all = await screen.findByRole('region', { name: 'All accounts' });
    await userEvent.selectOptions(within(all).getByLabelText('Role'), 'Ticket Coordinator');
    await userEvent.selectOptions(within(all).getByLabelText('Status'), 'Approved');
    await userEvent.selectOptions(within(all).getByLabelText('Department'), 'Budget Department');
    await waitFor(() =>
      expect(accountCalls().at(-1)).toBe('/api/employees/?role=Ticket Coordinator&status=Approved&department=Budget Department&page=1&page_size=20'),
    );
  });

  it('creates an account, with field errors beside the fields and the mailed link explained', async () => {
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Create account' }));
    const form = screen.getByRole('form', { name: 'Create an account' });
    expect(form).toHaveTextContent(/email with a link to set one/);
    await userEvent.click(within(form).getByRole('button', { name: 'Create account' }));
    expect(within(form).getByLabelText(/^Email/)).toHaveAccessibleDescription('This field is required.');
    expect(within(form).getByLabelText(/^Department/)).toHaveAttribute('aria-invalid', 'true');
    expect(post).not.toHaveBeenCalled();

    post.mockRejectedValueOnce(new ApiError(400, 'invalid_argument', 'invalid input', { email: ['An account with this email exists.'] }));
    await userEvent.type(within(form).getByLabelText(/^Email/), 'new@example.com');
    await userEvent.type(within(form).getByLabelText(/^First name/), 'Nia');
    await userEvent.type(within(form).getByLabelText(/^Last name/), 'Ode');
    await userEvent.selectOptions(within(form).getByLabelText(/^Department/), 'IT Department');
    await userEvent.selectOptions(within(form).getByLabelText(/^Role/), 'Ticket Coordinator');
    await userEvent.click(within(form).getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(within(form).getByLabelText(/^Email/)).toHaveAccessibleDescription('An account with this email exists.'));
    expect(post).toHaveBeenLastCalledWith('/api/admin/create-employee/', {
      email: 'new@example.com',
      first_name: 'Nia',
      last_name: 'Ode',
      department: 'IT Department',
      role: 'Ticket Coordinator',
    });

    post.mockResolvedValueOnce({ ...account(20, 'Nia', 'Approved'), email: 'other@example.com', last_name: 'Ode' } as never);
    await userEvent.clear(within(form).getByLabelText(/^Email/));
    await userEvent.type(within(form).getByLabelText(/^Email/), 'other@example.com');
    await userEvent.click(within(form).getByRole('button', { name: 'Create account' }));
    expect(await within(form).findByRole('status')).toHaveTextContent('A link to set a password was mailed to other@example.com.');
  });
});

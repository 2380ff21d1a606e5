import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { account, catalog, json, mockApi, tokenPair } from '../../test/mockApi';
import { renderApp } from '../../test/renderApp';

afterEach(() => vi.unstubAllGlobals());

const signedOut = {
  'POST /api/token/refresh/': () => json(401, { error: 'unauthenticated', detail: 'no refresh cookie' }),
  'GET /api/catalog/': () => json(200, catalog),
};

/** The messages that belong to a control: its aria-describedby targets. */
function describedText(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

async function fillSignUp(user: ReturnType<typeof userEvent.setup>, values: Record<string, string>) {
  const form = await screen.findByTestId('page-signup');
  const q = within(form);
  await waitFor(() => expect(q.getAllByRole('option', { name: 'IT Department' }).length).toBeGreaterThan(0));
  if (values.first) await user.type(q.getByLabelText(/^first name/i), values.first);
  if (values.last) await user.type(q.getByLabelText(/^last name/i), values.last);
  if (values.email) await user.type(q.getByLabelText(/^email/i), values.email);
  if (values.department) await user.selectOptions(q.getByLabelText(/^department/i), values.department);
  if (values.password) await user.type(q.getByLabelText(/^password/i), values.password);
  if (values.confirm) await user.type(q.getByLabelText(/^confirm password/i), values.confirm);
  await user.click(q.getByRole('button', { name: /create account/i }));
  return q;
}

/** A sign-up that passes the console's checks. */
const emma = {
  first: 'Emma',
  last: 'Employee',
  email: 'emma@example.com',
  department: 'IT Department',
  password: 'Secret#123',
  confirm: 'Secret#123',
};

describe('sign-up page', () => {
  it('shows client-side errors beside their fields and sends nothing', async () => {
    const m = mockApi({ ...signedOut });
    const user = userEvent.setup();
    renderApp('/signup');
    const q = await fillSignUp(user, { first: 'Wendy', email: 'wendy@localhost', password: 'weakpass', confirm: 'weakpasz' });
    const email = q.getByLabelText(/^email/i);
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(describedText(email)).toMatch(/valid email address/i);
    const password = q.getByLabelText(/^password/i);
    expect(describedText(password)).toMatch(/Password needs an upper-case letter, a digit and a symbol\./);
    expect(describedText(q.getByLabelText(/^confirm password/i))).toMatch(/do not match/i);
    expect(describedText(q.getByLabelText(/^last name/i))).toMatch(/required/i);
    expect(describedText(q.getByLabelText(/^department/i))).toMatch(/required/i);
    expect(q.getByLabelText(/^first name/i)).toHaveAttribute('aria-invalid', 'false');
    expect(m.of('POST /api/create_employee/')).toHaveLength(0);
  });

  it("shows the server's field_errors beside their fields", async () => {
    const m = mockApi({
      ...signedOut,
      'POST /api/create_employee/': () =>
        json(400, { error: 'invalid_argument', detail: 'invalid input', field_errors: { email: ['An account with this email already exists.'] } }),
    });
    const user = userEvent.setup();
    renderApp('/signup');
    const q = await fillSignUp(user, emma);
    await waitFor(() => expect(describedText(q.getByLabelText(/^email/i))).toMatch(/already exists/));
    expect(q.getByLabelText(/^email/i)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Invalid input.')).toBeInTheDocument();
    expect(m.of('POST /api/create_employee/')[0]!.body).toMatchObject({ email: 'emma@example.com', department: 'IT Department', confirm_password: 'Secret#123' });
  });

  it('explains that the new account waits for approval', async () => {
    mockApi({ ...signedOut, 'POST /api/create_employee/': () => json(201, account({ status: 'Pending' })) });
    const user = userEvent.setup();
    renderApp('/signup');
    await fillSignUp(user, emma);
    expect(await screen.findByText(/pending approval/i)).toBeInTheDocument();
    expect(screen.getByText(/an administrator must approve/i)).toBeInTheDocument();
  });
});

describe('sign-in page', () => {
  it('tells a pending account apart from a wrong password', async () => {
    let pending = true;
    mockApi({
      ...signedOut,
      'POST /api/token/': () =>
        pending
          ? json(403, { error: 'permission_denied', detail: 'your account is pending approval' })
          : json(401, { error: 'unauthenticated', detail: 'invalid email or password' }),
    });
    const user = userEvent.setup();
    renderApp('/login');
    const page = await screen.findByTestId('page-login');
    const q = within(page);
    await user.type(q.getByLabelText(/^email/i), 'emma@example.com');
    await user.type(q.getByLabelText(/^password/i), 'Secret#123');
    await user.click(q.getByRole('button', { name: /sign in/i }));
    expect(await q.findByTestId('login-pending')).toHaveTextContent(/waiting for approval/i);
    pending = false;
    await user.click(q.getByRole('button', { name: /sign in/i }));
    expect(await q.findByText('Invalid email or password.')).toBeInTheDocument();
    expect(q.queryByTestId('login-pending')).toBeNull();
  });

  it('requires both fields before sending', async () => {
    const m = mockApi({ ...signedOut });
    const user = userEvent.setup();
    renderApp('/login');
    const q = within(await screen.findByTestId('page-login'));
    await user.click(q.getByRole('button', { name: /sign in/i }));
    expect(describedText(q.getByLabelText(/^email/i))).toMatch(/enter your email/i);
    expect(describedText(q.getByLabelText(/^password/i))).toMatch(/enter your password/i);
    expect(m.of('POST /api/token/')).toHaveLength(0);
  });

  it('signs in and lands an employee on My tickets', async () => {
    mockApi({
      ...signedOut,
      'POST /api/token/': () => json(200, tokenPair()),
      'GET /api/employee/profile/': () => json(200, account()),
      'GET /api/tickets/': () => json(200, { count: null, next: null, previous: null, results: [] }),
    });
    const user = userEvent.setup();
    renderApp('/login');
    const q = within(await screen.findByTestId('page-login'));
    await user.type(q.getByLabelText(/^email/i), 'emma@example.com');
    await user.type(q.getByLabelText(/^password/i), 'Secret#123');
    await user.click(q.getByRole('button', { name: /sign in/i }));
    expect(await screen.findByTestId('page-my-tickets')).toBeInTheDocument();
    expect(await screen.findByText(/not raised any tickets/i)).toBeInTheDocument();
  });
});

describe('reset-password page', () => {
  it('takes the token out of the address bar at once and sends it with the new password', async () => {
    window.history.replaceState(null, '', '/reset-password?token=abc123');
    const m = mockApi({ ...signedOut, 'POST /api/employee/reset-password/': () => json(200, { detail: 'password updated' }) });
    const user = userEvent.setup();
    renderApp('/reset-password?token=abc123');
    const q = within(await screen.findByTestId('page-reset-password'));
    expect(window.location.search).toBe('');
    expect(window.location.href).not.toContain('abc123');
    await user.type(q.getByLabelText(/^new password/i), 'Better#456');
    await user.type(q.getByLabelText(/^confirm new password/i), 'Better#456');
    await user.click(q.getByRole('button', { name: /set password/i }));
    expect(await q.findByText(/password was set/i)).toBeInTheDocument();
    expect(m.of('POST /api/employee/reset-password/')[0]!.body).toEqual({ token: 'abc123', new_password: 'Better#456', confirm_password: 'Better#456' });
  });

  it('says the link is incomplete without a token', async () => {
    mockApi({ ...signedOut });
    renderApp('/set-password');
    expect(await screen.findByText(/link is incomplete/i)).toBeInTheDocument();
  });
});

describe('forgot-password page', () => {
  it('gives the same answer whatever the address', async () => {
    mockApi({ ...signedOut, 'POST /api/employee/forgot-password/': () => json(200, { detail: 'ok' }) });
    const user = userEvent.setup();
    renderApp('/forgot-password');
    const q = within(await screen.findByTestId('page-forgot-password'));
    await user.type(q.getByLabelText(/^email/i), 'nobody@example.com');
    await user.click(q.getByRole('button', { name: /send reset link/i }));
    expect(await q.findByText(/check your email/i)).toBeInTheDocument();
  });
});

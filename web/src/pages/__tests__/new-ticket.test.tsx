import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { account, catalog, json, mockApi, tokenPair } from '../../test/mockApi';
import { renderApp } from '../../test/renderApp';

afterEach(() => vi.unstubAllGlobals());

function file(name: string, size: number, type: string): File {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

async function openForm() {
  const m = mockApi({
    'POST /api/token/refresh/': () => json(200, tokenPair()),
    'GET /api/employee/profile/': () => json(200, account()),
    'GET /api/catalog/': () => json(200, catalog),
  });
  renderApp('/tickets/new');
  const q = within(await screen.findByTestId('page-new-ticket'));
  await q.findByLabelText(/^subject/i);
  return { q, m };
}

describe('new ticket page', () => {
  it('offers the sub-categories of the chosen category', async () => {
    const user = userEvent.setup();
    const { q } = await openForm();
    const sub = q.getByLabelText(/^sub-category/i);
    expect(sub).toBeDisabled();
    await user.selectOptions(q.getByLabelText(/^category/i), 'Asset Category');
    expect(sub).toBeEnabled();
    expect(within(sub).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a sub-category', 'Asset Check-out']);
  });

  it('refuses files of the wrong type, too large, or too many, before any upload', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const { q, m } = await openForm();
    const input = q.getByLabelText(/^attachments/i);
    await user.upload(input, [file('notes.exe', 10, 'application/octet-stream'), file('big.pdf', 5 * 1024 * 1024, 'application/pdf')]);
    const describedBy = () =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    expect(describedBy()).toMatch(/notes\.exe: this type of file is not accepted/);
    expect(describedBy()).toMatch(/big\.pdf is 5 MiB; the limit is 1 MiB per file/);
    await user.upload(input, [file('a.pdf', 10, 'application/pdf'), file('b.png', 10, 'image/png')]);
    expect(describedBy()).toMatch(/Attach at most 3 files \(4 chosen\)/);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.click(q.getByRole('button', { name: /submit ticket/i }));
    expect(m.calls.filter((c) => c.path === '/api/tickets/')).toHaveLength(0);
  });

  it('checks the required fields and the scheduled date on the client', async () => {
    const user = userEvent.setup();
    const { q } = await openForm();
    const date = q.getByLabelText(/^scheduled date/i);
    await user.type(date, '2000-01-01');
    await user.click(q.getByRole('button', { name: /submit ticket/i }));
    await waitFor(() => expect(q.getByLabelText(/^subject/i)).toHaveAttribute('aria-invalid', 'true'));
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(q.getByText('The scheduled date cannot be in the past.')).toBeInTheDocument();
  });

  it('counts the description characters', async () => {
    const user = userEvent.setup();
    const { q } = await openForm();
    await user.type(q.getByLabelText(/^description/i), 'Hello');
    expect(q.getByText('5 of 5000 characters')).toBeInTheDocument();
  });
});

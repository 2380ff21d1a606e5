import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { TicketRow } from '../../../api/types';
import { resetCatalogCache } from '../../../catalog/catalogStore';
import { json, mockApi } from '../../../test/mockApi';
import { CATALOG, ticketFixture } from '../../staff/testUtils';
import { StaffPanel } from '../StaffPanel';

const OPEN = { status: 'In Progress', priority: 'Medium', category: 'IT', sub_category: 'Hardware', version: 6 };

function panel(over: Record<string, unknown>) {
  const onChanged = vi.fn();
  const onStale = vi.fn();
  render(<StaffPanel ticket={ticketFixture(over) as unknown as TicketRow} onChanged={onChanged} onStale={onStale} />);
  return { onChanged, onStale };
}

async function openEdit() {
  await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
  const dialog = screen.getByRole('dialog', { name: 'Edit TX0001' });
  await waitFor(() => expect(within(dialog).getByRole('option', { name: 'Budget Department' })).toBeInTheDocument());
  return dialog;
}

function serve(patch: (body: unknown) => Response) {
  return mockApi({
    'GET /api/catalog/': () => json(200, CATALOG),
    'PATCH /api/tickets/1/': (c) => patch(c.body),
    'POST /api/tickets/1/approve/': () => json(200, ticketFixture({ status: 'In Progress' })),
    'GET /api/employees/': (c) =>
      json(200, {
        count: 1,
        next: null,
        previous: null,
        results: c.query.get('role') === 'System Admin' ? [] : [{ id: 9, first_name: 'Cora', last_name: 'Lee', email: 'c@x', role: 'Ticket Coordinator' }],
      }),
  });
}

beforeEach(() => resetCatalogCache());
afterEach(() => vi.unstubAllGlobals());

describe('Edit and Unassign on the ticket page', () => {
  it('shows Edit and Unassign only when the ticket lists edit_ticket and unassign', () => {
    serve(() => json(500, {}));
    panel({ ...OPEN, actions: ['update_status'], status_targets: ['On Hold'] });
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Unassign' })).toBeNull();
  });

  it('sends only the changed fields with If-Match: the version', async () => {
    const api = serve(() => json(200, ticketFixture({ ...OPEN, priority: 'Critical', version: 7 })));
    const { onChanged } = panel({ ...OPEN, actions: ['edit_ticket'] });
    const dialog = await openEdit();
    const save = within(dialog).getByRole('button', { name: 'Save changes' });
    expect(save).toBeDisabled();
    await userEvent.selectOptions(within(dialog).getByLabelText('Priority'), 'Critical');
    await userEvent.click(save);
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    const sent = api.of('PATCH /api/tickets/1/');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers['if-match']).toBe('6');
    expect(sent[0]!.body).toEqual({ priority: 'Critical' });
  });

  it('keeps a department the catalogue no longer lists as the selected choice', async () => {
    const api = serve(() => json(200, ticketFixture({ ...OPEN, priority: 'Low', department: 'Old Department' })));
    panel({ ...OPEN, department: 'Old Department', actions: ['edit_ticket'] });
    const dialog = await openEdit();
    expect(within(dialog).getByLabelText('Department')).toHaveValue('Old Department');
    await userEvent.selectOptions(within(dialog).getByLabelText('Priority'), 'Low');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.of('PATCH /api/tickets/1/')).toHaveLength(1));
    expect(api.of('PATCH /api/tickets/1/')[0]!.body).toEqual({ priority: 'Low' });
  });

  it('asks for a sub-category of a new category, from the catalogue', async () => {
    const api = serve(() => json(200, ticketFixture(OPEN)));
    const { onChanged } = panel({ ...OPEN, actions: ['edit_ticket'] });
    const dialog = await openEdit();
    await userEvent.selectOptions(within(dialog).getByLabelText('Category'), 'Asset');
    const sub = within(dialog).getByLabelText(/Sub-category/);
    expect(within(sub).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a sub-category', 'Laptop']);
    expect(within(dialog).getByRole('button', { name: 'Save changes' })).toBeDisabled();
    await userEvent.selectOptions(sub, 'Laptop');
    await userEvent.selectOptions(within(dialog).getByLabelText('Department'), 'Budget Department');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.of('PATCH /api/tickets/1/')[0]!.body).toEqual({ department: 'Budget Department', category: 'Asset', sub_category: 'Laptop' });
  });

  it('shows a 400 field error beside its field and keeps the dialog open', async () => {
    serve(() => json(400, { error: 'invalid_argument', detail: 'invalid input', field_errors: { sub_category: ['Not a sub-category of Asset.'] } }));
    const { onChanged } = panel({ ...OPEN, actions: ['edit_ticket'] });
    const dialog = await openEdit();
    await userEvent.selectOptions(within(dialog).getByLabelText('Category'), 'Asset');
    await userEvent.selectOptions(within(dialog).getByLabelText(/Sub-category/), 'Laptop');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    const sub = within(dialog).getByLabelText(/Sub-category/);
    await waitFor(() => expect(sub).toHaveAttribute('aria-invalid', 'true'));
    expect(sub).toHaveAccessibleDescription(expect.stringContaining('Not a sub-category of Asset.'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Invalid input.');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('shows a 403 as a sentence in the dialog', async () => {
    serve(() => json(403, { error: 'forbidden', detail: 'only staff may edit a ticket' }));
    panel({ ...OPEN, actions: ['edit_ticket'] });
    const dialog = await openEdit();
    await userEvent.selectOptions(within(dialog).getByLabelText('Priority'), 'Low');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Only staff may edit a ticket.');
    expect(within(dialog).queryByText(/403/)).toBeNull();
  });

  it('hands a 412 to the page (stale banner) and closes the dialog', async () => {
    serve(() => json(412, { error: 'precondition_failed', detail: 'stale version' }));
    const { onStale, onChanged } = panel({ ...OPEN, actions: ['edit_ticket'] });
    const dialog = await openEdit();
    await userEvent.selectOptions(within(dialog).getByLabelText('Priority'), 'High');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onStale).toHaveBeenCalledTimes(1));
    expect(onChanged).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('unassigns with assigned_to: null and If-Match', async () => {
    const api = serve(() => json(200, ticketFixture({ ...OPEN, status: 'Open', assigned_to: null })));
    const { onChanged } = panel({ ...OPEN, actions: ['unassign'], assigned_to: { id: 9, first_name: 'Cora', last_name: 'Lee', email: 'c@x', role: 'Ticket Coordinator' } });
    await userEvent.click(screen.getByRole('button', { name: 'Unassign' }));
    const dialog = screen.getByRole('dialog', { name: 'Unassign TX0001' });
    expect(dialog).toHaveTextContent('Assigned now to Cora Lee');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Unassign' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    const sent = api.of('PATCH /api/tickets/1/');
    expect(sent[0]!.body).toEqual({ assigned_to: null });
    expect(sent[0]!.headers['if-match']).toBe('6');
  });

  it('a 409 on unassign stays in the dialog as a sentence', async () => {
    serve(() => json(409, { error: 'conflict', detail: 'the ticket is not assigned' }));
    const { onChanged } = panel({ ...OPEN, actions: ['unassign'] });
    await userEvent.click(screen.getByRole('button', { name: 'Unassign' }));
    const dialog = screen.getByRole('dialog', { name: 'Unassign TX0001' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Unassign' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The ticket is not assigned.');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('approves with an assignee when one is chosen, and without one otherwise', async () => {
    const api = serve(() => json(500, {}));
    const { onChanged } = panel({ actions: ['approve'] });
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve TX0001' });
    expect(within(dialog).queryByLabelText(/Assign to/)).toBeNull();
    await userEvent.click(within(dialog).getByLabelText(/Assign it to someone now/));
    const select = await within(dialog).findByLabelText(/Assign to/);
    expect(within(dialog).getByRole('button', { name: 'Approve' })).toBeDisabled();
    await userEvent.selectOptions(select, 'Cora Lee (Ticket Coordinator)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.of('POST /api/tickets/1/approve/')[0]!.body).toEqual({ priority: 'Medium', department: 'IT Department', assigned_to: 9 });
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { TicketRow } from '../../../api/types';
import { resetCatalogCache } from '../../../catalog/catalogStore';
import { CATALOG, ticketFixture } from '../../staff/testUtils';
import { StaffPanel } from '../StaffPanel';
import { STAFF_BUTTONS } from './StaffActions';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}
let sent: Sent[] = [];

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** fetch answering the catalogue, and `reply` for everything else. */
function serve(reply: (s: Sent) => Response) {
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const s: Sent = {
        method: init.method ?? 'GET',
        url,
        headers: (init.headers ?? {}) as Record<string, string>,
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      if (url === '/api/catalog/') return json(200, CATALOG);
      sent.push(s);
      return reply(s);
    }),
  );
}

function panel(over: Record<string, unknown>) {
  const onChanged = vi.fn();
  const onStale = vi.fn();
  const ticket = ticketFixture(over) as unknown as TicketRow;
  render(<StaffPanel ticket={ticket} onChanged={onChanged} onStale={onStale} />);
  return { onChanged, onStale, ticket };
}

const labels = () =>
  within(screen.getByRole('region', { name: 'Staff actions' }))
    .queryAllByRole('button')
    .map((b) => b.textContent);

beforeEach(() => {
  resetCatalogCache();
  serve(() => json(500, {}));
});
afterEach(() => vi.unstubAllGlobals());

describe('StaffPanel', () => {
  it('shows exactly the buttons for the actions the ticket lists', () => {
    panel({ actions: ['approve', 'reject', 'comment', 'comment_internal'] });
    expect(labels()).toEqual(['Approve', 'Reject']);
  });

  it('shows claim, assign, update status and finalize when allowed, and nothing else', () => {
    panel({ status: 'Open', actions: ['claim', 'assign', 'update_status', 'finalize', 'attach'], status_targets: ['On Hold'] });
    expect(labels()).toEqual(['Claim', 'Assign', 'Update status', 'Finalize']);
  });

  it('shows no button when no staff action is allowed', () => {
    panel({ status: 'Closed', actions: ['comment'] });
    expect(labels()).toEqual([]);
    expect(screen.getByText(/No staff action is open/)).toBeInTheDocument();
  });

  it('covers every staff action name', () => {
    expect(STAFF_BUTTONS.map((b) => b.action)).toEqual(['approve', 'reject', 'claim', 'assign', 'update_status', 'finalize', 'edit_ticket', 'unassign']);
  });

  it('approves with If-Match: the version, priority, department and notes', async () => {
    serve(() => json(200, ticketFixture({ status: 'Open', version: 4 })));
    const { onChanged } = panel({ actions: ['approve'], version: 3 });
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve TX0001' });
    await waitFor(() => expect(within(dialog).getByRole('option', { name: 'Budget Department' })).toBeInTheDocument());
    await userEvent.selectOptions(within(dialog).getByLabelText(/Priority/), 'High');
    await userEvent.selectOptions(within(dialog).getByLabelText(/Department/), 'Budget Department');
    await userEvent.type(within(dialog).getByLabelText(/Approval notes/), 'Looks legit');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe('POST');
    expect(sent[0]!.url).toBe('/api/tickets/1/approve/');
    expect(sent[0]!.headers['If-Match']).toBe('3');
    expect(sent[0]!.body).toEqual({ priority: 'High', department: 'Budget Department', approval_notes: 'Looks legit' });
  });

  it('shows the API field errors beside their fields in the approve dialog', async () => {
    serve(() =>
      json(400, { error: 'invalid_argument', detail: 'invalid input', field_errors: { department: ['Not a configured department.'] } }),
    );
    const { onChanged } = panel({ actions: ['approve'] });
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve TX0001' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    const department = within(dialog).getByLabelText(/Department/);
    await waitFor(() => expect(department).toHaveAttribute('aria-invalid', 'true'));
    expect(department).toHaveAccessibleDescription('Not a configured department.');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Invalid input.');
    expect(within(dialog).queryByText(/400/)).toBeNull();
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('hands a 412 to the page (stale banner) and closes the dialog', async () => {
    serve(() => json(412, { error: 'precondition_failed', detail: 'stale version' }));
    const { onStale, onChanged } = panel({ actions: ['approve'] });
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(onStale).toHaveBeenCalledTimes(1));
    expect(onStale.mock.calls[0]![0].isStale).toBe(true);
    expect(onChanged).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('needs a reason to reject, and sends it', async () => {
    serve(() => json(200, ticketFixture({ status: 'Rejected' })));
    const { onChanged } = panel({ actions: ['reject'] });
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    const dialog = screen.getByRole('dialog', { name: 'Reject TX0001' });
    const confirm = within(dialog).getByRole('button', { name: 'Reject ticket' });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText(/Reason/), 'Duplicate of TX0002.');
    await userEvent.click(confirm);
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent[0]!.body).toEqual({ rejection_reason: 'Duplicate of TX0002.' });
    expect(sent[0]!.headers['If-Match']).toBe('3');
  });

  it('offers only the allowed status targets', async () => {
    serve(() => json(200, ticketFixture({ status: 'Resolved' })));
    const { onChanged } = panel({ status: 'In Progress', actions: ['update_status'], status_targets: ['On Hold', 'Resolved'] });
    await userEvent.click(screen.getByRole('button', { name: 'Update status' }));
    const select = within(screen.getByRole('dialog')).getByLabelText(/New status/);
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a status', 'On Hold', 'Resolved']);
    await userEvent.selectOptions(select, 'Resolved');
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Update status' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent[0]!.url).toBe('/api/tickets/1/update-status/');
    expect(sent[0]!.body).toEqual({ status: 'Resolved' });
  });

  it('assigns from the staff picker (approved coordinators and admins)', async () => {
    serve((s) => {
      if (s.method === 'GET') {
        const role = new URL(s.url, 'http://x').searchParams.get('role');
        const person =
          role === 'System Admin'
            ? { id: 1, first_name: 'Ada', last_name: 'Admin', email: 'a@x', role }
            : { id: 7, first_name: 'Cora', last_name: 'Lee', email: 'c@x', role };
        return json(200, { count: 1, next: null, previous: null, results: [person] });
      }
      return json(200, ticketFixture({ status: 'In Progress' }));
    });
    const { onChanged } = panel({ status: 'Open', actions: ['assign'] });
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    const select = await within(screen.getByRole('dialog')).findByLabelText(/Assign to/);
    const gets = sent.filter((s) => s.method === 'GET').map((s) => decodeURIComponent(s.url).replace(/\+/g, ' '));
    expect(gets).toEqual([
      '/api/employees/?role=Ticket Coordinator&status=Approved&page=1&page_size=100',
      '/api/employees/?role=System Admin&status=Approved&page=1&page_size=100',
    ]);
    await userEvent.selectOptions(select, 'Cora Lee (Ticket Coordinator)');
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent.at(-1)!.body).toEqual({ assigned_to: 7 });
  });

  it('claims at once, with If-Match', async () => {
    serve(() => json(200, ticketFixture({ status: 'In Progress' })));
    const { onChanged } = panel({ status: 'Open', actions: ['claim'], version: 9 });
    await userEvent.click(screen.getByRole('button', { name: 'Claim' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent[0]!.url).toBe('/api/tickets/1/claim/');
    expect(sent[0]!.headers['If-Match']).toBe('9');
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { TicketRow } from '../../api/types';
import { AuthContext } from '../../auth/AuthContext';
import { resetCatalogCache } from '../../catalog/catalogStore';
import { json, mockApi } from '../../test/mockApi';
import { authValue, staffUser, ticketFixture } from '../staff/testUtils';
import { StaffPanel } from './StaffPanel';
import { TicketHeader } from './TicketHeader';

const MEASURED = {
  first_response_due: '2026-12-01T10:00:00Z',
  resolution_due: null,
  sla: { state: 'breached', first_response: 'breached', resolution: 'paused', policy_version: 1 },
};

function row(over: Record<string, unknown> = {}) {
  return ticketFixture({ ...MEASURED, ...over }) as unknown as TicketRow;
}

describe('SLA on the ticket page', () => {
  it('shows each target’s due date with its state in words, and the policy version', () => {
    render(<TicketHeader ticket={row()} />);
    const first = screen.getByTestId('sla-first-response');
    expect(first.querySelector('time')).toHaveAttribute('datetime', '2026-12-01T10:00:00Z');
    expect(within(first).getByText('Breached')).toBeInTheDocument();
    const resolution = screen.getByTestId('sla-resolution');
    expect(resolution).toHaveTextContent('No date while paused');
    expect(within(resolution).getByText('Paused')).toBeInTheDocument();
    expect(screen.getByTestId('sla-policy-version')).toHaveTextContent('Version 1');
  });

  it('says a ticket stored before the SLA is not measured', () => {
    render(<TicketHeader ticket={row({ sla: null, first_response_due: null })} />);
    expect(screen.getByText('Service level').nextElementSibling).toHaveTextContent('Not measured');
    expect(screen.queryByTestId('sla-policy-version')).toBeNull();
  });
});

describe('Re-measure under the current policy', () => {
  beforeEach(() => resetCatalogCache());

  function panel(role: 'System Admin' | 'Ticket Coordinator', ticket = row()) {
    const onChanged = vi.fn();
    const onStale = vi.fn();
    render(
      <AuthContext.Provider value={authValue(staffUser(role, 1))}>
        <StaffPanel ticket={ticket} onChanged={onChanged} onStale={onStale} />
      </AuthContext.Provider>,
    );
    return { onChanged, onStale };
  }
  const BUTTON = { name: 'Re-measure under the current policy' };

  it('is for System Admins only', () => {
    mockApi({});
    panel('Ticket Coordinator');
    expect(screen.queryByRole('button', BUTTON)).toBeNull();
  });

  it('asks first, then posts with If-Match: the version and hands the answer to the page', async () => {
    const answer = ticketFixture({ ...MEASURED, version: 4, sla: { ...MEASURED.sla, policy_version: 2 } });
    const api = mockApi({ 'POST /api/tickets/1/reapply-sla/': () => json(200, answer) });
    const { onChanged } = panel('System Admin');
    await userEvent.click(screen.getByRole('button', BUTTON));
    const dialog = screen.getByRole('dialog', { name: 'Re-measure the SLA?' });
    expect(dialog).toHaveTextContent('policy version 1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Re-measure' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(answer));
    const [call] = api.of('POST /api/tickets/1/reapply-sla/');
    expect(call!.headers['if-match']).toBe('3');
  });

  it('hands a 412 to the page’s stale banner', async () => {
    mockApi({ 'POST /api/tickets/1/reapply-sla/': () => json(412, { error: 'stale_version', detail: 'The ticket changed.' }) });
    const { onStale, onChanged } = panel('System Admin');
    await userEvent.click(screen.getByRole('button', BUTTON));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Re-measure' }));
    await waitFor(() => expect(onStale).toHaveBeenCalled());
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('shows a refusal (403, 409) in the dialog', async () => {
    const replies = [
      json(403, { error: 'permission_denied', detail: 'Only a System Admin may do this.' }),
      json(409, { error: 'conflict', detail: 'The ticket is closed.' }),
    ];
    mockApi({ 'POST /api/tickets/1/reapply-sla/': () => replies.shift()! });
    const { onChanged } = panel('System Admin');
    await userEvent.click(screen.getByRole('button', BUTTON));
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Re-measure' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Only a System Admin may do this.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Re-measure' }));
    expect(await within(dialog).findByText('The ticket is closed.')).toBeInTheDocument();
    expect(onChanged).not.toHaveBeenCalled();
  });
});

import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { TicketRow } from '../api/types';
import { TicketTable } from '../pages/staff/queue/TicketTable';
import { ticketFixture } from '../pages/staff/testUtils';
import { SLA_STATES, SlaBadge } from './SlaBadge';

describe('SlaBadge', () => {
  it('says each state in words, not by colour alone', () => {
    for (const { value, label } of SLA_STATES) {
      const { unmount } = render(<SlaBadge state={value} />);
      expect(screen.getByText(label)).toHaveClass('badge', `badge--sla-${value.replace('_', '-')}`);
      unmount();
    }
    expect(SLA_STATES.map((s) => s.label)).toEqual(['On track', 'At risk', 'Breached', 'Met', 'Paused']);
  });

  it('says "Not measured" without a state', () => {
    render(<SlaBadge state={null} />);
    expect(screen.getByText('Not measured')).toBeInTheDocument();
  });
});

describe('the queue table’s Due column', () => {
  it('shows the resolution due date and the overall state, or that the ticket is not measured', () => {
    const measured = ticketFixture({
      id: 1,
      ticket_number: 'TX0001',
      resolution_due: '2026-12-02T09:00:00Z',
      sla: { state: 'breached', first_response: 'breached', resolution: 'on_track', policy_version: 2 },
    });
    const old = ticketFixture({ id: 2, ticket_number: 'TX0002', sla: null, resolution_due: null });
    render(
      <MemoryRouter>
        <TicketTable tickets={[measured, old] as unknown as TicketRow[]} caption="Tickets" />
      </MemoryRouter>,
    );
    const table = screen.getByRole('table', { name: 'Tickets' });
    expect(within(table).getByRole('columnheader', { name: 'Due' })).toBeInTheDocument();
    const [, first, second] = within(table).getAllByRole('row');
    const due = within(first!).getAllByRole('cell').at(-1)!;
    expect(due).toHaveTextContent('Breached');
    expect(due.querySelector('time')).toHaveAttribute('datetime', '2026-12-02T09:00:00Z');
    expect(within(second!).getAllByRole('cell').at(-1)).toHaveTextContent('Not measured');
  });
});

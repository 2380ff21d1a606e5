import { render, screen, within } from '@testing-library/react';
import { metShare, SlaCompliance } from './SlaCompliance';

describe('SlaCompliance', () => {
  it('shows met, breached and pending per target, and the share met on time', () => {
    render(<SlaCompliance sla={{ first_response: { met: 3, breached: 1, pending: 2 }, resolution: { met: 0, breached: 0, pending: 6 } }} />);
    const table = screen.getByRole('table', { name: 'SLA compliance by target' });
    const first = within(table).getByRole('row', { name: /First response/ });
    expect(within(first).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3', '1', '2', '75 %']);
    const resolution = within(table).getByRole('row', { name: /Resolution/ });
    expect(resolution).toHaveTextContent('None decided yet');
  });

  it('says so when nothing is measured', () => {
    render(<SlaCompliance sla={undefined} />);
    expect(screen.getByText('No ticket is measured yet.')).toBeInTheDocument();
    expect(metShare(undefined)).toBeNull();
  });
});

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockApi } from '../test/mockApi';
import { AvailabilitySwitch } from './AvailabilitySwitch';

const NAME = { name: 'Available for new tickets' };

describe('AvailabilitySwitch', () => {
  it('is a switch showing where the person stands, and flips it on the server', async () => {
    const api = mockApi({
      'GET /api/employee/availability/': () => json(200, { account: 7, available: true, chosen: false }),
      'PATCH /api/employee/availability/': (c) => json(200, { account: 7, available: (c.body as { available: boolean }).available, chosen: true }),
    });
    render(<AvailabilitySwitch />);
    const toggle = await screen.findByRole('switch', NAME);
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'false'));
    expect(api.of('PATCH /api/employee/availability/')[0]!.body).toEqual({ available: false });
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'true'));
  });

  it('stays as it was and says why when the change is refused', async () => {
    mockApi({
      'GET /api/employee/availability/': () => json(200, { account: 7, available: false, chosen: true }),
      'PATCH /api/employee/availability/': () => json(403, { error: 'permission_denied', detail: 'Only staff take part in automatic assignment.' }),
    });
    render(<AvailabilitySwitch />);
    const toggle = await screen.findByRole('switch', NAME);
    await userEvent.click(toggle);
    expect(await screen.findByRole('alert')).toHaveTextContent('Only staff take part in automatic assignment.');
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(toggle).toBeEnabled();
  });

  it('shows nothing while the server has not answered', () => {
    mockApi({ 'GET /api/employee/availability/': () => new Promise<Response>(() => {}) });
    render(<AvailabilitySwitch />);
    expect(screen.queryByRole('switch')).toBeNull();
  });
});

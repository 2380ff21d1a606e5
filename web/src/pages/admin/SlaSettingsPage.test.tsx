import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { resetCatalogCache } from '../../catalog/catalogStore';
import { json, mockApi, type Handler } from '../../test/mockApi';
import { CATALOG, renderAt, staffUser } from '../staff/testUtils';
import SlaSettingsPage from './SlaSettingsPage';

const hours = [{ start: '09:00', end: '17:00' }];
const POLICY = {
  version: 1,
  created_at: '2026-12-01T08:00:00Z',
  created_by: null,
  calendar: { time_zone: 'UTC', week: { monday: hours, tuesday: hours, wednesday: hours, thursday: hours, friday: hours, saturday: [], sunday: [] }, holidays: ['2026-12-25'] },
  targets: {
    Critical: { first_response: { amount: 1, unit: 'hours' }, resolution: { amount: 4, unit: 'hours' }, around_the_clock: true },
    High: { first_response: { amount: 4, unit: 'hours' }, resolution: { amount: 1, unit: 'days' }, around_the_clock: false },
    Medium: { first_response: { amount: 1, unit: 'days' }, resolution: { amount: 3, unit: 'days' }, around_the_clock: false },
    Low: { first_response: { amount: 2, unit: 'days' }, resolution: { amount: 5, unit: 'days' }, around_the_clock: false },
  },
  overrides: [],
  at_risk_percent: 75,
  pausing_statuses: ['On Hold', 'Pending'],
};
const DEPARTMENTS = [
  { department: 'IT Department', mode: 'round_robin', last_assignee: 5 },
  { department: 'Asset Department', mode: 'none', last_assignee: null },
];

function serve(extra: Record<string, Handler> = {}) {
  return mockApi({
    'GET /api/catalog/': () => json(200, CATALOG),
    'GET /api/sla/policy/': () => json(200, POLICY),
    'GET /api/assignment/departments/': () => json(200, { departments: DEPARTMENTS }),
    'GET /api/employees/': () =>
      json(200, { count: 1, next: null, previous: null, results: [{ id: 5, first_name: 'Casey', middle_name: null, last_name: 'Morgan', suffix: null }] }),
    ...extra,
  });
}

function open() {
  return renderAt(<SlaSettingsPage />, { url: '/admin/sla', path: '/admin/sla', user: staffUser('System Admin', 1) });
}

beforeEach(() => resetCatalogCache());

describe('SlaSettingsPage', () => {
  it('shows the policy: targets, calendar, holidays, and the departments’ modes', async () => {
    serve();
    open();
    expect(await screen.findByLabelText('High: first response')).toHaveValue(4);
    expect(screen.getByTestId('page-sla-settings')).toBeInTheDocument();
    expect(screen.getByTestId('sla-version')).toHaveTextContent('Version 1');
    expect(screen.getByLabelText('High: first response: unit')).toHaveValue('hours');
    expect(screen.getByLabelText('Critical: count every hour')).toBeChecked();
    expect(screen.getByLabelText('Time zone')).toHaveValue('UTC');
    expect(screen.getByLabelText('Monday 1: from')).toHaveValue('09:00');
    expect(screen.getByRole('button', { name: 'Remove 2026-12-25' })).toBeInTheDocument();
    expect(screen.getByLabelText('On Hold')).toBeChecked();
    expect(await screen.findByLabelText('IT Department: assignment mode')).toHaveValue('round_robin');
    expect(await screen.findByText('Casey Morgan')).toBeInTheDocument();
  });

  it('saves the whole policy and says which version it became', async () => {
    const api = serve({ 'PATCH /api/sla/policy/': (c) => json(200, { ...POLICY, ...(c.body as object), version: 2 }) });
    open();
    const amount = await screen.findByLabelText('Low: first response');
    await userEvent.clear(amount);
    await userEvent.type(amount, '30');
    await userEvent.selectOptions(screen.getByLabelText('Low: first response: unit'), 'minutes');
    await userEvent.click(screen.getByLabelText('Low: count every hour'));
    await userEvent.click(screen.getByRole('button', { name: 'Add hours on Saturday' }));
    await userEvent.type(screen.getByLabelText('New holiday'), '2027-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Add holiday' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add an override' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the policy' }));

    expect(await screen.findByText('Saved as version 2. New tickets are measured under it.')).toBeInTheDocument();
    const body = api.of('PATCH /api/sla/policy/')[0]!.body as typeof POLICY;
    expect(body.targets.Low).toEqual({ first_response: { amount: 30, unit: 'minutes' }, resolution: { amount: 5, unit: 'days' }, around_the_clock: true });
    expect(body.calendar.week.saturday).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(body.calendar.holidays).toEqual(['2026-12-25', '2027-01-01']);
    expect(body.overrides).toEqual([{ department: 'IT Department', priority: 'High', ...POLICY.targets.High }]);
    expect(body).not.toHaveProperty('version');
    expect(screen.getByTestId('sla-version')).toHaveTextContent('Version 2');
  });

  it('shows each refused field beside its control', async () => {
    serve({
      'PATCH /api/sla/policy/': () =>
        json(400, {
          error: 'invalid_argument',
          detail: 'Some fields are not valid.',
          field_errors: {
            'targets.High.resolution': ['must be between 1 and 10000 days'],
            'calendar.time_zone': ['unknown time zone: Mars/Base'],
            'calendar.week.monday[0].start': ['must be a time of day as HH:MM (00:00 to 24:00)'],
            'calendar.week': ['at least one day needs working hours'],
            at_risk_percent: ['must be between 1 and 99'],
            'overrides[0].priority': ['the department already has targets for High'],
            'calendar.holidays[0]': ['must be a date as YYYY-MM-DD'],
          },
        }),
    });
    open();
    await screen.findByLabelText('High: resolution');
    await userEvent.click(screen.getByRole('button', { name: 'Add an override' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the policy' }));
    expect(await screen.findByText('Some fields are not valid.')).toBeInTheDocument();
    expect(screen.getByLabelText('High: resolution')).toHaveAccessibleDescription(/must be between 1 and 10000 days/);
    expect(screen.getByLabelText('High: resolution')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Time zone')).toHaveAccessibleDescription(/unknown time zone: Mars\/Base/);
    expect(screen.getByLabelText('Monday 1: from')).toHaveAccessibleDescription(/HH:MM/);
    expect(screen.getByLabelText(/At risk after/)).toHaveAccessibleDescription(/must be between 1 and 99/);
    expect(screen.getByText('at least one day needs working hours')).toBeInTheDocument();
    expect(screen.getByLabelText('Override 1: priority')).toHaveAccessibleDescription(/already has targets for High/);
    expect(screen.getByLabelText('Override 1: department')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByText('must be a date as YYYY-MM-DD').closest('li')).toHaveTextContent('Remove 2026-12-25');
    expect(screen.getByLabelText('Critical: resolution')).toHaveAttribute('aria-invalid', 'false');
  });

  it('shows a refusal of the policy itself (403)', async () => {
    mockApi({
      'GET /api/catalog/': () => json(200, CATALOG),
      'GET /api/sla/policy/': () => json(403, { error: 'permission_denied', detail: 'Only a System Admin may do this.' }),
      'GET /api/assignment/departments/': () => json(403, { error: 'permission_denied', detail: 'Only a System Admin may do this.' }),
      'GET /api/employees/': () => json(200, { count: 0, next: null, previous: null, results: [] }),
    });
    open();
    expect(await screen.findByText('Could not load the policy')).toBeInTheDocument();
    expect(await screen.findByText('Could not load the departments')).toBeInTheDocument();
  });

  it('changes a department’s assignment mode at once, and shows a refusal', async () => {
    const replies = [
      (mode: string) => json(200, { department: 'Asset Department', mode, last_assignee: null }),
      () => json(409, { error: 'conflict', detail: 'Someone else changed the mode.' }),
    ];
    const api = serve({ 'PATCH /api/assignment/departments/Asset%20Department/': (c) => replies.shift()!((c.body as { mode: string }).mode) });
    open();
    const select = await screen.findByLabelText('Asset Department: assignment mode');
    await userEvent.selectOptions(select, 'least_open');
    await waitFor(() => expect(screen.getByLabelText('Asset Department: assignment mode')).toHaveValue('least_open'));
    expect(api.of('PATCH /api/assignment/departments/Asset%20Department/')[0]!.body).toEqual({ mode: 'least_open' });
    expect(screen.getByText(/Saved\. Asset Department: Least open tickets/)).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Asset Department: assignment mode'), 'none');
    const section = screen.getByRole('region', { name: 'Automatic assignment' });
    expect(await within(section).findByRole('alert')).toHaveTextContent('Someone else changed the mode.');
    expect(screen.getByLabelText('Asset Department: assignment mode')).toHaveValue('least_open');
  });
});

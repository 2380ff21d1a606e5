// The SLA and automatic-assignment screens against a real server: an admin
// changes the policy (a refused value is shown beside its field, then the
// change is saved as version 2 and still there after a reload), sets a
// department's assignment mode; a coordinator sets themselves away in the
// header; a queue shows the Due column; the admin re-measures a ticket under
// the new policy (1 minute to the first response, so it is breached) and the
// queue's SLA filter "Breached" lists it and not its on-track sibling.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deskForSuite } from './support/harness.mjs';
import { loginThroughUi, open } from './support/browser.mjs';
import { step, visible, seeText, until, selectByLabel, fieldMessages } from './support/ui.mjs';
import { ADMIN, USER_PASSWORD } from './support/env.mjs';

/** The ticket must be this old before a 1-minute first-response target is breached. */
const BREACH_AFTER_MS = 62_000;

describe('SLA and assignment screens', { timeout: 240_000 }, () => {
  // Setup over the API: a coordinator, an employee with two tickets (Low
  // priority, measured under the built-in policy, version 1).
  const world = deskForSuite({
    setup: async (desk) => {
      const api = desk.api;
      const adminToken = await api.adminToken();
      const coordinatorEmail = desk.email('casey');
      const employeeEmail = desk.email('erin');
      await api.staff(adminToken, desk.sink, { email: coordinatorEmail, first_name: 'Casey', last_name: 'Morgan' });
      await api.employee(adminToken, { email: employeeEmail, first_name: 'Erin', last_name: 'Walsh' });
      const owner = await api.login(employeeEmail);
      const late = await api.createTicket(owner, { subject: 'Monitor flickers', fileName: null });
      const createdAt = Date.now();
      const onTime = await api.createTicket(owner, { subject: 'Keyboard sticks', fileName: null });
      const admin = await desk.person();
      await loginThroughUi(admin.page, ADMIN.email, ADMIN.password, null);
      const coordinator = await desk.person();
      await loginThroughUi(coordinator.page, coordinatorEmail, USER_PASSWORD, null);
      return { late, onTime, createdAt, admin: admin.page, coordinator: coordinator.page, coordinatorEmail };
    },
  });

  test('the admin sees a refused value beside its field, then saves the policy as version 2', async () => {
    const page = world.admin;
    await step(page, 'open the SLA page from the header', async () => {
      await open(page, '/queue', 'page-queue');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SLA' }).click();
      await visible(page.getByTestId('page-sla-settings'));
      await seeText(page.getByTestId('sla-version'), /Version 1/);
    });
    const form = page.getByRole('form', { name: 'SLA policy' });
    await step(page, 'a refused value is shown beside its field', async () => {
      const share = form.getByLabel(/At risk after/);
      await share.fill('150');
      await form.getByRole('button', { name: 'Save the policy' }).click();
      await seeText(form.getByRole('alert'), /not valid/i);
      await until('the at-risk field error', async () => /between 1 and 99/.test((await fieldMessages(share)).described));
      assert.equal((await fieldMessages(share)).invalid, 'true');
      await share.fill('75');
    });
    await step(page, 'Low: one minute to the first response, around the clock; saved as version 2', async () => {
      await form.getByLabel('Low: first response', { exact: true }).fill('1');
      await form.getByLabel('Low: first response: unit').selectOption('minutes');
      await form.getByLabel('Low: count every hour').check();
      await form.getByRole('button', { name: 'Save the policy' }).click();
      await seeText(form, /Saved as version 2/);
    });
    await step(page, 'the policy is still there after a reload', async () => {
      await page.reload();
      await seeText(page.getByTestId('sla-version'), /Version 2/);
      assert.equal(await form.getByLabel('Low: first response', { exact: true }).inputValue(), '1');
      assert.equal(await form.getByLabel('Low: first response: unit').inputValue(), 'minutes');
      assert.ok(await form.getByLabel('Low: count every hour').isChecked());
    });
    await step(page, 'IT Department assigns round robin', async () => {
      const mode = page.getByLabel('IT Department: assignment mode');
      await selectByLabel(mode, /Round robin/);
      await until('the mode saved', async () => {
        const answer = await world.desk.api.call('GET', '/api/assignment/departments/', { token: await world.desk.api.adminToken() });
        return answer.departments.find((d) => d.department === 'IT Department')?.mode === 'round_robin';
      });
    });
  });

  test('the coordinator sets themselves away in the header', async () => {
    const page = world.coordinator;
    await step(page, 'the switch says available, then away, and it stays after a reload', async () => {
      await open(page, '/queue', 'page-queue');
      const toggle = await visible(page.getByRole('switch', { name: 'Available for new tickets' }));
      assert.equal(await toggle.getAttribute('aria-checked'), 'true');
      await toggle.click();
      await until('aria-checked false', async () => (await toggle.getAttribute('aria-checked')) === 'false');
      await page.reload();
      const again = await visible(page.getByRole('switch', { name: 'Available for new tickets' }));
      await until('still away after a reload', async () => (await again.getAttribute('aria-checked')) === 'false');
      const token = await world.desk.api.login(world.coordinatorEmail);
      const mine = await world.desk.api.call('GET', '/api/employee/availability/', { token });
      assert.deepEqual([mine.available, mine.chosen], [false, true]);
    });
  });

  test('the queue shows the Due column; the admin re-measures a ticket, which is then breached and found by the SLA filter', async () => {
    const { late, onTime } = world;
    const coordinator = world.coordinator;
    await step(coordinator, 'the New queue has the Due column with each ticket’s state', async () => {
      await open(coordinator, '/queue?view=new', 'page-queue');
      const table = await visible(coordinator.getByTestId('page-queue').getByRole('table'));
      await visible(table.getByRole('columnheader', { name: 'Due' }));
      const row = table.getByRole('row').filter({ hasText: late.ticket_number });
      await seeText(row, 'On track');
    });

    // The ticket must be old enough for a 1-minute target to be used up.
    const wait = world.createdAt + BREACH_AFTER_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));

    const admin = world.admin;
    await step(admin, 're-measure under the current policy', async () => {
      await open(admin, `/tickets/${late.ticket_number}`, 'page-ticket');
      const ticket = admin.getByTestId('page-ticket');
      await seeText(ticket.getByTestId('sla-policy-version'), /Version 1/);
      await ticket.getByRole('button', { name: 'Re-measure under the current policy' }).click();
      const dialog = await visible(admin.getByRole('dialog', { name: 'Re-measure the SLA?' }));
      await dialog.getByRole('button', { name: 'Re-measure' }).click();
      await seeText(ticket.getByTestId('sla-policy-version'), /Version 2/);
      await seeText(ticket.getByTestId('sla-first-response'), 'Breached');
    });

    await step(coordinator, 'the SLA filter "Breached" lists the late ticket only', async () => {
      await open(coordinator, '/queue?view=new', 'page-queue');
      const queue = coordinator.getByTestId('page-queue');
      await seeText(queue.getByRole('table'), onTime.ticket_number);
      await selectByLabel(queue.getByLabel('SLA', { exact: true }), /^Breached$/);
      await until('?sla=breached in the address', async () => new URL(coordinator.url()).searchParams.get('sla') === 'breached');
      const table = queue.getByRole('table');
      await seeText(table, late.ticket_number);
      await until('the on-track ticket filtered out', async () => (await table.getByText(onTime.ticket_number).count()) === 0);
      await seeText(table.getByRole('row').filter({ hasText: late.ticket_number }), 'Breached');
    });
  });
});

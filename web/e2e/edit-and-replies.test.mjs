// Editing, canned replies and account administration, through the browser
// against a real server: a coordinator edits a ticket's priority and sees it
// change; writes a canned reply, inserts it (filled in for the ticket) into
// a comment and sends it; the admin deactivates an account, which can then
// no longer sign in.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deskForSuite } from './support/harness.mjs';
import { open, loginFields, loginThroughUi } from './support/browser.mjs';
import { step, visible, seeText, until, selectByLabel } from './support/ui.mjs';
import { ADMIN, USER_PASSWORD } from './support/env.mjs';

describe('editing, canned replies and account administration', { timeout: 170_000 }, () => {
  const world = deskForSuite({
    setup: async (desk) => {
      const api = desk.api;
      const admin = await api.adminToken();
      const coordinatorEmail = desk.email('casey');
      const employeeEmail = desk.email('erin');
      await api.staff(admin, desk.sink, { email: coordinatorEmail, first_name: 'Casey', last_name: 'Coordinator' });
      await api.employee(admin, { email: employeeEmail, first_name: 'Erin', last_name: 'Walsh' });
      const owner = await api.login(employeeEmail);
      const staff = await api.login(coordinatorEmail);
      const ticket = await api.createTicket(owner, { subject: 'Monitor flickers after lunch' });
      await api.approve(staff, ticket.id, { priority: 'Medium', department: 'IT Department' });
      await api.claim(staff, ticket.id);
      return { coordinatorEmail, employeeEmail, owner, ticket };
    },
  });

  test('a coordinator edits the priority, then answers with a canned reply', async () => {
    const { desk, coordinatorEmail, owner, ticket } = world;
    const { page } = await desk.person();
    await loginThroughUi(page, coordinatorEmail, USER_PASSWORD, null);
    const ticketPage = page.getByTestId('page-ticket');

    await step(page, 'edit the priority from Medium to Critical', async () => {
      await open(page, `/tickets/${ticket.ticket_number}`, 'page-ticket');
      const staff = page.getByRole('region', { name: 'Staff actions' });
      await (await visible(staff.getByRole('button', { name: 'Edit', exact: true }))).click();
      const dialog = await visible(page.getByRole('dialog', { name: `Edit ${ticket.ticket_number}` }));
      await selectByLabel(dialog.getByLabel('Priority'), /^Critical$/);
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await seeText(ticketPage, /^Critical$/);
      const fresh = await desk.api.ticket(owner, ticket.id);
      assert.equal(fresh.priority, 'Critical');
    });

    const title = `Flicker fix ${process.pid}`;
    await step(page, 'write a canned reply on its page', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Canned replies' }).click();
      const replies = await visible(page.getByTestId('page-canned-replies'));
      await replies.getByRole('button', { name: 'New canned reply' }).click();
      const form = await visible(replies.getByRole('form', { name: 'New canned reply' }));
      await form.getByLabel(/^Title/).fill(title);
      await form.getByLabel(/^Text/).fill('Hi {{employee.first_name}}, we replaced the cable on {{ticket.number}}.');
      await form.getByRole('button', { name: 'Save reply' }).click();
      await seeText(replies.getByRole('status'), /is saved/);
      await visible(replies.getByRole('table').getByText(title));
    });

    const expected = `Hi Erin, we replaced the cable on ${ticket.ticket_number}.`;
    await step(page, 'insert it into a comment, edit it, and send it', async () => {
      await open(page, `/tickets/${ticket.ticket_number}`, 'page-ticket');
      await ticketPage.getByRole('button', { name: 'Insert a canned reply' }).click();
      await ticketPage.getByLabel('Search canned replies').fill('flicker');
      await (await visible(ticketPage.getByRole('list', { name: 'Canned replies' }).getByRole('button', { name: new RegExp(title) }))).click();
      const box = ticketPage.getByLabel(/Your comment/);
      await until('the rendered reply in the comment box', async () => (await box.inputValue()) === expected);
      await box.press('End');
      await box.pressSequentially(' Tell us if it flickers again.');
      await ticketPage.getByRole('button', { name: 'Post comment' }).click();
      await seeText(ticketPage, `${expected} Tell us if it flickers again.`);
      const comments = await desk.api.comments(owner, ticket.id);
      assert.ok(comments.some((c) => c.text === `${expected} Tell us if it flickers again.` && !c.is_internal), 'the owner reads the sent reply');
    });
  });

  test('the admin deactivates an account, which can no longer sign in', async () => {
    const { desk, employeeEmail } = world;
    const admin = await desk.person();
    const page = admin.page;
    await loginThroughUi(page, ADMIN.email, ADMIN.password, null);

    await step(page, 'deactivate Erin from the accounts page, after confirming', async () => {
      await open(page, '/admin/accounts', 'page-admin-accounts');
      const all = page.getByRole('region', { name: 'All accounts' });
      await (await visible(all.getByRole('button', { name: 'Manage Erin Walsh' }))).click();
      const dialog = await visible(page.getByRole('dialog', { name: 'Manage Erin Walsh' }));
      await dialog.getByRole('button', { name: 'Deactivate…' }).click();
      await dialog.getByRole('button', { name: 'Yes, deactivate' }).click();
      await seeText(dialog, /Erin Walsh is deactivated/);
      await dialog.getByText('History of this account').click();
      await seeText(dialog, /Access: active → deactivated/);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await selectByLabel(all.getByLabel('Access'), /^Deactivated$/);
      await visible(all.getByRole('table').getByText(employeeEmail));
    });

    const erin = await desk.person();
    await step(erin.page, 'Erin cannot sign in any more', async () => {
      await open(erin.page, '/login', 'page-login');
      const f = loginFields(erin.page);
      await f.email.fill(employeeEmail);
      await f.password.fill(USER_PASSWORD);
      await f.submit.click();
      await seeText(erin.page.getByTestId('page-login'), /deactivated/i);
      assert.equal(await erin.page.getByTestId('page-my-tickets').count(), 0);
    });
  });
});
